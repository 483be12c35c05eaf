<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity chart</source>
        <translation>Gráfico de actividad</translation>
    </message>
    <message>
        <source>Nothing in the last {0} days.</source>
        <translation>Nada en los últimos {0} días.</translation>
    </message>
    <message>
        <source>{0} in the last {1} days; the most on {2} ({3}).</source>
        <translation>{0} en los últimos {1} días; el día con más fue {2} ({3}).</translation>
    </message>
    <message>
        <source>Nothing to show for these days.</source>
        <translation>No hay nada que mostrar en estos días.</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>How often SafeLens stepped in, per day and per place content came in. Only counts are kept — never the pictures, file names or where they came from.</source>
        <translation>Cuántas veces ha intervenido SafeLens, por día y por lugar por el que llegó el contenido. Solo se guardan recuentos — nunca las imágenes, los nombres de archivo ni su procedencia.</translation>
    </message>
    <message>
        <source>Whose activity</source>
        <translation>Actividad de quién</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>What to count</source>
        <translation>Qué contar</translation>
    </message>
    <message>
        <source>&amp;Whose:</source>
        <translation>&amp;De quién:</translation>
    </message>
    <message>
        <source>Wh&amp;at:</source>
        <translation>&amp;Qué:</translation>
    </message>
    <message>
        <source>Activity counts per day</source>
        <translation>Recuentos de actividad por día</translation>
    </message>
    <message>
        <source>Activity counts are not available on this computer.</source>
        <translation>Los recuentos de actividad no están disponibles en este equipo.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>Agent</name>
    <message>
        <source>Protection needs a guardian: {0}</source>
        <translation>La protección necesita a un tutor: {0}</translation>
    </message>
    <message>
        <source>Protection off on this account</source>
        <translation>Protección desactivada en esta cuenta</translation>
    </message>
    <message>
        <source>Protection on — set by your school</source>
        <translation>Protección activada — la fija tu centro educativo</translation>
    </message>
    <message>
        <source>Protection on</source>
        <translation>Protección activada</translation>
    </message>
    <message>
        <source>See your choices</source>
        <translation>Ver tus opciones</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Open a picture or video safely…</source>
        <translation>Abrir una imagen o un vídeo de forma segura…</translation>
    </message>
    <message>
        <source>Contacts…</source>
        <translation>Contactos…</translation>
    </message>
    <message>
        <source>Guardian settings…</source>
        <translation>Ajustes del tutor…</translation>
    </message>
    <message>
        <source>Quit SafeLens</source>
        <translation>Salir de SafeLens</translation>
    </message>
    <message>
        <source>Someone shared something that may be sensitive</source>
        <translation>Alguien ha compartido algo que puede ser sensible</translation>
    </message>
    <message>
        <source>SafeLens put it aside. You can see your choices.</source>
        <translation>SafeLens lo ha apartado. Puedes ver tus opciones.</translation>
    </message>
    <message>
        <source>A file is waiting before it is sent</source>
        <translation>Un archivo está esperando antes de enviarse</translation>
    </message>
    <message>
        <source>It may be sensitive. You can choose what happens.</source>
        <translation>Puede ser sensible. Tú eliges qué pasa.</translation>
    </message>
    <message>
        <source>Open a picture or video</source>
        <translation>Abrir una imagen o un vídeo</translation>
    </message>
    <message>
        <source>SafeLens can&apos;t check files right now</source>
        <translation>SafeLens no puede comprobar archivos ahora mismo</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Vale</translation>
    </message>
    <message>
        <source>While you were away</source>
        <translation>Mientras no estabas</translation>
    </message>
    <message>
        <source>the SafeLens service is not running</source>
        <translation>el servicio de SafeLens no está funcionando</translation>
    </message>
    <message>
        <source>While you were away, SafeLens put aside 1 file.</source>
        <translation>Mientras no estabas, SafeLens apartó 1 archivo.</translation>
    </message>
    <message>
        <source>While you were away, SafeLens put aside {0} files.</source>
        <translation>Mientras no estabas, SafeLens apartó {0} archivos.</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Remembered approvals</source>
        <translation>Aprobaciones recordadas</translation>
    </message>
    <message>
        <source>When you approve a file for a child and ask SafeLens to remember it, the child can open that exact file again without asking. Files are known only by a fingerprint of their content — never by name or picture.</source>
        <translation>Si apruebas un archivo para un menor y pides a SafeLens que lo recuerde, el menor podrá volver a abrir ese mismo archivo sin pedir permiso. Los archivos solo se reconocen por una huella de su contenido — nunca por su nombre ni por la imagen.</translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation>Huella del archivo</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Menor</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Aprobado el</translation>
    </message>
    <message>
        <source>No approvals are remembered.</source>
        <translation>No hay aprobaciones recordadas.</translation>
    </message>
    <message>
        <source>Re&amp;voke approval</source>
        <translation>&amp;Revocar aprobación</translation>
    </message>
    <message>
        <source>Revoke the selected approval</source>
        <translation>Revocar la aprobación seleccionada</translation>
    </message>
    <message>
        <source>Removed profile</source>
        <translation>Perfil eliminado</translation>
    </message>
</context>
<context>
    <name>ArrivalWindow</name>
    <message>
        <source>SafeLens — something was shared with you</source>
        <translation>SafeLens — alguien ha compartido algo contigo</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t open this. A guardian can look at it in the console.</source>
        <translation>SafeLens no ha podido abrir esto. Un tutor puede revisarlo en el panel del tutor.</translation>
    </message>
</context>
<context>
    <name>ChangePinPage</name>
    <message>
        <source>Change PIN</source>
        <translation>Cambiar PIN</translation>
    </message>
    <message>
        <source>The guardian PIN protects every setting and lets a child past the help screens. Changing it needs the current PIN; a forgotten PIN can only be reset by an administrator of this computer.</source>
        <translation>El PIN del tutor protege todos los ajustes y permite a un niño pasar las pantallas de ayuda. Para cambiarlo hace falta el PIN actual; un PIN olvidado solo lo puede restablecer un administrador de este equipo.</translation>
    </message>
    <message>
        <source>A new PIN needs at least {0} digits, or use a passphrase of at least {1} characters. Avoid birthdays and numbers a child could guess.</source>
        <translation>Un PIN nuevo necesita al menos {0} dígitos, o use una frase de contraseña de al menos {1} caracteres. Evite cumpleaños y números que un niño podría adivinar.</translation>
    </message>
    <message>
        <source>Rules for a new PIN</source>
        <translation>Reglas para un PIN nuevo</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>PIN actual</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>PIN nuevo otra vez</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>PIN &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>PIN &amp;nuevo:</translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation>&amp;Repita el PIN nuevo:</translation>
    </message>
    <message>
        <source>C&amp;hange PIN</source>
        <translation>Ca&amp;mbiar PIN</translation>
    </message>
    <message>
        <source>Change the guardian PIN</source>
        <translation>Cambiar el PIN del tutor</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN cambiado</translation>
    </message>
    <message>
        <source>Please fill in all three boxes.</source>
        <translation>Rellene las tres casillas.</translation>
    </message>
    <message>
        <source>The PIN was changed. Use the new PIN from now on.</source>
        <translation>Se cambió el PIN. A partir de ahora use el PIN nuevo.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same. Nothing was changed.</source>
        <translation>Los dos PIN nuevos no coinciden. No se cambió nada.</translation>
    </message>
    <message>
        <source>The current PIN is not right. Nothing was changed.</source>
        <translation>El PIN actual no es correcto. No se cambió nada.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in {0} seconds.</source>
        <translation>Demasiados intentos fallidos. Vuelva a intentarlo en {0} segundos.</translation>
    </message>
    <message>
        <source>This new PIN is too easy to guess: use at least {0} digits, or a passphrase of at least {1} characters (not only spaces).</source>
        <translation>Este PIN nuevo es demasiado fácil de adivinar: use al menos {0} dígitos, o una frase de contraseña de al menos {1} caracteres (no solo espacios).</translation>
    </message>
    <message>
        <source>The disk is full, so the PIN was not changed. Free some space and try again.</source>
        <translation>El disco está lleno, así que el PIN no se cambió. Libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save the new PIN ({0}). The old PIN still works.</source>
        <translation>SafeLens no pudo guardar el PIN nuevo ({0}). El PIN anterior sigue funcionando.</translation>
    </message>
    <message>
        <source>The PIN couldn&apos;t be changed: {0}</source>
        <translation>No se pudo cambiar el PIN: {0}</translation>
    </message>
</context>
<context>
    <name>CheckScheduler</name>
    <message>
        <source>SafeLens cannot check files right now: {0}</source>
        <translation>SafeLens no puede comprobar archivos ahora mismo: {0}</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>Add your children</source>
        <translation>Añade a tus hijos</translation>
    </message>
    <message>
        <source>Each child is linked to the computer account they log in with. Their birth year sets the age band; protection is on from the start.</source>
        <translation>Cada menor se vincula a la cuenta con la que inicia sesión en el equipo. Su año de nacimiento fija la franja de edad; la protección está activada desde el principio.</translation>
    </message>
    <message>
        <source>A child</source>
        <translation>Un menor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Franja de edad</translation>
    </message>
    <message>
        <source>Children added</source>
        <translation>Menores añadidos</translation>
    </message>
    <message>
        <source>&amp;Remove child</source>
        <translation>&amp;Quitar menor</translation>
    </message>
    <message>
        <source>Remove the selected child</source>
        <translation>Quitar el menor seleccionado</translation>
    </message>
    <message>
        <source>You can add or change children later in the console.</source>
        <translation>Puedes añadir o cambiar menores más adelante en el panel.</translation>
    </message>
    <message>
        <source>You typed a name but did not press Add. Add {0}, or clear the name.</source>
        <translation>Has escrito un nombre pero no has pulsado Añadir. Añade a {0} o borra el nombre.</translation>
    </message>
    <message>
        <source>The account “{0}” already belongs to a child in this list.</source>
        <translation>La cuenta «{0}» ya pertenece a un menor de esta lista.</translation>
    </message>
</context>
<context>
    <name>ChoiceControl</name>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>Problem on this page</source>
        <translation>Problema en esta página</translation>
    </message>
</context>
<context>
    <name>ContactDelegate</name>
    <message>
        <source>Checking photo…</source>
        <translation>Comprobando la foto…</translation>
    </message>
    <message>
        <source>Photo hidden</source>
        <translation>Foto oculta</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>SafeLens — Contacts</source>
        <translation>SafeLens — Contactos</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Photos are checked on this computer before they are shown.</source>
        <translation>Las fotos se comprueban en este equipo antes de mostrarse.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Importar contactos…</translation>
    </message>
    <message>
        <source>No contacts yet. Choose “Import contacts…” to add a .vcf file.</source>
        <translation>Todavía no hay contactos. Elige «Importar contactos…» para añadir un archivo .vcf.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importar contactos</translation>
    </message>
    <message>
        <source>Contact cards (*.vcf *.vcard);;All files (*)</source>
        <translation>Tarjetas de contacto (*.vcf *.vcard);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Checking the contacts in this file…</source>
        <translation>Comprobando los contactos de este archivo…</translation>
    </message>
    <message>
        <source>Unnamed contact</source>
        <translation>Contacto sin nombre</translation>
    </message>
    <message>
        <source>photo hidden</source>
        <translation>foto oculta</translation>
    </message>
    <message>
        <source>{0} contact imported.</source>
        <translation>{0} contacto importado.</translation>
    </message>
    <message>
        <source>{0} contacts imported.</source>
        <translation>{0} contactos importados.</translation>
    </message>
    <message>
        <source>{0} photo was hidden.</source>
        <translation>Se ha ocultado {0} foto.</translation>
    </message>
    <message>
        <source>{0} photos were hidden.</source>
        <translation>Se han ocultado {0} fotos.</translation>
    </message>
    <message>
        <source>{0} photo link was removed (SafeLens never downloads pictures).</source>
        <translation>Se ha quitado {0} enlace a una foto (SafeLens nunca descarga imágenes).</translation>
    </message>
    <message>
        <source>{0} photo links were removed (SafeLens never downloads pictures).</source>
        <translation>Se han quitado {0} enlaces a fotos (SafeLens nunca descarga imágenes).</translation>
    </message>
    <message>
        <source>{0} card could not be read.</source>
        <translation>No se ha podido leer {0} tarjeta.</translation>
    </message>
    <message>
        <source>{0} cards could not be read.</source>
        <translation>No se han podido leer {0} tarjetas.</translation>
    </message>
    <message>
        <source>The contacts were not imported: {0}</source>
        <translation>No se han importado los contactos: {0}</translation>
    </message>
    <message>
        <source>The contacts were not imported: the file could not be read.</source>
        <translation>No se han importado los contactos: no se ha podido leer el archivo.</translation>
    </message>
    <message>
        <source>The contacts were not imported because something went wrong in SafeLens.</source>
        <translation>No se han importado los contactos porque algo ha fallado en SafeLens.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>SafeLens is set up</source>
        <translation>SafeLens está configurado</translation>
    </message>
    <message>
        <source>Protection is on.</source>
        <translation>La protección está activada.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>{0} protected from now on.</source>
        <translation>{0}: con protección desde ahora.</translation>
    </message>
    <message>
        <source>To change anything, open the guardian console from SafeLens&apos; menu. It asks for your PIN.</source>
        <translation>Para cambiar algo, abre el panel del tutor desde el menú de SafeLens. Te pedirá tu PIN.</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>Todo se queda en este equipo.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Problem with {0}</source>
        <translation>Problema con {0}</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Usar el valor predeterminado</translation>
    </message>
    <message>
        <source>Use the default for {0}</source>
        <translation>Usar el valor predeterminado para {0}</translation>
    </message>
    <message>
        <source>Set by your school (policy {0})</source>
        <translation>Lo fija tu centro educativo (política {0})</translation>
    </message>
</context>
<context>
    <name>FileGrid</name>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
</context>
<context>
    <name>FolderListControl</name>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Add a folder to {0}</source>
        <translation>Añadir una carpeta a {0}</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Quitar carpeta</translation>
    </message>
    <message>
        <source>Remove the selected folder from {0}</source>
        <translation>Quitar la carpeta seleccionada de {0}</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Elige una carpeta</translation>
    </message>
    <message>
        <source>{0} is already in the list.</source>
        <translation>{0} ya está en la lista.</translation>
    </message>
</context>
<context>
    <name>GuardianConsole</name>
    <message>
        <source>SafeLens — Guardian console</source>
        <translation>SafeLens — Panel del tutor</translation>
    </message>
    <message>
        <source>Guardian console</source>
        <translation>Panel del tutor</translation>
    </message>
    <message>
        <source>Console pages</source>
        <translation>Páginas del panel</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Console status</source>
        <translation>Estado del panel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Protections</source>
        <translation>Protecciones</translation>
    </message>
    <message>
        <source>What SafeLens checks and what happens when something may be sensitive, for each age band. Changes are saved at once.</source>
        <translation>Qué comprueba SafeLens y qué pasa cuando algo puede ser sensible, para cada franja de edad. Los cambios se guardan al momento.</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Carpetas compartidas</translation>
    </message>
    <message>
        <source>Folders where files from other devices arrive (downloads, nearby share, Bluetooth) are checked as files land; outgoing folders before files leave.</source>
        <translation>Las carpetas a las que llegan archivos de otros dispositivos (descargas, envío cercano, Bluetooth) se comprueban en cuanto llega cada archivo; las carpetas de salida, antes de que los archivos salgan.</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Adultos de confianza</translation>
    </message>
    <message>
        <source>People a child can message from the help screens. The message never includes the picture or video.</source>
        <translation>Personas a las que un menor puede escribir desde las pantallas de ayuda. El mensaje nunca incluye la imagen ni el vídeo.</translation>
    </message>
    <message>
        <source>School &amp; test mode</source>
        <translation>Centro educativo y modo de prueba</translation>
    </message>
    <message>
        <source>Settings for school computer labs. A school usually sets these for every computer through a managed policy; those are shown locked.</source>
        <translation>Ajustes para aulas de informática. Normalmente el centro los fija para todos los equipos con una política gestionada; esos ajustes aparecen bloqueados.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>What you are told and how long counts are kept. SafeLens never keeps or sends pictures, file names or paths.</source>
        <translation>Qué se te comunica y cuánto tiempo se guardan los recuentos. SafeLens nunca guarda ni envía imágenes, nombres de archivo ni rutas.</translation>
    </message>
    <message>
        <source>Where the PIN is kept</source>
        <translation>Dónde se guarda el PIN</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Tu PIN</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>No guardado.</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Algo ha salido mal: {0}</translation>
    </message>
    <message>
        <source>Your school sets this (policy {0}), so it can&apos;t be changed here.</source>
        <translation>Esto lo fija tu centro educativo (política {0}), así que no se puede cambiar aquí.</translation>
    </message>
    <message>
        <source>This can&apos;t be saved: it {0}.</source>
        <translation>No se puede guardar: {0}.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save this change ({0}). Nothing was changed.</source>
        <translation>SafeLens no ha podido guardar este cambio ({0}). No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>This can&apos;t be saved: {0}.</source>
        <translation>No se puede guardar: {0}.</translation>
    </message>
    <message>
        <source>The SafeLens service did not answer, so nothing was changed.</source>
        <translation>El servicio de SafeLens no respondió, así que no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>GuardianLauncher</name>
    <message>
        <source>Enter the guardian PIN to open the guardian console.</source>
        <translation>Escribe el PIN del tutor para abrir el panel del tutor.</translation>
    </message>
</context>
<context>
    <name>GuardianText</name>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Children (under 18)</source>
        <translation>Menores (de 18 años)</translation>
    </message>
    <message>
        <source>Under 13</source>
        <translation>Menores de 13</translation>
    </message>
    <message>
        <source>13–17</source>
        <translation>13–17</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adulto</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Standard (exposed nudity)</source>
        <translation>Estándar (desnudos explícitos)</translation>
    </message>
    <message>
        <source>Strict (also suggestive pictures)</source>
        <translation>Estricto (también imágenes insinuantes)</translation>
    </message>
    <message>
        <source>Only with the guardian&apos;s PIN</source>
        <translation>Solo con el PIN del tutor</translation>
    </message>
    <message>
        <source>After two help screens</source>
        <translation>Tras dos pantallas de ayuda</translation>
    </message>
    <message>
        <source>After one warning screen</source>
        <translation>Tras una pantalla de aviso</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Asked “Are you sure?” first</source>
        <translation>Se pide confirmación antes</translation>
    </message>
    <message>
        <source>Allowed without a prompt</source>
        <translation>Permitido sin preguntar</translation>
    </message>
    <message>
        <source>Counts only (never the content)</source>
        <translation>Solo recuentos (nunca el contenido)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>Entradas: {0}</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Selector de archivos</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Carpetas compartidas</translation>
    </message>
    <message>
        <source>Contact photos</source>
        <translation>Fotos de contactos</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Visor</translation>
    </message>
    <message>
        <source>SafeLens itself</source>
        <translation>El propio SafeLens</translation>
    </message>
    <message>
        <source>Hidden as sensitive</source>
        <translation>Ocultado por sensible</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>No se pudo comprobar</translation>
    </message>
    <message>
        <source>Viewed after a warning</source>
        <translation>Visto tras un aviso</translation>
    </message>
    <message>
        <source>Help screens opened</source>
        <translation>Pantallas de ayuda abiertas</translation>
    </message>
    <message>
        <source>Attempts to switch SafeLens off</source>
        <translation>Intentos de desactivar SafeLens</translation>
    </message>
    <message>
        <source>Notices sent to you</source>
        <translation>Avisos que has recibido</translation>
    </message>
</context>
<context>
    <name>Intervention</name>
    <message>
        <source>This may be sensitive</source>
        <translation>Esto puede ser sensible</translation>
    </message>
    <message>
        <source>This picture may show private body parts. You don&apos;t have to look at it.</source>
        <translation>Esta imagen puede mostrar partes íntimas del cuerpo. No tienes que mirarla.</translation>
    </message>
    <message>
        <source>This may show nudity. You can choose what happens next.</source>
        <translation>Esto puede mostrar desnudos. Tú eliges qué pasa ahora.</translation>
    </message>
    <message>
        <source>Why is it hidden?</source>
        <translation>¿Por qué está oculto?</translation>
    </message>
    <message>
        <source>Some pictures show the parts of the body that a swimsuit covers. It&apos;s not your fault that you got this. Someone who sends you this may be trying to trick you. You can ask a grown-up you trust for help.</source>
        <translation>Algunas imágenes muestran las partes del cuerpo que tapa el traje de baño. No es culpa tuya que te haya llegado esto. Quien te envía esto puede estar intentando engañarte. Puedes pedir ayuda a un adulto en quien confíes.</translation>
    </message>
    <message>
        <source>Nude photos and videos can be used to hurt people. It&apos;s not your fault that you received this. Someone who sends it may be trying to pressure you. You can get help, and you can talk to someone you trust.</source>
        <translation>Las fotos y vídeos de desnudos se pueden usar para hacer daño. No es culpa tuya que te haya llegado esto. Quien lo envía puede estar intentando presionarte. Puedes pedir ayuda y hablar con alguien de confianza.</translation>
    </message>
    <message>
        <source>This has happened a few times</source>
        <translation>Esto ha pasado varias veces</translation>
    </message>
    <message>
        <source>You&apos;ve been sent things like this more than once. Talking to someone you trust can help. You don&apos;t have to deal with this alone.</source>
        <translation>Te han enviado cosas así más de una vez. Hablar con alguien de confianza puede ayudar. No tienes que pasar por esto sin ayuda.</translation>
    </message>
    <message>
        <source>Are you sure?</source>
        <translation>¿Seguro?</translation>
    </message>
    <message>
        <source>You don&apos;t have to view this. It&apos;s your choice, but make sure you feel safe.</source>
        <translation>No tienes por qué verlo. Tú decides, pero asegúrate de que te sientes a salvo.</translation>
    </message>
    <message>
        <source>Ask your grown-up</source>
        <translation>Pregunta a un adulto</translation>
    </message>
    <message>
        <source>A guardian needs to type their PIN on this computer before you can see this.</source>
        <translation>Un tutor tiene que escribir su PIN en este equipo para que puedas verlo.</translation>
    </message>
    <message>
        <source>Ways to get help</source>
        <translation>Formas de pedir ayuda</translation>
    </message>
    <message>
        <source>You can talk to someone. It&apos;s free and it&apos;s private.</source>
        <translation>Puedes hablar con alguien. Es gratis y es privado.</translation>
    </message>
    <message>
        <source>Message a trusted adult</source>
        <translation>Escribir a un adulto de confianza</translation>
    </message>
    <message>
        <source>The message does not include the picture.</source>
        <translation>El mensaje no incluye la imagen.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this</source>
        <translation>SafeLens no ha podido comprobar esto</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this file, so it&apos;s hidden to keep you safe.</source>
        <translation>SafeLens no ha podido comprobar este archivo, así que está oculto para protegerte.</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Oculto</translation>
    </message>
    <message>
        <source>This stays hidden. You can close this window.</source>
        <translation>Esto sigue oculto. Puedes cerrar esta ventana.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>The file was let through.</source>
        <translation>Se ha dejado pasar el archivo.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>The file stays on this computer. Nobody got it.</source>
        <translation>El archivo se queda en este equipo. No le ha llegado a nadie.</translation>
    </message>
    <message>
        <source>You can&apos;t send this</source>
        <translation>No puedes enviar esto</translation>
    </message>
    <message>
        <source>This may show private body parts. Pictures like this of children are against the law, even if you took them yourself. A grown-up you trust can help.</source>
        <translation>Esto puede mostrar partes íntimas del cuerpo. Las imágenes así de niños y niñas están prohibidas por la ley, aunque las hayas hecho tú. Un adulto en quien confíes puede ayudarte.</translation>
    </message>
    <message>
        <source>This may show nudity. Sharing nude pictures of anyone under 18 is against the law, even your own. You can get help and talk to someone you trust.</source>
        <translation>Esto puede mostrar desnudos. Compartir imágenes de desnudos de cualquier menor de 18 años va contra la ley, aunque sean tuyas. Puedes pedir ayuda y hablar con alguien de confianza.</translation>
    </message>
    <message>
        <source>Are you sure you want to send this?</source>
        <translation>¿Seguro que quieres enviar esto?</translation>
    </message>
    <message>
        <source>This may show nudity. Sharing nude pictures of anyone under 18 is against the law, even your own, and once it is sent you can&apos;t take it back. It&apos;s your choice, but nobody should pressure you.</source>
        <translation>Esto puede mostrar desnudos. Compartir imágenes de desnudos de cualquier menor de 18 años va contra la ley, aunque sean tuyas, y una vez enviado no podrás deshacerlo. Tú decides, pero nadie debería presionarte.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>¿Por qué?</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Ver…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Don&apos;t view</source>
        <translation>No ver</translation>
    </message>
    <message>
        <source>Guardian: enter PIN…</source>
        <translation>Tutor: escribir PIN…</translation>
    </message>
    <message>
        <source>Ask a guardian</source>
        <translation>Preguntar a un tutor</translation>
    </message>
    <message>
        <source>Hide again</source>
        <translation>Volver a ocultar</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>No enviar</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Enviar de todos modos</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The safe choice: nothing is shown or sent.</source>
        <translation>La opción segura: no se muestra ni se envía nada.</translation>
    </message>
    <message>
        <source>Explains why this is hidden.</source>
        <translation>Explica por qué está oculto.</translation>
    </message>
    <message>
        <source>Goes on towards showing it.</source>
        <translation>Sigue adelante para mostrarlo.</translation>
    </message>
    <message>
        <source>Goes to the next screen.</source>
        <translation>Va a la pantalla siguiente.</translation>
    </message>
    <message>
        <source>Lists people you can talk to.</source>
        <translation>Muestra personas con las que puedes hablar.</translation>
    </message>
    <message>
        <source>Prepares a message to a trusted adult, without the picture.</source>
        <translation>Prepara un mensaje para un adulto de confianza, sin la imagen.</translation>
    </message>
    <message>
        <source>Goes back to the screen before.</source>
        <translation>Vuelve a la pantalla anterior.</translation>
    </message>
    <message>
        <source>A guardian types their PIN.</source>
        <translation>Un tutor escribe su PIN.</translation>
    </message>
    <message>
        <source>Hides it again.</source>
        <translation>Lo vuelve a ocultar.</translation>
    </message>
    <message>
        <source>Lets the file go out.</source>
        <translation>Deja salir el archivo.</translation>
    </message>
    <message>
        <source>Talk to someone</source>
        <translation>Habla con alguien</translation>
    </message>
    <message>
        <source>Report it</source>
        <translation>Denúncialo</translation>
    </message>
    <message>
        <source>Get a picture taken down</source>
        <translation>Haz que retiren una imagen</translation>
    </message>
    <message>
        <source>Find help</source>
        <translation>Busca ayuda</translation>
    </message>
    <message>
        <source>Hi, I got something that made me feel uncomfortable. Can we talk?</source>
        <translation>Hola, me ha llegado algo que me ha hecho sentir mal. ¿Podemos hablar?</translation>
    </message>
    <message>
        <source>In an emergency, call {0}.</source>
        <translation>En una emergencia, llama al {0}.</translation>
    </message>
    <message>
        <source>No trusted adults were set up yet. You can tell a grown-up you trust.</source>
        <translation>Todavía no hay adultos de confianza configurados. Puedes contárselo a un adulto en quien confíes.</translation>
    </message>
    <message>
        <source>Your message:</source>
        <translation>Tu mensaje:</translation>
    </message>
    <message>
        <source>No guardian PIN is set up on this computer yet.</source>
        <translation>Todavía no hay un PIN de tutor en este equipo.</translation>
    </message>
    <message>
        <source>Guardian: type your PIN to allow this.</source>
        <translation>Tutor: escribe tu PIN para permitirlo.</translation>
    </message>
    <message>
        <source>Call {0}</source>
        <translation>Llama al {0}</translation>
    </message>
    <message>
        <source>Text {0}</source>
        <translation>Manda un SMS al {0}</translation>
    </message>
    <message>
        <source>Chat: {0}</source>
        <translation>Chat: {0}</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Fuente: {0}</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copiar mensaje</translation>
    </message>
    <message>
        <source>Copies the message so you can paste it.</source>
        <translation>Copia el mensaje para que puedas pegarlo.</translation>
    </message>
    <message>
        <source>Write email</source>
        <translation>Escribir correo</translation>
    </message>
    <message>
        <source>Opens your email app with the message ready.</source>
        <translation>Abre tu app de correo con el mensaje listo.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Can we talk?</source>
        <translation>¿Podemos hablar?</translation>
    </message>
    <message>
        <source>SafeLens — sending a file</source>
        <translation>SafeLens — enviar un archivo</translation>
    </message>
</context>
<context>
    <name>LockNote</name>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SafeLens</source>
        <translation>SafeLens</translation>
    </message>
    <message>
        <source>Starting the protection engine…</source>
        <translation>Iniciando el motor de protección…</translation>
    </message>
    <message>
        <source>Protection status</source>
        <translation>Estado de la protección</translation>
    </message>
    <message>
        <source>&amp;Check files…</source>
        <translation>&amp;Comprobar archivos…</translation>
    </message>
    <message>
        <source>Choose pictures or videos to check on this computer</source>
        <translation>Elige imágenes o vídeos para comprobarlos en este equipo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Resultados de la comprobación</translation>
    </message>
    <message>
        <source>Everything is checked on this computer. Nothing is sent anywhere.</source>
        <translation>Todo se comprueba en este equipo. No se envía nada a ningún sitio.</translation>
    </message>
    <message>
        <source>&amp;Guardian settings…</source>
        <translation>&amp;Ajustes del tutor…</translation>
    </message>
    <message>
        <source>Set up SafeLens, or open the guardian console with the PIN</source>
        <translation>Configura SafeLens o abre el panel del tutor con el PIN</translation>
    </message>
    <message>
        <source>SafeLens is not set up yet. A guardian can set it up in a few minutes.</source>
        <translation>SafeLens aún no está configurado. Un tutor puede configurarlo en unos minutos.</translation>
    </message>
    <message>
        <source>&amp;Set up protection…</source>
        <translation>Configurar la &amp;protección…</translation>
    </message>
    <message>
        <source>Choose files to check</source>
        <translation>Elige archivos para comprobar</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Protection engine ready: both models verified and loaded.</source>
        <translation>Motor de protección listo: los dos modelos están verificados y cargados.</translation>
    </message>
    <message>
        <source>The protection engine could not check a test picture.</source>
        <translation>El motor de protección no ha podido comprobar una imagen de prueba.</translation>
    </message>
    <message>
        <source>Hidden: may be sensitive</source>
        <translation>Oculto: puede ser sensible</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hidden: could not check</source>
        <translation>Oculto: no se pudo comprobar</translation>
    </message>
    <message>
        <source>SafeLens cannot check files right now: {0}</source>
        <translation>SafeLens no puede comprobar archivos ahora mismo: {0}</translation>
    </message>
    <message>
        <source>&amp;Open a picture or video…</source>
        <translation>Abrir una &amp;imagen o un vídeo…</translation>
    </message>
    <message>
        <source>Open a file in SafeLens&apos; safe viewer; it is checked before it is shown</source>
        <translation>Abre un archivo en el visor seguro de SafeLens; se comprueba antes de mostrarse</translation>
    </message>
    <message>
        <source>C&amp;ontacts…</source>
        <translation>C&amp;ontactos…</translation>
    </message>
    <message>
        <source>Import contact cards; their photos are checked before they are shown</source>
        <translation>Importa tarjetas de contacto; sus fotos se comprueban antes de mostrarse</translation>
    </message>
    <message>
        <source>Inside: {0} — {1}</source>
        <translation>Dentro: {0} — {1}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>How SafeLens protects the children on this computer.</source>
        <translation>Cómo protege SafeLens a los niños en este ordenador.</translation>
    </message>
    <message>
        <source>Which mode runs</source>
        <translation>Qué modo funciona</translation>
    </message>
    <message>
        <source>How to switch to machine mode: {0}</source>
        <translation>Cómo pasar al modo de equipo: {0}</translation>
    </message>
    <message>
        <source>How to switch to machine mode</source>
        <translation>Cómo pasar al modo de equipo</translation>
    </message>
    <message>
        <source>Protected accounts</source>
        <translation>Cuentas protegidas</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Vigilada</translation>
    </message>
    <message>
        <source>Put aside</source>
        <translation>Apartados</translation>
    </message>
    <message>
        <source>In their session</source>
        <translation>En su sesión</translation>
    </message>
    <message>
        <source>Last stopped</source>
        <translation>Última parada</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>No child&apos;s account is protected yet (see Profiles).</source>
        <translation>Todavía no hay ninguna cuenta infantil protegida (ver Perfiles).</translation>
    </message>
    <message>
        <source>Problems the service reports</source>
        <translation>Problemas que indica el servicio</translation>
    </message>
    <message>
        <source>Machine mode: the SafeLens service protects every account on this computer, whether the child is logged in or not. A child&apos;s account cannot stop it or change its settings.</source>
        <translation>Modo de equipo: el servicio de SafeLens protege todas las cuentas de este ordenador, tanto si el niño ha iniciado sesión como si no. La cuenta de un niño no puede detenerlo ni cambiar sus ajustes.</translation>
    </message>
    <message>
        <source>Single-account mode: the SafeLens service is installed but not answering, so protection is NOT tamper-resistant and other accounts are not watched.</source>
        <translation>Modo de una sola cuenta: el servicio de SafeLens está instalado pero no responde, así que la protección NO resiste manipulaciones y las demás cuentas no se vigilan.</translation>
    </message>
    <message>
        <source>Single-account mode: SafeLens runs inside this account only. It is NOT tamper-resistant on a shared computer: a child&apos;s account could stop it or change its data.</source>
        <translation>Modo de una sola cuenta: SafeLens funciona solo dentro de esta cuenta. NO resiste manipulaciones en un ordenador compartido: la cuenta de un niño podría detenerlo o cambiar sus datos.</translation>
    </message>
    <message>
        <source>The service&apos;s checker: {0}</source>
        <translation>El comprobador del servicio: {0}</translation>
    </message>
    <message>
        <source>{0} profile(s) name an account this computer does not have.</source>
        <translation>{0} perfil(es) nombran una cuenta que este ordenador no tiene.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{0} of {1} folders</source>
        <translation>{0} de {1} carpetas</translation>
    </message>
    <message>
        <source>Yes, {0} folders</source>
        <translation>Sí, {0} carpetas</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marcha</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Detenido</translation>
    </message>
</context>
<context>
    <name>PickIntervention</name>
    <message>
        <source>SafeLens — {0}</source>
        <translation>SafeLens — {0}</translation>
    </message>
</context>
<context>
    <name>PickerModel</name>
    <message>
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>comprobando</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>comprobado</translation>
    </message>
    <message>
        <source>may be sensitive, hidden</source>
        <translation>puede ser sensible, oculto</translation>
    </message>
    <message>
        <source>couldn&apos;t check, hidden</source>
        <translation>no se pudo comprobar, oculto</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Guardian PIN</source>
        <translation>PIN del tutor</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>Enter the guardian PIN to continue.</source>
        <translation>Escribe el PIN del tutor para continuar.</translation>
    </message>
    <message>
        <source>The PIN or passphrase is hidden as you type</source>
        <translation>El PIN o la frase de contraseña se oculta mientras escribes</translation>
    </message>
    <message>
        <source>Checking the PIN</source>
        <translation>Comprobando el PIN</translation>
    </message>
    <message>
        <source>PIN status</source>
        <translation>Estado del PIN</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>Comprobar el PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Please enter the PIN.</source>
        <translation>Escribe el PIN.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>No guardian PIN has been set on this computer yet. Run the setup first.</source>
        <translation>Todavía no se ha creado un PIN de tutor en este equipo. Primero haz la configuración.</translation>
    </message>
    <message>
        <source>PIN accepted.</source>
        <translation>PIN aceptado.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <source>Wrong PIN. Please try again.</source>
        <translation>PIN incorrecto. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t record this try ({0}). Please try again.</source>
        <translation>SafeLens no ha podido registrar este intento ({0}). Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The PIN couldn&apos;t be checked: {0}</source>
        <translation>No se ha podido comprobar el PIN: {0}</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Ya puedes volver a intentarlo.</translation>
    </message>
    <message>
        <source>Too many tries — wait {0} s</source>
        <translation>Demasiados intentos — espera {0} s</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Create a guardian PIN</source>
        <translation>Crea un PIN de tutor</translation>
    </message>
    <message>
        <source>Children can&apos;t change SafeLens&apos; protections without it.</source>
        <translation>Sin él, los menores no pueden cambiar las protecciones de SafeLens.</translation>
    </message>
    <message>
        <source>Problem with the PIN</source>
        <translation>Problema con el PIN</translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation>PIN o frase de contraseña nuevos</translation>
    </message>
    <message>
        <source>Type the PIN again</source>
        <translation>Vuelve a escribir el PIN</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>&amp;Mostrar lo que escribo</translation>
    </message>
    <message>
        <source>Show the PIN as I type</source>
        <translation>Mostrar el PIN mientras escribo</translation>
    </message>
    <message>
        <source>Use at least {0} digits, or a passphrase of at least {1} characters. Avoid birthdays and numbers a child could guess. If you forget it, an administrator of this computer can reset it.</source>
        <translation>Usa al menos {0} dígitos, o una frase de contraseña de al menos {1} caracteres. Evita cumpleaños y números que un menor pueda adivinar. Si lo olvidas, un administrador de este equipo puede restablecerlo.</translation>
    </message>
    <message>
        <source>PIN rules</source>
        <translation>Reglas del PIN</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>&amp;PIN o frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Type it again:</source>
        <translation>&amp;Repítelo:</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Please type them again.</source>
        <translation>Los dos PIN no coinciden. Vuelve a escribirlos.</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>Settings need your attention</source>
        <translation>Hay ajustes que necesitan tu atención</translation>
    </message>
    <message>
        <source>Please check these settings</source>
        <translation>Revisa estos ajustes</translation>
    </message>
    <message>
        <source>I&apos;ve &amp;reviewed this</source>
        <translation>Lo he &amp;revisado</translation>
    </message>
    <message>
        <source>I&apos;ve reviewed these settings</source>
        <translation>He revisado estos ajustes</translation>
    </message>
    <message>
        <source>Saves the settings as they are shown now and ends the strictest protection</source>
        <translation>Guarda los ajustes tal como se muestran ahora y termina la protección más estricta</translation>
    </message>
    <message>
        <source>Problems in your school&apos;s policy files (tell your IT team):</source>
        <translation>Problemas en los archivos de política de tu centro educativo (avisa a tu equipo de informática):</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Computer account</source>
        <translation>Cuenta del equipo</translation>
    </message>
    <message>
        <source>The login this person uses on this computer</source>
        <translation>La cuenta con la que esta persona inicia sesión en este equipo</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <source>This is an &amp;adult (no age band protections)</source>
        <translation>Es una persona a&amp;dulta (sin protecciones por franja de edad)</translation>
    </message>
    <message>
        <source>This is an adult</source>
        <translation>Es una persona adulta</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Franja de edad</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Añad&amp;ir</translation>
    </message>
    <message>
        <source>Add this profile</source>
        <translation>Añadir este perfil</translation>
    </message>
    <message>
        <source>Problem with this profile</source>
        <translation>Problema con este perfil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Computer a&amp;ccount:</source>
        <translation>&amp;Cuenta del equipo:</translation>
    </message>
    <message>
        <source>&amp;Birth year:</source>
        <translation>Año de naci&amp;miento:</translation>
    </message>
    <message>
        <source>Adult: protections are off unless turned on</source>
        <translation>Adulto: las protecciones están desactivadas salvo que se activen</translation>
    </message>
    <message>
        <source>Age band: {0}</source>
        <translation>Franja de edad: {0}</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>Each person who uses this computer can have a profile, linked to their computer account. Children are protected the moment their profile exists.</source>
        <translation>Cada persona que usa este equipo puede tener un perfil, vinculado a su cuenta del equipo. Los menores están protegidos desde el momento en que existe su perfil.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Franja de edad</translation>
    </message>
    <message>
        <source>&amp;Remove profile…</source>
        <translation>&amp;Quitar perfil…</translation>
    </message>
    <message>
        <source>Remove the selected profile</source>
        <translation>Quitar el perfil seleccionado</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Quitar perfil</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarlo</translation>
    </message>
    <message>
        <source>Yes, remove the profile</source>
        <translation>Sí, quitar el perfil</translation>
    </message>
    <message>
        <source>No, keep the profile</source>
        <translation>No, conservar el perfil</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Añadir un perfil</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Remove {0}&apos;s profile? The account “{1}” will no longer be protected as a child unless a school policy covers it.</source>
        <translation>¿Quitar el perfil de {0}? La cuenta «{1}» dejará de estar protegida como menor, salvo que la cubra una política del centro educativo.</translation>
    </message>
    <message>
        <source>Remove {0}&apos;s profile (account “{1}”)?</source>
        <translation>¿Quitar el perfil de {0} (cuenta «{1}»)?</translation>
    </message>
</context>
<context>
    <name>QuarantinePage</name>
    <message>
        <source>Quarantine</source>
        <translation>Cuarentena</translation>
    </message>
    <message>
        <source>Files SafeLens hid from a child wait here for you; pictures are never shown. Restoring a file tells SafeLens it was not sensitive: that exact file won&apos;t be hidden from that child again. Deleting removes it for good.</source>
        <translation>Los archivos que SafeLens ha ocultado a un menor te esperan aquí; las imágenes nunca se muestran. Al restaurar un archivo, le indicas a SafeLens que no era sensible: ese mismo archivo no se volverá a ocultar a ese menor. Al eliminarlo, desaparece definitivamente.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Menor</translation>
    </message>
    <message>
        <source>Where from</source>
        <translation>Procedencia</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nombre del archivo</translation>
    </message>
    <message>
        <source>Files in quarantine</source>
        <translation>Archivos en cuarentena</translation>
    </message>
    <message>
        <source>Nothing is in quarantine. When SafeLens hides a file from a child, it waits here for you.</source>
        <translation>No hay nada en cuarentena. Cuando SafeLens oculte un archivo a un menor, te esperará aquí.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Restore the selected file</source>
        <translation>Restaurar el archivo seleccionado</translation>
    </message>
    <message>
        <source>Puts the file back where it came from, next to any file with the same name</source>
        <translation>Devuelve el archivo a su sitio, junto a cualquier archivo con el mismo nombre</translation>
    </message>
    <message>
        <source>Restore &amp;to…</source>
        <translation>Restaurar e&amp;n…</translation>
    </message>
    <message>
        <source>Restore the selected file to a folder</source>
        <translation>Restaurar el archivo seleccionado en una carpeta</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>&amp;Eliminar definitivamente…</translation>
    </message>
    <message>
        <source>Delete the selected file for good</source>
        <translation>Eliminar definitivamente el archivo seleccionado</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Lo que se ha hecho</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t open its quarantine folder, so hidden files can&apos;t be listed here. Restarting SafeLens may help.</source>
        <translation>SafeLens no ha podido abrir su carpeta de cuarentena, así que aquí no se pueden mostrar los archivos ocultos. Reiniciar SafeLens puede ayudar.</translation>
    </message>
    <message>
        <source>Removed profile</source>
        <translation>Perfil eliminado</translation>
    </message>
    <message>
        <source>Share folder</source>
        <translation>Carpeta compartida</translation>
    </message>
    <message>
        <source>Sent from this computer</source>
        <translation>Enviado desde este equipo</translation>
    </message>
    <message>
        <source>Contact photo</source>
        <translation>Foto de contacto</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Línea de comandos</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Selector de archivos</translation>
    </message>
    <message>
        <source>May be sensitive</source>
        <translation>Puede ser sensible</translation>
    </message>
    <message>
        <source>Couldn&apos;t be checked</source>
        <translation>No se pudo comprobar</translation>
    </message>
    <message>
        <source>Put back as “{0}” in {1}.</source>
        <translation>Restaurado como «{0}» en {1}.</translation>
    </message>
    <message>
        <source>It won&apos;t be hidden from {0} again.</source>
        <translation>No se volverá a ocultar a {0}.</translation>
    </message>
    <message>
        <source>It won&apos;t be hidden from any child again.</source>
        <translation>No se volverá a ocultar a ningún menor.</translation>
    </message>
    <message>
        <source>Deleted for good.</source>
        <translation>Eliminado definitivamente.</translation>
    </message>
    <message>
        <source>Restore to which folder?</source>
        <translation>¿En qué carpeta quieres restaurarlo?</translation>
    </message>
    <message>
        <source>Delete for good?</source>
        <translation>¿Eliminar definitivamente?</translation>
    </message>
    <message>
        <source>Delete “{0}” for good?</source>
        <translation>¿Eliminar «{0}» definitivamente?</translation>
    </message>
    <message>
        <source>It can&apos;t be restored afterwards.</source>
        <translation>Después no se podrá restaurar.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Eliminar definitivamente</translation>
    </message>
    <message>
        <source>Delete the file for good</source>
        <translation>Eliminar el archivo definitivamente</translation>
    </message>
    <message>
        <source>SafeLens&apos;s kept copy of this file has been changed or is missing, so it was not put back. It stays in the list; you can delete it for good.</source>
        <translation>La copia que guardaba SafeLens de este archivo ha cambiado o falta, así que no se ha restaurado. Sigue en la lista; puedes eliminarla definitivamente.</translation>
    </message>
    <message>
        <source>This file is no longer in quarantine (it may have been restored or deleted somewhere else). The list now shows what is there.</source>
        <translation>Este archivo ya no está en cuarentena (puede que se haya restaurado o eliminado desde otro sitio). La lista muestra ahora lo que hay.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was moved. Free some space and try again.</source>
        <translation>El disco está lleno, así que no se ha movido nada. Libera espacio y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>That didn&apos;t work: {0} The file is still in quarantine.</source>
        <translation>No ha funcionado: {0} El archivo sigue en cuarentena.</translation>
    </message>
    <message>
        <source>SafeLens may not put files in that folder, so nothing was moved. Choose another folder with Restore to…; the file is still in quarantine.</source>
        <translation>SafeLens no puede poner archivos en esa carpeta, así que no se movió nada. Elija otra carpeta con «Restaurar en…»; el archivo sigue en cuarentena.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review the protections</source>
        <translation>Revisa las protecciones</translation>
    </message>
    <message>
        <source>This is what SafeLens does for each age band from the start. You can change it later in the guardian console.</source>
        <translation>Esto es lo que SafeLens hace para cada franja de edad desde el principio. Puedes cambiarlo más adelante en el panel del tutor.</translation>
    </message>
    <message>
        <source>&amp;Set up SafeLens</source>
        <translation>&amp;Configurar SafeLens</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Menores</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Setup status</source>
        <translation>Estado de la configuración</translation>
    </message>
    <message>
        <source>Problem saving the setup</source>
        <translation>Problema al guardar la configuración</translation>
    </message>
    <message>
        <source>Protections for each age band</source>
        <translation>Protecciones para cada franja de edad</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Protección</translation>
    </message>
    <message>
        <source>Set by your school (policy {0})</source>
        <translation>Lo fija tu centro educativo (política {0})</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>No se aplica</translation>
    </message>
    <message>
        <source>Protection will be on for: {0}.</source>
        <translation>La protección estará activada para: {0}.</translation>
    </message>
    <message>
        <source>No children added yet. Add them later in the guardian console.</source>
        <translation>Aún no has añadido menores. Puedes añadirlos más adelante en el panel del tutor.</translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Checking “{0}”…</source>
        <translation>Comprobando «{0}»…</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nombre del archivo:</translation>
    </message>
    <message>
        <source>Up one folder</source>
        <translation>Subir una carpeta</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nombre del archivo</translation>
    </message>
    <message>
        <source>Files of type</source>
        <translation>Tipo de archivo</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Opening the folder…</source>
        <translation>Abriendo la carpeta…</translation>
    </message>
    <message>
        <source>This folder can&apos;t be opened: {0}</source>
        <translation>No se puede abrir esta carpeta: {0}</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>Elementos: {0}</translation>
    </message>
    <message>
        <source>That stays hidden. You can choose something else.</source>
        <translation>Eso sigue oculto. Puedes elegir otra cosa.</translation>
    </message>
    <message>
        <source>Nothing to show here.</source>
        <translation>Aquí no hay nada que mostrar.</translation>
    </message>
</context>
<context>
    <name>SensitiveImageView</name>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Checking this picture…</source>
        <translation>Comprobando esta imagen…</translation>
    </message>
    <message>
        <source>This may be sensitive. The picture is hidden.</source>
        <translation>Esto puede ser sensible. La imagen está oculta.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this, so it is hidden.</source>
        <translation>SafeLens no ha podido comprobar esto, así que está oculto.</translation>
    </message>
    <message>
        <source>The picture is shown.</source>
        <translation>Se muestra la imagen.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>May be sensitive</source>
        <translation>Puede ser sensible</translation>
    </message>
    <message>
        <source>Couldn&apos;t check</source>
        <translation>No se pudo comprobar</translation>
    </message>
    <message>
        <source>Checked. This file opens in its own app.</source>
        <translation>Revisado. Este archivo se abre en su propia aplicación.</translation>
    </message>
    <message>
        <source>Opens in its own app</source>
        <translation>Se abre en su propia aplicación</translation>
    </message>
</context>
<context>
    <name>ServiceArrivalWindow</name>
    <message>
        <source>SafeLens — something was shared with you</source>
        <translation>SafeLens — alguien ha compartido algo contigo</translation>
    </message>
    <message>
        <source>SafeLens is keeping this safe. A guardian can give it back to you.</source>
        <translation>SafeLens lo está guardando. Un tutor te lo puede devolver.</translation>
    </message>
    <message>
        <source>Giving it back…</source>
        <translation>Devolviéndolo…</translation>
    </message>
    <message>
        <source>It is back in your folder.</source>
        <translation>Ya está otra vez en tu carpeta.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t give it back just now. A guardian can do it later.</source>
        <translation>SafeLens no ha podido devolverlo ahora. Un tutor puede hacerlo más tarde.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Strictness</source>
        <translation>Nivel de filtrado</translation>
    </message>
    <message>
        <source>What counts as sensitive: standard = exposed nudity; strict also flags suggestive pictures and uses lower thresholds.</source>
        <translation>Qué se considera sensible: estándar = desnudos explícitos; estricto también marca imágenes insinuantes y usa umbrales más bajos.</translation>
    </message>
    <message>
        <source>Test mode (treat the SafeLens test pattern as sensitive)</source>
        <translation>Modo de prueba (tratar el patrón de prueba de SafeLens como sensible)</translation>
    </message>
    <message>
        <source>Test mode: the SafeLens test pattern is treated as sensitive, so a deployment can be checked end to end without real content.</source>
        <translation>Modo de prueba: el patrón de prueba de SafeLens se trata como sensible, para poder comprobar una instalación de principio a fin sin contenido real.</translation>
    </message>
    <message>
        <source>Age band for every other login (school labs)</source>
        <translation>Franja de edad para el resto de cuentas (aulas de informática)</translation>
    </message>
    <message>
        <source>Every non-administrator login without its own profile is treated as this age band (for school labs). null = off.</source>
        <translation>Toda cuenta que no sea de administrador y no tenga perfil propio se trata con esta franja de edad (para aulas de informática). null = desactivado.</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Selector de archivos</translation>
    </message>
    <message>
        <source>Check pictures and videos in SafeLens&apos; file picker before they are shown.</source>
        <translation>Comprobar imágenes y vídeos en el selector de archivos de SafeLens antes de mostrarlos.</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Carpetas compartidas</translation>
    </message>
    <message>
        <source>Check files arriving in share folders (downloads, nearby share, Bluetooth).</source>
        <translation>Comprobar los archivos que llegan a carpetas compartidas (descargas, envío cercano, Bluetooth).</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Check contact photos in vCards; sensitive ones are replaced by a neutral avatar.</source>
        <translation>Comprobar las fotos de contacto de las vCards; las sensibles se sustituyen por un avatar neutro.</translation>
    </message>
    <message>
        <source>Incoming share folders</source>
        <translation>Carpetas compartidas de entrada</translation>
    </message>
    <message>
        <source>Folders that receive files from other devices; new files are checked there.</source>
        <translation>Carpetas que reciben archivos de otros dispositivos; los archivos nuevos se comprueban ahí.</translation>
    </message>
    <message>
        <source>Outgoing share folders</source>
        <translation>Carpetas compartidas de salida</translation>
    </message>
    <message>
        <source>Folders whose files leave this computer; files are checked before they go.</source>
        <translation>Carpetas cuyos archivos salen de este equipo; los archivos se comprueban antes de salir.</translation>
    </message>
    <message>
        <source>Viewing, under 13</source>
        <translation>Ver, menores de 13</translation>
    </message>
    <message>
        <source>How a child under 13 may view something sensitive.</source>
        <translation>Cómo puede ver algo sensible un menor de 13 años.</translation>
    </message>
    <message>
        <source>Viewing, 13-17</source>
        <translation>Ver, 13-17</translation>
    </message>
    <message>
        <source>How a 13-17 year old may view something sensitive.</source>
        <translation>Cómo puede ver algo sensible alguien de 13 a 17 años.</translation>
    </message>
    <message>
        <source>Viewing, adults</source>
        <translation>Ver, adultos</translation>
    </message>
    <message>
        <source>How an adult who turned on warnings may view something sensitive.</source>
        <translation>Cómo puede ver algo sensible un adulto que ha activado los avisos.</translation>
    </message>
    <message>
        <source>Sending, under 13</source>
        <translation>Enviar, menores de 13</translation>
    </message>
    <message>
        <source>Whether a child under 13 may send something sensitive.</source>
        <translation>Si un menor de 13 años puede enviar algo sensible.</translation>
    </message>
    <message>
        <source>Sending, 13-17</source>
        <translation>Enviar, 13-17</translation>
    </message>
    <message>
        <source>Whether a 13-17 year old may send something sensitive.</source>
        <translation>Si alguien de 13 a 17 años puede enviar algo sensible.</translation>
    </message>
    <message>
        <source>Sending, adults</source>
        <translation>Enviar, adultos</translation>
    </message>
    <message>
        <source>Whether an adult is asked before sending something sensitive.</source>
        <translation>Si se pregunta a un adulto antes de enviar algo sensible.</translation>
    </message>
    <message>
        <source>Warn adults about sensitive content</source>
        <translation>Avisar a los adultos del contenido sensible</translation>
    </message>
    <message>
        <source>Adults: blur sensitive content and show one warning screen (off by default).</source>
        <translation>Adultos: difuminar el contenido sensible y mostrar una pantalla de aviso (desactivado de forma predeterminada).</translation>
    </message>
    <message>
        <source>Repeat window (hours)</source>
        <translation>Ventana de repetición (horas)</translation>
    </message>
    <message>
        <source>How far back repeated encounters are counted.</source>
        <translation>Cuánto tiempo atrás se cuentan los encuentros repetidos.</translation>
    </message>
    <message>
        <source>Repeats before extra help</source>
        <translation>Repeticiones antes de más ayuda</translation>
    </message>
    <message>
        <source>After this many encounters in the window, the help screens step up.</source>
        <translation>Tras este número de encuentros dentro de la ventana, las pantallas de ayuda suben de nivel.</translation>
    </message>
    <message>
        <source>Tell me how often (counts only)</source>
        <translation>Avisarme de la frecuencia (solo recuentos)</translation>
    </message>
    <message>
        <source>Tell the guardian how often sensitive content arrived (counts only, never the content).</source>
        <translation>Decir al tutor con qué frecuencia ha llegado contenido sensible (solo recuentos, nunca el contenido).</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Adultos de confianza</translation>
    </message>
    <message>
        <source>People a child can message for help (the message never includes the content).</source>
        <translation>Personas a las que un menor puede escribir para pedir ayuda (el mensaje nunca incluye el contenido).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of SafeLens&apos; screens. null = the system&apos;s language (English if SafeLens has no translation for it).</source>
        <translation>El idioma de las pantallas de SafeLens. null = el idioma del sistema (inglés si SafeLens no tiene traducción para él).</translation>
    </message>
    <message>
        <source>Country for the help screens</source>
        <translation>País para las pantallas de ayuda</translation>
    </message>
    <message>
        <source>The country whose helplines, reporting and take-down services the help screens list (ISO 3166 code). null = from the system&apos;s locale; unknown = the international list.</source>
        <translation>El país cuyos teléfonos de ayuda y servicios de denuncia y retirada aparecen en las pantallas de ayuda (código ISO 3166). null = según la configuración regional del sistema; unknown = la lista internacional.</translation>
    </message>
    <message>
        <source>Keep activity counts for (days)</source>
        <translation>Guardar los recuentos de actividad durante (días)</translation>
    </message>
    <message>
        <source>How many days activity counts are kept.</source>
        <translation>Cuántos días se guardan los recuentos de actividad.</translation>
    </message>
    <message>
        <source>Longest wait for a file still being written (seconds)</source>
        <translation>Espera máxima para un archivo que aún se está escribiendo (segundos)</translation>
    </message>
    <message>
        <source>A file still being written after this many seconds is checked as it is (a picture that cannot be read yet is hidden from a child) and checked again when it changes.</source>
        <translation>Un archivo que aún se está escribiendo después de estos segundos se revisa tal como está (una imagen que todavía no se puede leer se oculta a un niño) y se revisa de nuevo cuando cambia.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up SafeLens</source>
        <translation>Configurar SafeLens</translation>
    </message>
    <message>
        <source>Saving… (making the PIN hard to guess takes a moment)</source>
        <translation>Guardando… (hacer que el PIN sea difícil de adivinar lleva un momento)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save the setup ({0}). Please try again.</source>
        <translation>SafeLens no ha podido guardar la configuración ({0}). Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The setup couldn&apos;t be saved: {0}</source>
        <translation>No se ha podido guardar la configuración: {0}</translation>
    </message>
    <message>
        <source>Protection now lives in the SafeLens service on this computer: it protects every child&apos;s account, logged in or not, and keeps the PIN where no account can read it.</source>
        <translation>La protección está ahora en el servicio de SafeLens de este ordenador: protege la cuenta de cada niño, haya iniciado sesión o no, y guarda el PIN donde ninguna cuenta puede leerlo.</translation>
    </message>
</context>
<context>
    <name>TrustedAdultsControl</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Adultos de confianza</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s name</source>
        <translation>Nombre del nuevo adulto de confianza</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s email</source>
        <translation>Correo electrónico del nuevo adulto de confianza</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s phone number</source>
        <translation>Teléfono del nuevo adulto de confianza</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@example.org</translation>
    </message>
    <message>
        <source>+44 20 7946 0000</source>
        <translation>+44 20 7946 0000</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Añadir persona</translation>
    </message>
    <message>
        <source>Add this trusted adult</source>
        <translation>Añadir este adulto de confianza</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Quitar persona</translation>
    </message>
    <message>
        <source>Remove the selected trusted adult</source>
        <translation>Quitar el adulto de confianza seleccionado</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>esta persona</translation>
    </message>
    <message>
        <source>Can&apos;t add {0}: {1}.</source>
        <translation>No se puede añadir a {0}: {1}.</translation>
    </message>
</context>
<context>
    <name>TrustedAdultsPage</name>
    <message>
        <source>Trusted adults</source>
        <translation>Adultos de confianza</translation>
    </message>
    <message>
        <source>A child can message these people from the help screens. The message never includes the picture. You can skip this and add people later.</source>
        <translation>Un menor puede escribir a estas personas desde las pantallas de ayuda. El mensaje nunca incluye la imagen. Puedes saltarte este paso y añadir personas más adelante.</translation>
    </message>
    <message>
        <source>You typed someone&apos;s details but did not press “Add person”.</source>
        <translation>Has escrito los datos de alguien pero no has pulsado «Añadir persona».</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <source>SafeLens — {0}</source>
        <translation>SafeLens — {0}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to SafeLens</source>
        <translation>Te damos la bienvenida a SafeLens</translation>
    </message>
    <message>
        <source>Protection from nudity for the children who use this computer.</source>
        <translation>Protección frente a los desnudos para los menores que usan este equipo.</translation>
    </message>
    <message>
        <source>SafeLens hides nude pictures and videos before a child sees them — in the file picker, in folders that receive files from other devices, and in contact photos. It explains gently why, and offers ways to get help.</source>
        <translation>SafeLens oculta las imágenes y los vídeos de desnudos antes de que un menor los vea — en el selector de archivos, en las carpetas que reciben archivos de otros dispositivos y en las fotos de contactos. Explica con delicadeza el motivo y ofrece formas de pedir ayuda.</translation>
    </message>
    <message>
        <source>Everything is checked on this computer. Nothing is ever sent anywhere: no account, no cloud, no tracking.</source>
        <translation>Todo se comprueba en este equipo. Nunca se envía nada a ningún sitio: sin cuentas, sin nube, sin rastreo.</translation>
    </message>
    <message>
        <source>This takes a few minutes:
  1. Create a guardian PIN
  2. Add your children
  3. Add trusted adults a child can ask for help
  4. Review the protections</source>
        <translation>Esto lleva unos minutos:
  1. Crea un PIN de tutor
  2. Añade a tus hijos
  3. Añade adultos de confianza a los que un menor pueda pedir ayuda
  4. Revisa las protecciones</translation>
    </message>
</context>
</TS>
