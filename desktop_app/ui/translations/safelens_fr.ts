<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity chart</source>
        <translation>Graphique d’activité</translation>
    </message>
    <message>
        <source>Nothing in the last {0} days.</source>
        <translation>Rien ces {0} derniers jours.</translation>
    </message>
    <message>
        <source>{0} in the last {1} days; the most on {2} ({3}).</source>
        <translation>{0} ces {1} derniers jours&#xa0;; jour le plus chargé&#xa0;: {2} ({3}).</translation>
    </message>
    <message>
        <source>Nothing to show for these days.</source>
        <translation>Rien à afficher pour ces jours.</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>How often SafeLens stepped in, per day and per place content came in. Only counts are kept — never the pictures, file names or where they came from.</source>
        <translation>Combien de fois SafeLens est intervenu, par jour et selon la provenance du contenu. Seuls des nombres sont conservés — jamais les images, les noms de fichiers ni leur provenance.</translation>
    </message>
    <message>
        <source>Whose activity</source>
        <translation>Activité de qui</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>What to count</source>
        <translation>Quoi compter</translation>
    </message>
    <message>
        <source>&amp;Whose:</source>
        <translation>&amp;Qui&#xa0;:</translation>
    </message>
    <message>
        <source>Wh&amp;at:</source>
        <translation>Q&amp;uoi&#xa0;:</translation>
    </message>
    <message>
        <source>Activity counts per day</source>
        <translation>Nombre d’événements par jour</translation>
    </message>
    <message>
        <source>Activity counts are not available on this computer.</source>
        <translation>Les statistiques d’activité ne sont pas disponibles sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
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
        <translation>La protection a besoin d’un responsable&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Protection off on this account</source>
        <translation>Protection désactivée sur ce compte</translation>
    </message>
    <message>
        <source>Protection on — set by your school</source>
        <translation>Protection active — définie par ton établissement</translation>
    </message>
    <message>
        <source>Protection on</source>
        <translation>Protection active</translation>
    </message>
    <message>
        <source>See your choices</source>
        <translation>Voir tes choix</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Open a picture or video safely…</source>
        <translation>Ouvrir une image ou une vidéo en sécurité…</translation>
    </message>
    <message>
        <source>Contacts…</source>
        <translation>Contacts…</translation>
    </message>
    <message>
        <source>Guardian settings…</source>
        <translation>Réglages du responsable…</translation>
    </message>
    <message>
        <source>Quit SafeLens</source>
        <translation>Quitter SafeLens</translation>
    </message>
    <message>
        <source>Someone shared something that may be sensitive</source>
        <translation>Quelqu’un a partagé quelque chose qui peut être sensible</translation>
    </message>
    <message>
        <source>SafeLens put it aside. You can see your choices.</source>
        <translation>SafeLens l’a mis de côté. Tu peux voir tes choix.</translation>
    </message>
    <message>
        <source>A file is waiting before it is sent</source>
        <translation>Un fichier attend avant d’être envoyé</translation>
    </message>
    <message>
        <source>It may be sensitive. You can choose what happens.</source>
        <translation>Il peut être sensible. Tu peux choisir la suite.</translation>
    </message>
    <message>
        <source>Open a picture or video</source>
        <translation>Ouvrir une image ou une vidéo</translation>
    </message>
    <message>
        <source>SafeLens can&apos;t check files right now</source>
        <translation>SafeLens ne peut pas vérifier de fichiers pour le moment</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>D’accord</translation>
    </message>
    <message>
        <source>While you were away</source>
        <translation>Pendant ton absence</translation>
    </message>
    <message>
        <source>the SafeLens service is not running</source>
        <translation>le service SafeLens ne fonctionne pas</translation>
    </message>
    <message>
        <source>While you were away, SafeLens put aside 1 file.</source>
        <translation>Pendant ton absence, SafeLens a mis 1 fichier de côté.</translation>
    </message>
    <message>
        <source>While you were away, SafeLens put aside {0} files.</source>
        <translation>Pendant ton absence, SafeLens a mis {0} fichiers de côté.</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Remembered approvals</source>
        <translation>Autorisations mémorisées</translation>
    </message>
    <message>
        <source>When you approve a file for a child and ask SafeLens to remember it, the child can open that exact file again without asking. Files are known only by a fingerprint of their content — never by name or picture.</source>
        <translation>Si vous autorisez un fichier pour un enfant et demandez à SafeLens de s’en souvenir, l’enfant pourra rouvrir ce même fichier sans demander. Les fichiers ne sont reconnus que par une empreinte de leur contenu — jamais par leur nom ni par l’image.</translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation>Empreinte du fichier</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Autorisé le</translation>
    </message>
    <message>
        <source>No approvals are remembered.</source>
        <translation>Aucune autorisation mémorisée.</translation>
    </message>
    <message>
        <source>Re&amp;voke approval</source>
        <translation>&amp;Révoquer l’autorisation</translation>
    </message>
    <message>
        <source>Revoke the selected approval</source>
        <translation>Révoquer l’autorisation sélectionnée</translation>
    </message>
    <message>
        <source>Removed profile</source>
        <translation>Profil supprimé</translation>
    </message>
</context>
<context>
    <name>ArrivalWindow</name>
    <message>
        <source>SafeLens — something was shared with you</source>
        <translation>SafeLens — quelqu’un a partagé quelque chose avec toi</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t open this. A guardian can look at it in the console.</source>
        <translation>SafeLens n’a pas pu ouvrir ceci. Un responsable peut le regarder dans la console.</translation>
    </message>
</context>
<context>
    <name>ChangePinPage</name>
    <message>
        <source>Change PIN</source>
        <translation>Changer le code PIN</translation>
    </message>
    <message>
        <source>The guardian PIN protects every setting and lets a child past the help screens. Changing it needs the current PIN; a forgotten PIN can only be reset by an administrator of this computer.</source>
        <translation>Le code PIN du responsable protège tous les réglages et permet à un enfant de passer les écrans d&apos;aide. Pour le changer, il faut le code PIN actuel&#xa0;; un code PIN oublié ne peut être réinitialisé que par un administrateur de cet ordinateur.</translation>
    </message>
    <message>
        <source>A new PIN needs at least {0} digits, or use a passphrase of at least {1} characters. Avoid birthdays and numbers a child could guess.</source>
        <translation>Un nouveau code PIN doit compter au moins {0} chiffres, ou utilisez une phrase secrète d&apos;au moins {1} caractères. Évitez les anniversaires et les nombres qu&apos;un enfant pourrait deviner.</translation>
    </message>
    <message>
        <source>Rules for a new PIN</source>
        <translation>Règles pour un nouveau code PIN</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Code PIN actuel</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Nouveau code PIN à nouveau</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>Code PIN a&amp;ctuel&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>&amp;Nouveau code PIN&#xa0;:</translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation>&amp;Répétez le nouveau code PIN&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;hange PIN</source>
        <translation>C&amp;hanger le code PIN</translation>
    </message>
    <message>
        <source>Change the guardian PIN</source>
        <translation>Changer le code PIN du responsable</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>Code PIN changé</translation>
    </message>
    <message>
        <source>Please fill in all three boxes.</source>
        <translation>Veuillez remplir les trois cases.</translation>
    </message>
    <message>
        <source>The PIN was changed. Use the new PIN from now on.</source>
        <translation>Le code PIN a été changé. Utilisez désormais le nouveau code PIN.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same. Nothing was changed.</source>
        <translation>Les deux nouveaux codes PIN ne sont pas identiques. Rien n&apos;a été changé.</translation>
    </message>
    <message>
        <source>The current PIN is not right. Nothing was changed.</source>
        <translation>Le code PIN actuel n&apos;est pas correct. Rien n&apos;a été changé.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in {0} seconds.</source>
        <translation>Trop d&apos;essais erronés. Réessayez dans {0} secondes.</translation>
    </message>
    <message>
        <source>This new PIN is too easy to guess: use at least {0} digits, or a passphrase of at least {1} characters (not only spaces).</source>
        <translation>Ce nouveau code PIN est trop facile à deviner&#xa0;: utilisez au moins {0} chiffres, ou une phrase secrète d&apos;au moins {1} caractères (pas seulement des espaces).</translation>
    </message>
    <message>
        <source>The disk is full, so the PIN was not changed. Free some space and try again.</source>
        <translation>Le disque est plein, le code PIN n&apos;a donc pas été changé. Libérez de l&apos;espace et réessayez.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save the new PIN ({0}). The old PIN still works.</source>
        <translation>SafeLens n&apos;a pas pu enregistrer le nouveau code PIN ({0}). L&apos;ancien code PIN fonctionne toujours.</translation>
    </message>
    <message>
        <source>The PIN couldn&apos;t be changed: {0}</source>
        <translation>Le code PIN n&apos;a pas pu être changé&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>CheckScheduler</name>
    <message>
        <source>SafeLens cannot check files right now: {0}</source>
        <translation>SafeLens ne peut pas vérifier de fichiers pour le moment&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>Add your children</source>
        <translation>Ajoutez vos enfants</translation>
    </message>
    <message>
        <source>Each child is linked to the computer account they log in with. Their birth year sets the age band; protection is on from the start.</source>
        <translation>Chaque enfant est associé au compte avec lequel il se connecte à l’ordinateur. Son année de naissance détermine sa tranche d’âge&#xa0;; la protection est active dès le début.</translation>
    </message>
    <message>
        <source>A child</source>
        <translation>Un enfant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Année de naissance</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Tranche d’âge</translation>
    </message>
    <message>
        <source>Children added</source>
        <translation>Enfants ajoutés</translation>
    </message>
    <message>
        <source>&amp;Remove child</source>
        <translation>&amp;Retirer l’enfant</translation>
    </message>
    <message>
        <source>Remove the selected child</source>
        <translation>Retirer l’enfant sélectionné</translation>
    </message>
    <message>
        <source>You can add or change children later in the console.</source>
        <translation>Vous pourrez ajouter ou modifier des enfants plus tard dans la console.</translation>
    </message>
    <message>
        <source>You typed a name but did not press Add. Add {0}, or clear the name.</source>
        <translation>Vous avez saisi un nom sans cliquer sur Ajouter. Ajoutez {0} ou effacez le nom.</translation>
    </message>
    <message>
        <source>The account “{0}” already belongs to a child in this list.</source>
        <translation>Le compte «&#xa0;{0}&#xa0;» appartient déjà à un enfant de cette liste.</translation>
    </message>
</context>
<context>
    <name>ChoiceControl</name>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>Problem on this page</source>
        <translation>Problème sur cette page</translation>
    </message>
</context>
<context>
    <name>ContactDelegate</name>
    <message>
        <source>Checking photo…</source>
        <translation>Vérification de la photo…</translation>
    </message>
    <message>
        <source>Photo hidden</source>
        <translation>Photo cachée</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>SafeLens — Contacts</source>
        <translation>SafeLens — Contacts</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Photos are checked on this computer before they are shown.</source>
        <translation>Les photos sont vérifiées sur cet ordinateur avant d’être affichées.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Importer des contacts…</translation>
    </message>
    <message>
        <source>No contacts yet. Choose “Import contacts…” to add a .vcf file.</source>
        <translation>Pas encore de contacts. Choisis «&#xa0;Importer des contacts…&#xa0;» pour ajouter un fichier .vcf.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <source>Contact cards (*.vcf *.vcard);;All files (*)</source>
        <translation>Fiches de contact (*.vcf *.vcard);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Checking the contacts in this file…</source>
        <translation>Vérification des contacts de ce fichier…</translation>
    </message>
    <message>
        <source>Unnamed contact</source>
        <translation>Contact sans nom</translation>
    </message>
    <message>
        <source>photo hidden</source>
        <translation>photo cachée</translation>
    </message>
    <message>
        <source>{0} contact imported.</source>
        <translation>{0} contact importé.</translation>
    </message>
    <message>
        <source>{0} contacts imported.</source>
        <translation>{0} contacts importés.</translation>
    </message>
    <message>
        <source>{0} photo was hidden.</source>
        <translation>{0} photo a été cachée.</translation>
    </message>
    <message>
        <source>{0} photos were hidden.</source>
        <translation>{0} photos ont été cachées.</translation>
    </message>
    <message>
        <source>{0} photo link was removed (SafeLens never downloads pictures).</source>
        <translation>{0} lien de photo a été retiré (SafeLens ne télécharge jamais d’images).</translation>
    </message>
    <message>
        <source>{0} photo links were removed (SafeLens never downloads pictures).</source>
        <translation>{0} liens de photos ont été retirés (SafeLens ne télécharge jamais d’images).</translation>
    </message>
    <message>
        <source>{0} card could not be read.</source>
        <translation>{0} fiche n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>{0} cards could not be read.</source>
        <translation>{0} fiches n’ont pas pu être lues.</translation>
    </message>
    <message>
        <source>The contacts were not imported: {0}</source>
        <translation>Les contacts n’ont pas été importés&#xa0;: {0}</translation>
    </message>
    <message>
        <source>The contacts were not imported: the file could not be read.</source>
        <translation>Les contacts n’ont pas été importés&#xa0;: le fichier n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>The contacts were not imported because something went wrong in SafeLens.</source>
        <translation>Les contacts n’ont pas été importés, car un problème est survenu dans SafeLens.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>SafeLens is set up</source>
        <translation>SafeLens est configuré</translation>
    </message>
    <message>
        <source>Protection is on.</source>
        <translation>La protection est active.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>{0} protected from now on.</source>
        <translation>{0}&#xa0;: protection active dès maintenant.</translation>
    </message>
    <message>
        <source>To change anything, open the guardian console from SafeLens&apos; menu. It asks for your PIN.</source>
        <translation>Pour modifier quoi que ce soit, ouvrez la console du responsable depuis le menu de SafeLens. Elle vous demandera votre PIN.</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>Tout reste sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Problem with {0}</source>
        <translation>Problème avec {0}</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Utiliser la valeur par défaut</translation>
    </message>
    <message>
        <source>Use the default for {0}</source>
        <translation>Utiliser la valeur par défaut pour {0}</translation>
    </message>
    <message>
        <source>Set by your school (policy {0})</source>
        <translation>Défini par votre établissement (stratégie {0})</translation>
    </message>
</context>
<context>
    <name>FileGrid</name>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
</context>
<context>
    <name>FolderListControl</name>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Add a folder to {0}</source>
        <translation>Ajouter un dossier à {0}</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Retirer le dossier</translation>
    </message>
    <message>
        <source>Remove the selected folder from {0}</source>
        <translation>Retirer le dossier sélectionné de {0}</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choisir un dossier</translation>
    </message>
    <message>
        <source>{0} is already in the list.</source>
        <translation>{0} est déjà dans la liste.</translation>
    </message>
</context>
<context>
    <name>GuardianConsole</name>
    <message>
        <source>SafeLens — Guardian console</source>
        <translation>SafeLens — Console du responsable</translation>
    </message>
    <message>
        <source>Guardian console</source>
        <translation>Console du responsable</translation>
    </message>
    <message>
        <source>Console pages</source>
        <translation>Pages de la console</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Console status</source>
        <translation>État de la console</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Protections</source>
        <translation>Protections</translation>
    </message>
    <message>
        <source>What SafeLens checks and what happens when something may be sensitive, for each age band. Changes are saved at once.</source>
        <translation>Ce que SafeLens vérifie et ce qui se passe quand un contenu peut être sensible, pour chaque tranche d’âge. Les modifications sont enregistrées immédiatement.</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Dossiers de partage</translation>
    </message>
    <message>
        <source>Folders where files from other devices arrive (downloads, nearby share, Bluetooth) are checked as files land; outgoing folders before files leave.</source>
        <translation>Les dossiers où arrivent les fichiers d’autres appareils (téléchargements, partage à proximité, Bluetooth) sont vérifiés dès l’arrivée des fichiers&#xa0;; les dossiers sortants, avant que les fichiers ne partent.</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Adultes de confiance</translation>
    </message>
    <message>
        <source>People a child can message from the help screens. The message never includes the picture or video.</source>
        <translation>Les personnes auxquelles un enfant peut écrire depuis les écrans d’aide. Le message ne contient jamais l’image ni la vidéo.</translation>
    </message>
    <message>
        <source>School &amp; test mode</source>
        <translation>Établissement et mode test</translation>
    </message>
    <message>
        <source>Settings for school computer labs. A school usually sets these for every computer through a managed policy; those are shown locked.</source>
        <translation>Réglages pour les salles informatiques scolaires. En général, l’établissement les définit pour tous les ordinateurs par une stratégie gérée&#xa0;; ces réglages apparaissent verrouillés.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>What you are told and how long counts are kept. SafeLens never keeps or sends pictures, file names or paths.</source>
        <translation>Ce qui vous est communiqué et combien de temps les statistiques sont conservées. SafeLens ne conserve ni n’envoie jamais d’images, de noms de fichiers ni de chemins.</translation>
    </message>
    <message>
        <source>Where the PIN is kept</source>
        <translation>Où le PIN est conservé</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Votre PIN</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Non enregistré.</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Un problème est survenu&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Your school sets this (policy {0}), so it can&apos;t be changed here.</source>
        <translation>Votre établissement définit ce réglage (stratégie {0})&#xa0;; il ne peut donc pas être modifié ici.</translation>
    </message>
    <message>
        <source>This can&apos;t be saved: it {0}.</source>
        <translation>Impossible d’enregistrer&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save this change ({0}). Nothing was changed.</source>
        <translation>SafeLens n’a pas pu enregistrer cette modification ({0}). Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>This can&apos;t be saved: {0}.</source>
        <translation>Impossible d’enregistrer&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>The SafeLens service did not answer, so nothing was changed.</source>
        <translation>Le service SafeLens n&apos;a pas répondu, rien n&apos;a donc été modifié.</translation>
    </message>
</context>
<context>
    <name>GuardianLauncher</name>
    <message>
        <source>Enter the guardian PIN to open the guardian console.</source>
        <translation>Saisissez le PIN du responsable pour ouvrir la console du responsable.</translation>
    </message>
</context>
<context>
    <name>GuardianText</name>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Children (under 18)</source>
        <translation>Enfants (moins de 18 ans)</translation>
    </message>
    <message>
        <source>Under 13</source>
        <translation>Moins de 13 ans</translation>
    </message>
    <message>
        <source>13–17</source>
        <translation>13–17 ans</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adulte</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Standard (exposed nudity)</source>
        <translation>Standard (nudité exposée)</translation>
    </message>
    <message>
        <source>Strict (also suggestive pictures)</source>
        <translation>Strict (aussi les images suggestives)</translation>
    </message>
    <message>
        <source>Only with the guardian&apos;s PIN</source>
        <translation>Uniquement avec le PIN du responsable</translation>
    </message>
    <message>
        <source>After two help screens</source>
        <translation>Après deux écrans d’aide</translation>
    </message>
    <message>
        <source>After one warning screen</source>
        <translation>Après un écran d’avertissement</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Asked “Are you sure?” first</source>
        <translation>Confirmation demandée d’abord</translation>
    </message>
    <message>
        <source>Allowed without a prompt</source>
        <translation>Autorisé sans confirmation</translation>
    </message>
    <message>
        <source>Counts only (never the content)</source>
        <translation>Nombres uniquement (jamais le contenu)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>Entrées&#xa0;: {0}</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Sélecteur de fichiers</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Dossiers de partage</translation>
    </message>
    <message>
        <source>Contact photos</source>
        <translation>Photos de contacts</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Visionneuse</translation>
    </message>
    <message>
        <source>SafeLens itself</source>
        <translation>SafeLens lui-même</translation>
    </message>
    <message>
        <source>Hidden as sensitive</source>
        <translation>Masqué car sensible</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>N’a pas pu être vérifié</translation>
    </message>
    <message>
        <source>Viewed after a warning</source>
        <translation>Vu après un avertissement</translation>
    </message>
    <message>
        <source>Help screens opened</source>
        <translation>Écrans d’aide ouverts</translation>
    </message>
    <message>
        <source>Attempts to switch SafeLens off</source>
        <translation>Tentatives de désactiver SafeLens</translation>
    </message>
    <message>
        <source>Notices sent to you</source>
        <translation>Notifications qui vous ont été envoyées</translation>
    </message>
</context>
<context>
    <name>Intervention</name>
    <message>
        <source>This may be sensitive</source>
        <translation>Ceci peut être sensible</translation>
    </message>
    <message>
        <source>This picture may show private body parts. You don&apos;t have to look at it.</source>
        <translation>Cette image peut montrer des parties intimes du corps. Tu n’as pas à la regarder.</translation>
    </message>
    <message>
        <source>This may show nudity. You can choose what happens next.</source>
        <translation>Ceci peut montrer de la nudité. Tu peux choisir la suite.</translation>
    </message>
    <message>
        <source>Why is it hidden?</source>
        <translation>Pourquoi c’est caché&#xa0;?</translation>
    </message>
    <message>
        <source>Some pictures show the parts of the body that a swimsuit covers. It&apos;s not your fault that you got this. Someone who sends you this may be trying to trick you. You can ask a grown-up you trust for help.</source>
        <translation>Certaines images montrent les parties du corps que cache un maillot de bain. Ce n’est pas ta faute si tu as reçu ça. Quelqu’un qui t’envoie ça essaie peut-être de te piéger. Tu peux demander de l’aide à un adulte en qui tu as confiance.</translation>
    </message>
    <message>
        <source>Nude photos and videos can be used to hurt people. It&apos;s not your fault that you received this. Someone who sends it may be trying to pressure you. You can get help, and you can talk to someone you trust.</source>
        <translation>Les photos et vidéos de nus peuvent servir à faire du mal. Ce n’est pas ta faute si tu as reçu ça. La personne qui l’envoie essaie peut-être de te mettre la pression. Tu peux trouver de l’aide et parler à quelqu’un de confiance.</translation>
    </message>
    <message>
        <source>This has happened a few times</source>
        <translation>C’est arrivé plusieurs fois</translation>
    </message>
    <message>
        <source>You&apos;ve been sent things like this more than once. Talking to someone you trust can help. You don&apos;t have to deal with this alone.</source>
        <translation>On t’a envoyé ce genre de choses plus d’une fois. En parler à quelqu’un de confiance peut aider. Tu n’as pas à vivre ça sans aide.</translation>
    </message>
    <message>
        <source>Are you sure?</source>
        <translation>Tu veux vraiment le voir&#xa0;?</translation>
    </message>
    <message>
        <source>You don&apos;t have to view this. It&apos;s your choice, but make sure you feel safe.</source>
        <translation>Tu n’as pas à regarder ceci. C’est ton choix, mais assure-toi de te sentir en sécurité.</translation>
    </message>
    <message>
        <source>Ask your grown-up</source>
        <translation>Demande à un adulte</translation>
    </message>
    <message>
        <source>A guardian needs to type their PIN on this computer before you can see this.</source>
        <translation>Un responsable doit saisir son PIN sur cet ordinateur avant que tu puisses voir ceci.</translation>
    </message>
    <message>
        <source>Ways to get help</source>
        <translation>Où trouver de l’aide</translation>
    </message>
    <message>
        <source>You can talk to someone. It&apos;s free and it&apos;s private.</source>
        <translation>Tu peux parler à quelqu’un. C’est gratuit et confidentiel.</translation>
    </message>
    <message>
        <source>Message a trusted adult</source>
        <translation>Écrire à un adulte de confiance</translation>
    </message>
    <message>
        <source>The message does not include the picture.</source>
        <translation>Le message ne contient pas l’image.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this</source>
        <translation>SafeLens n’a pas pu vérifier ceci</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this file, so it&apos;s hidden to keep you safe.</source>
        <translation>SafeLens n’a pas pu vérifier ce fichier, alors il est caché pour te protéger.</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Caché</translation>
    </message>
    <message>
        <source>This stays hidden. You can close this window.</source>
        <translation>Ceci reste caché. Tu peux fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>The file was let through.</source>
        <translation>Le fichier a pu passer.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Pas envoyé</translation>
    </message>
    <message>
        <source>The file stays on this computer. Nobody got it.</source>
        <translation>Le fichier reste sur cet ordinateur. Personne ne l’a reçu.</translation>
    </message>
    <message>
        <source>You can&apos;t send this</source>
        <translation>Tu ne peux pas envoyer ceci</translation>
    </message>
    <message>
        <source>This may show private body parts. Pictures like this of children are against the law, even if you took them yourself. A grown-up you trust can help.</source>
        <translation>Ceci peut montrer des parties intimes du corps. Ce genre d’images d’enfants est interdit par la loi, même si c’est toi qui les as prises. Un adulte en qui tu as confiance peut t’aider.</translation>
    </message>
    <message>
        <source>This may show nudity. Sharing nude pictures of anyone under 18 is against the law, even your own. You can get help and talk to someone you trust.</source>
        <translation>Ceci peut montrer de la nudité. Partager des photos de nu de toute personne de moins de 18 ans est interdit par la loi, même les tiennes. Tu peux trouver de l’aide et parler à quelqu’un de confiance.</translation>
    </message>
    <message>
        <source>Are you sure you want to send this?</source>
        <translation>Tu veux vraiment envoyer ceci&#xa0;?</translation>
    </message>
    <message>
        <source>This may show nudity. Sharing nude pictures of anyone under 18 is against the law, even your own, and once it is sent you can&apos;t take it back. It&apos;s your choice, but nobody should pressure you.</source>
        <translation>Ceci peut montrer de la nudité. Partager des photos de nu de toute personne de moins de 18 ans est interdit par la loi, même les tiennes, et une fois envoyé, tu ne peux plus le reprendre. C’est ton choix, mais personne ne devrait te mettre la pression.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Pourquoi&#xa0;?</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Voir…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Don&apos;t view</source>
        <translation>Ne pas voir</translation>
    </message>
    <message>
        <source>Guardian: enter PIN…</source>
        <translation>Responsable&#xa0;: saisir le PIN…</translation>
    </message>
    <message>
        <source>Ask a guardian</source>
        <translation>Demander à un responsable</translation>
    </message>
    <message>
        <source>Hide again</source>
        <translation>Cacher à nouveau</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Ne pas envoyer</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Envoyer quand même</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The safe choice: nothing is shown or sent.</source>
        <translation>Le choix sûr&#xa0;: rien n’est montré ni envoyé.</translation>
    </message>
    <message>
        <source>Explains why this is hidden.</source>
        <translation>Explique pourquoi c’est caché.</translation>
    </message>
    <message>
        <source>Goes on towards showing it.</source>
        <translation>Continue vers l’affichage.</translation>
    </message>
    <message>
        <source>Goes to the next screen.</source>
        <translation>Passe à l’écran suivant.</translation>
    </message>
    <message>
        <source>Lists people you can talk to.</source>
        <translation>Montre des personnes à qui tu peux parler.</translation>
    </message>
    <message>
        <source>Prepares a message to a trusted adult, without the picture.</source>
        <translation>Prépare un message pour un adulte de confiance, sans l’image.</translation>
    </message>
    <message>
        <source>Goes back to the screen before.</source>
        <translation>Revient à l’écran précédent.</translation>
    </message>
    <message>
        <source>A guardian types their PIN.</source>
        <translation>Un responsable saisit son PIN.</translation>
    </message>
    <message>
        <source>Hides it again.</source>
        <translation>Le cache à nouveau.</translation>
    </message>
    <message>
        <source>Lets the file go out.</source>
        <translation>Laisse partir le fichier.</translation>
    </message>
    <message>
        <source>Talk to someone</source>
        <translation>Parler à quelqu’un</translation>
    </message>
    <message>
        <source>Report it</source>
        <translation>Le signaler</translation>
    </message>
    <message>
        <source>Get a picture taken down</source>
        <translation>Faire retirer une image</translation>
    </message>
    <message>
        <source>Find help</source>
        <translation>Trouver de l’aide</translation>
    </message>
    <message>
        <source>Hi, I got something that made me feel uncomfortable. Can we talk?</source>
        <translation>Salut, j’ai reçu quelque chose qui me met mal à l’aise. On peut parler&#xa0;?</translation>
    </message>
    <message>
        <source>In an emergency, call {0}.</source>
        <translation>En cas d’urgence, appelle le {0}.</translation>
    </message>
    <message>
        <source>No trusted adults were set up yet. You can tell a grown-up you trust.</source>
        <translation>Aucun adulte de confiance n’a encore été ajouté. Tu peux en parler à un adulte en qui tu as confiance.</translation>
    </message>
    <message>
        <source>Your message:</source>
        <translation>Ton message&#xa0;:</translation>
    </message>
    <message>
        <source>No guardian PIN is set up on this computer yet.</source>
        <translation>Aucun PIN de responsable n’est encore configuré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Guardian: type your PIN to allow this.</source>
        <translation>Responsable&#xa0;: saisissez votre PIN pour autoriser.</translation>
    </message>
    <message>
        <source>Call {0}</source>
        <translation>Appelle le {0}</translation>
    </message>
    <message>
        <source>Text {0}</source>
        <translation>Envoie un SMS au {0}</translation>
    </message>
    <message>
        <source>Chat: {0}</source>
        <translation>Chat&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Source&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>Copies the message so you can paste it.</source>
        <translation>Copie le message pour que tu puisses le coller.</translation>
    </message>
    <message>
        <source>Write email</source>
        <translation>Écrire un e-mail</translation>
    </message>
    <message>
        <source>Opens your email app with the message ready.</source>
        <translation>Ouvre ton application de messagerie avec le message prêt.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Can we talk?</source>
        <translation>On peut parler&#xa0;?</translation>
    </message>
    <message>
        <source>SafeLens — sending a file</source>
        <translation>SafeLens — envoi d’un fichier</translation>
    </message>
</context>
<context>
    <name>LockNote</name>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
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
        <translation>Démarrage du moteur de protection…</translation>
    </message>
    <message>
        <source>Protection status</source>
        <translation>État de la protection</translation>
    </message>
    <message>
        <source>&amp;Check files…</source>
        <translation>&amp;Vérifier des fichiers…</translation>
    </message>
    <message>
        <source>Choose pictures or videos to check on this computer</source>
        <translation>Choisir des images ou des vidéos à vérifier sur cet ordinateur</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Résultats de la vérification</translation>
    </message>
    <message>
        <source>Everything is checked on this computer. Nothing is sent anywhere.</source>
        <translation>Tout est vérifié sur cet ordinateur. Rien n’est envoyé nulle part.</translation>
    </message>
    <message>
        <source>&amp;Guardian settings…</source>
        <translation>&amp;Réglages du responsable…</translation>
    </message>
    <message>
        <source>Set up SafeLens, or open the guardian console with the PIN</source>
        <translation>Configurer SafeLens, ou ouvrir la console du responsable avec le PIN</translation>
    </message>
    <message>
        <source>SafeLens is not set up yet. A guardian can set it up in a few minutes.</source>
        <translation>SafeLens n’est pas encore configuré. Un responsable peut le faire en quelques minutes.</translation>
    </message>
    <message>
        <source>&amp;Set up protection…</source>
        <translation>Configurer la &amp;protection…</translation>
    </message>
    <message>
        <source>Choose files to check</source>
        <translation>Choisir des fichiers à vérifier</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Protection engine ready: both models verified and loaded.</source>
        <translation>Moteur de protection prêt&#xa0;: les deux modèles sont vérifiés et chargés.</translation>
    </message>
    <message>
        <source>The protection engine could not check a test picture.</source>
        <translation>Le moteur de protection n’a pas pu vérifier une image de test.</translation>
    </message>
    <message>
        <source>Hidden: may be sensitive</source>
        <translation>Caché&#xa0;: peut être sensible</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hidden: could not check</source>
        <translation>Caché&#xa0;: n’a pas pu être vérifié</translation>
    </message>
    <message>
        <source>SafeLens cannot check files right now: {0}</source>
        <translation>SafeLens ne peut pas vérifier de fichiers pour le moment&#xa0;: {0}</translation>
    </message>
    <message>
        <source>&amp;Open a picture or video…</source>
        <translation>&amp;Ouvrir une image ou une vidéo…</translation>
    </message>
    <message>
        <source>Open a file in SafeLens&apos; safe viewer; it is checked before it is shown</source>
        <translation>Ouvrir un fichier dans la visionneuse sécurisée de SafeLens&#xa0;; il est vérifié avant d’être affiché</translation>
    </message>
    <message>
        <source>C&amp;ontacts…</source>
        <translation>Co&amp;ntacts…</translation>
    </message>
    <message>
        <source>Import contact cards; their photos are checked before they are shown</source>
        <translation>Importer des fiches de contact&#xa0;; leurs photos sont vérifiées avant d’être affichées</translation>
    </message>
    <message>
        <source>Inside: {0} — {1}</source>
        <translation>À l&apos;intérieur&#xa0;: {0} — {1}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>How SafeLens protects the children on this computer.</source>
        <translation>Comment SafeLens protège les enfants sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Which mode runs</source>
        <translation>Quel mode fonctionne</translation>
    </message>
    <message>
        <source>How to switch to machine mode: {0}</source>
        <translation>Comment passer au mode machine&#xa0;: {0}</translation>
    </message>
    <message>
        <source>How to switch to machine mode</source>
        <translation>Comment passer au mode machine</translation>
    </message>
    <message>
        <source>Protected accounts</source>
        <translation>Comptes protégés</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Surveillé</translation>
    </message>
    <message>
        <source>Put aside</source>
        <translation>Mis de côté</translation>
    </message>
    <message>
        <source>In their session</source>
        <translation>Dans sa session</translation>
    </message>
    <message>
        <source>Last stopped</source>
        <translation>Dernier arrêt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>No child&apos;s account is protected yet (see Profiles).</source>
        <translation>Aucun compte d&apos;enfant n&apos;est encore protégé (voir Profils).</translation>
    </message>
    <message>
        <source>Problems the service reports</source>
        <translation>Problèmes signalés par le service</translation>
    </message>
    <message>
        <source>Machine mode: the SafeLens service protects every account on this computer, whether the child is logged in or not. A child&apos;s account cannot stop it or change its settings.</source>
        <translation>Mode machine&#xa0;: le service SafeLens protège tous les comptes de cet ordinateur, que l&apos;enfant soit connecté ou non. Le compte d&apos;un enfant ne peut ni l&apos;arrêter ni modifier ses réglages.</translation>
    </message>
    <message>
        <source>Single-account mode: the SafeLens service is installed but not answering, so protection is NOT tamper-resistant and other accounts are not watched.</source>
        <translation>Mode compte unique&#xa0;: le service SafeLens est installé mais ne répond pas&#xa0;; la protection ne résiste donc PAS aux manipulations et les autres comptes ne sont pas surveillés.</translation>
    </message>
    <message>
        <source>Single-account mode: SafeLens runs inside this account only. It is NOT tamper-resistant on a shared computer: a child&apos;s account could stop it or change its data.</source>
        <translation>Mode compte unique&#xa0;: SafeLens ne fonctionne que dans ce compte. Il ne résiste PAS aux manipulations sur un ordinateur partagé&#xa0;: le compte d&apos;un enfant pourrait l&apos;arrêter ou modifier ses données.</translation>
    </message>
    <message>
        <source>The service&apos;s checker: {0}</source>
        <translation>Le vérificateur du service&#xa0;: {0}</translation>
    </message>
    <message>
        <source>{0} profile(s) name an account this computer does not have.</source>
        <translation>{0} profil(s) désignent un compte que cet ordinateur n&apos;a pas.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>{0} of {1} folders</source>
        <translation>{0} dossiers sur {1}</translation>
    </message>
    <message>
        <source>Yes, {0} folders</source>
        <translation>Oui, {0} dossiers</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Non signalé</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Arrêté</translation>
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
        <translation>dossier</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>vérification</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>may be sensitive, hidden</source>
        <translation>peut être sensible, caché</translation>
    </message>
    <message>
        <source>couldn&apos;t check, hidden</source>
        <translation>non vérifiable, caché</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Guardian PIN</source>
        <translation>PIN du responsable</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>Enter the guardian PIN to continue.</source>
        <translation>Saisissez le PIN du responsable pour continuer.</translation>
    </message>
    <message>
        <source>The PIN or passphrase is hidden as you type</source>
        <translation>Le PIN ou la phrase secrète est masqué pendant la saisie</translation>
    </message>
    <message>
        <source>Checking the PIN</source>
        <translation>Vérification du PIN</translation>
    </message>
    <message>
        <source>PIN status</source>
        <translation>État du PIN</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>Vérifier le PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Please enter the PIN.</source>
        <translation>Veuillez saisir le PIN.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>No guardian PIN has been set on this computer yet. Run the setup first.</source>
        <translation>Aucun PIN de responsable n’a encore été défini sur cet ordinateur. Lancez d’abord la configuration.</translation>
    </message>
    <message>
        <source>PIN accepted.</source>
        <translation>PIN accepté.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrect.</translation>
    </message>
    <message>
        <source>Wrong PIN. Please try again.</source>
        <translation>PIN incorrect. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t record this try ({0}). Please try again.</source>
        <translation>SafeLens n’a pas pu enregistrer cet essai ({0}). Veuillez réessayer.</translation>
    </message>
    <message>
        <source>The PIN couldn&apos;t be checked: {0}</source>
        <translation>Le PIN n’a pas pu être vérifié&#xa0;: {0}</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
    <message>
        <source>Too many tries — wait {0} s</source>
        <translation>Trop d’essais — attendez {0} s</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Create a guardian PIN</source>
        <translation>Créer un PIN de responsable</translation>
    </message>
    <message>
        <source>Children can&apos;t change SafeLens&apos; protections without it.</source>
        <translation>Sans lui, les enfants ne peuvent pas modifier les protections de SafeLens.</translation>
    </message>
    <message>
        <source>Problem with the PIN</source>
        <translation>Problème avec le PIN</translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation>Nouveau PIN ou phrase secrète</translation>
    </message>
    <message>
        <source>Type the PIN again</source>
        <translation>Saisissez à nouveau le PIN</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>&amp;Afficher la saisie</translation>
    </message>
    <message>
        <source>Show the PIN as I type</source>
        <translation>Afficher le PIN pendant la saisie</translation>
    </message>
    <message>
        <source>Use at least {0} digits, or a passphrase of at least {1} characters. Avoid birthdays and numbers a child could guess. If you forget it, an administrator of this computer can reset it.</source>
        <translation>Utilisez au moins {0} chiffres, ou une phrase secrète d’au moins {1} caractères. Évitez les dates de naissance et les nombres qu’un enfant pourrait deviner. En cas d’oubli, un administrateur de cet ordinateur peut le réinitialiser.</translation>
    </message>
    <message>
        <source>PIN rules</source>
        <translation>Règles du PIN</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>PIN ou p&amp;hrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Type it again:</source>
        <translation>&amp;Confirmez-le&#xa0;:</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Please type them again.</source>
        <translation>Les deux PIN ne sont pas identiques. Veuillez les saisir à nouveau.</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>Settings need your attention</source>
        <translation>Des réglages demandent votre attention</translation>
    </message>
    <message>
        <source>Please check these settings</source>
        <translation>Veuillez vérifier ces réglages</translation>
    </message>
    <message>
        <source>I&apos;ve &amp;reviewed this</source>
        <translation>J’ai &amp;vérifié</translation>
    </message>
    <message>
        <source>I&apos;ve reviewed these settings</source>
        <translation>J’ai vérifié ces réglages</translation>
    </message>
    <message>
        <source>Saves the settings as they are shown now and ends the strictest protection</source>
        <translation>Enregistre les réglages tels qu’ils sont affichés et met fin à la protection la plus stricte</translation>
    </message>
    <message>
        <source>Problems in your school&apos;s policy files (tell your IT team):</source>
        <translation>Problèmes dans les fichiers de stratégie de votre établissement (prévenez votre service informatique)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Computer account</source>
        <translation>Compte de l’ordinateur</translation>
    </message>
    <message>
        <source>The login this person uses on this computer</source>
        <translation>L’identifiant que cette personne utilise sur cet ordinateur</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Année de naissance</translation>
    </message>
    <message>
        <source>This is an &amp;adult (no age band protections)</source>
        <translation>C’est un a&amp;dulte (pas de protection par tranche d’âge)</translation>
    </message>
    <message>
        <source>This is an adult</source>
        <translation>C’est un adulte</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Tranche d’âge</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Add this profile</source>
        <translation>Ajouter ce profil</translation>
    </message>
    <message>
        <source>Problem with this profile</source>
        <translation>Problème avec ce profil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Computer a&amp;ccount:</source>
        <translation>&amp;Compte de l’ordinateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Birth year:</source>
        <translation>&amp;Année de naissance&#xa0;:</translation>
    </message>
    <message>
        <source>Adult: protections are off unless turned on</source>
        <translation>Adulte&#xa0;: protections désactivées sauf si elles sont activées</translation>
    </message>
    <message>
        <source>Age band: {0}</source>
        <translation>Tranche d’âge&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Each person who uses this computer can have a profile, linked to their computer account. Children are protected the moment their profile exists.</source>
        <translation>Chaque personne qui utilise cet ordinateur peut avoir un profil, associé à son compte. Les enfants sont protégés dès que leur profil existe.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Année de naissance</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Tranche d’âge</translation>
    </message>
    <message>
        <source>&amp;Remove profile…</source>
        <translation>&amp;Supprimer le profil…</translation>
    </message>
    <message>
        <source>Remove the selected profile</source>
        <translation>Supprimer le profil sélectionné</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Le garder</translation>
    </message>
    <message>
        <source>Yes, remove the profile</source>
        <translation>Oui, supprimer le profil</translation>
    </message>
    <message>
        <source>No, keep the profile</source>
        <translation>Non, garder le profil</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Ajouter un profil</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Remove {0}&apos;s profile? The account “{1}” will no longer be protected as a child unless a school policy covers it.</source>
        <translation>Supprimer le profil de {0}&#xa0;? Le compte «&#xa0;{1}&#xa0;» ne sera plus protégé comme celui d’un enfant, sauf si une stratégie de l’établissement le couvre.</translation>
    </message>
    <message>
        <source>Remove {0}&apos;s profile (account “{1}”)?</source>
        <translation>Supprimer le profil de {0} (compte «&#xa0;{1}&#xa0;»)&#xa0;?</translation>
    </message>
</context>
<context>
    <name>QuarantinePage</name>
    <message>
        <source>Quarantine</source>
        <translation>Quarantaine</translation>
    </message>
    <message>
        <source>Files SafeLens hid from a child wait here for you; pictures are never shown. Restoring a file tells SafeLens it was not sensitive: that exact file won&apos;t be hidden from that child again. Deleting removes it for good.</source>
        <translation>Les fichiers que SafeLens a cachés à un enfant vous attendent ici&#xa0;; les images ne sont jamais affichées. Restaurer un fichier indique à SafeLens qu’il n’était pas sensible&#xa0;: ce fichier précis ne sera plus caché à cet enfant. Supprimer l’efface définitivement.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>Where from</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <source>Files in quarantine</source>
        <translation>Fichiers en quarantaine</translation>
    </message>
    <message>
        <source>Nothing is in quarantine. When SafeLens hides a file from a child, it waits here for you.</source>
        <translation>Rien en quarantaine. Quand SafeLens cache un fichier à un enfant, il vous attend ici.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Restore the selected file</source>
        <translation>Restaurer le fichier sélectionné</translation>
    </message>
    <message>
        <source>Puts the file back where it came from, next to any file with the same name</source>
        <translation>Remet le fichier à son emplacement d’origine, à côté de tout fichier du même nom</translation>
    </message>
    <message>
        <source>Restore &amp;to…</source>
        <translation>Restaurer &amp;vers…</translation>
    </message>
    <message>
        <source>Restore the selected file to a folder</source>
        <translation>Restaurer le fichier sélectionné dans un dossier</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>&amp;Supprimer définitivement…</translation>
    </message>
    <message>
        <source>Delete the selected file for good</source>
        <translation>Supprimer définitivement le fichier sélectionné</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t open its quarantine folder, so hidden files can&apos;t be listed here. Restarting SafeLens may help.</source>
        <translation>SafeLens n’a pas pu ouvrir son dossier de quarantaine&#xa0;; les fichiers cachés ne peuvent donc pas être listés ici. Redémarrer SafeLens peut aider.</translation>
    </message>
    <message>
        <source>Removed profile</source>
        <translation>Profil supprimé</translation>
    </message>
    <message>
        <source>Share folder</source>
        <translation>Dossier de partage</translation>
    </message>
    <message>
        <source>Sent from this computer</source>
        <translation>Envoyé depuis cet ordinateur</translation>
    </message>
    <message>
        <source>Contact photo</source>
        <translation>Photo de contact</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Sélecteur de fichiers</translation>
    </message>
    <message>
        <source>May be sensitive</source>
        <translation>Peut être sensible</translation>
    </message>
    <message>
        <source>Couldn&apos;t be checked</source>
        <translation>Vérification impossible</translation>
    </message>
    <message>
        <source>Put back as “{0}” in {1}.</source>
        <translation>Remis sous le nom «&#xa0;{0}&#xa0;» dans {1}.</translation>
    </message>
    <message>
        <source>It won&apos;t be hidden from {0} again.</source>
        <translation>Il ne sera plus caché à {0}.</translation>
    </message>
    <message>
        <source>It won&apos;t be hidden from any child again.</source>
        <translation>Il ne sera plus caché à aucun enfant.</translation>
    </message>
    <message>
        <source>Deleted for good.</source>
        <translation>Supprimé définitivement.</translation>
    </message>
    <message>
        <source>Restore to which folder?</source>
        <translation>Restaurer dans quel dossier&#xa0;?</translation>
    </message>
    <message>
        <source>Delete for good?</source>
        <translation>Supprimer définitivement&#xa0;?</translation>
    </message>
    <message>
        <source>Delete “{0}” for good?</source>
        <translation>Supprimer «&#xa0;{0}&#xa0;» définitivement&#xa0;?</translation>
    </message>
    <message>
        <source>It can&apos;t be restored afterwards.</source>
        <translation>Il ne pourra plus être restauré ensuite.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <source>Delete the file for good</source>
        <translation>Supprimer le fichier définitivement</translation>
    </message>
    <message>
        <source>SafeLens&apos;s kept copy of this file has been changed or is missing, so it was not put back. It stays in the list; you can delete it for good.</source>
        <translation>La copie de ce fichier conservée par SafeLens a été modifiée ou est introuvable&#xa0;; il n’a donc pas été remis en place. Il reste dans la liste&#xa0;; vous pouvez le supprimer définitivement.</translation>
    </message>
    <message>
        <source>This file is no longer in quarantine (it may have been restored or deleted somewhere else). The list now shows what is there.</source>
        <translation>Ce fichier n’est plus en quarantaine (il a peut-être été restauré ou supprimé ailleurs). La liste affiche maintenant ce qui s’y trouve.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was moved. Free some space and try again.</source>
        <translation>Le disque est plein&#xa0;; rien n’a donc été déplacé. Libérez de l’espace et réessayez.</translation>
    </message>
    <message>
        <source>That didn&apos;t work: {0} The file is still in quarantine.</source>
        <translation>Cela n’a pas fonctionné&#xa0;: {0} Le fichier est toujours en quarantaine.</translation>
    </message>
    <message>
        <source>SafeLens may not put files in that folder, so nothing was moved. Choose another folder with Restore to…; the file is still in quarantine.</source>
        <translation>SafeLens ne peut pas mettre de fichiers dans ce dossier, rien n&apos;a donc été déplacé. Choisissez un autre dossier avec «&#xa0;Restaurer vers…&#xa0;»&#xa0;; le fichier est toujours en quarantaine.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review the protections</source>
        <translation>Vérifiez les protections</translation>
    </message>
    <message>
        <source>This is what SafeLens does for each age band from the start. You can change it later in the guardian console.</source>
        <translation>Voici ce que SafeLens fait pour chaque tranche d’âge dès le début. Vous pourrez le modifier plus tard dans la console du responsable.</translation>
    </message>
    <message>
        <source>&amp;Set up SafeLens</source>
        <translation>&amp;Configurer SafeLens</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Setup status</source>
        <translation>État de la configuration</translation>
    </message>
    <message>
        <source>Problem saving the setup</source>
        <translation>Problème lors de l’enregistrement de la configuration</translation>
    </message>
    <message>
        <source>Protections for each age band</source>
        <translation>Protections par tranche d’âge</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Protection</translation>
    </message>
    <message>
        <source>Set by your school (policy {0})</source>
        <translation>Défini par votre établissement (stratégie {0})</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>Sans objet</translation>
    </message>
    <message>
        <source>Protection will be on for: {0}.</source>
        <translation>La protection sera active pour&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>No children added yet. Add them later in the guardian console.</source>
        <translation>Aucun enfant ajouté pour l’instant. Ajoutez-les plus tard dans la console du responsable.</translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Checking “{0}”…</source>
        <translation>Vérification de «&#xa0;{0}&#xa0;»…</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nom du fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Up one folder</source>
        <translation>Dossier parent</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <source>Files of type</source>
        <translation>Type de fichiers</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Opening the folder…</source>
        <translation>Ouverture du dossier…</translation>
    </message>
    <message>
        <source>This folder can&apos;t be opened: {0}</source>
        <translation>Impossible d’ouvrir ce dossier&#xa0;: {0}</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>Éléments&#xa0;: {0}</translation>
    </message>
    <message>
        <source>That stays hidden. You can choose something else.</source>
        <translation>Ceci reste caché. Tu peux choisir autre chose.</translation>
    </message>
    <message>
        <source>Nothing to show here.</source>
        <translation>Rien à afficher ici.</translation>
    </message>
</context>
<context>
    <name>SensitiveImageView</name>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Checking this picture…</source>
        <translation>Vérification de cette image…</translation>
    </message>
    <message>
        <source>This may be sensitive. The picture is hidden.</source>
        <translation>Ceci peut être sensible. L’image est cachée.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this, so it is hidden.</source>
        <translation>SafeLens n’a pas pu vérifier ceci, alors c’est caché.</translation>
    </message>
    <message>
        <source>The picture is shown.</source>
        <translation>L’image est affichée.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>May be sensitive</source>
        <translation>Peut être sensible</translation>
    </message>
    <message>
        <source>Couldn&apos;t check</source>
        <translation>Vérification impossible</translation>
    </message>
    <message>
        <source>Checked. This file opens in its own app.</source>
        <translation>Vérifié. Ce fichier s&apos;ouvre dans sa propre application.</translation>
    </message>
    <message>
        <source>Opens in its own app</source>
        <translation>S&apos;ouvre dans sa propre application</translation>
    </message>
</context>
<context>
    <name>ServiceArrivalWindow</name>
    <message>
        <source>SafeLens — something was shared with you</source>
        <translation>SafeLens — quelqu’un a partagé quelque chose avec toi</translation>
    </message>
    <message>
        <source>SafeLens is keeping this safe. A guardian can give it back to you.</source>
        <translation>SafeLens le garde en sécurité. Un responsable peut te le rendre.</translation>
    </message>
    <message>
        <source>Giving it back…</source>
        <translation>On te le rend…</translation>
    </message>
    <message>
        <source>It is back in your folder.</source>
        <translation>Il est de retour dans ton dossier.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t give it back just now. A guardian can do it later.</source>
        <translation>SafeLens n’a pas pu le rendre pour l’instant. Un responsable pourra le faire plus tard.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Strictness</source>
        <translation>Niveau de filtrage</translation>
    </message>
    <message>
        <source>What counts as sensitive: standard = exposed nudity; strict also flags suggestive pictures and uses lower thresholds.</source>
        <translation>Ce qui est considéré comme sensible&#xa0;: standard = nudité exposée&#xa0;; strict signale aussi les images suggestives et utilise des seuils plus bas.</translation>
    </message>
    <message>
        <source>Test mode (treat the SafeLens test pattern as sensitive)</source>
        <translation>Mode test (traiter la mire de test SafeLens comme sensible)</translation>
    </message>
    <message>
        <source>Test mode: the SafeLens test pattern is treated as sensitive, so a deployment can be checked end to end without real content.</source>
        <translation>Mode test&#xa0;: la mire de test SafeLens est traitée comme sensible, pour vérifier un déploiement de bout en bout sans contenu réel.</translation>
    </message>
    <message>
        <source>Age band for every other login (school labs)</source>
        <translation>Tranche d’âge pour toutes les autres sessions (salles informatiques)</translation>
    </message>
    <message>
        <source>Every non-administrator login without its own profile is treated as this age band (for school labs). null = off.</source>
        <translation>Toute session non administrateur sans profil propre est traitée avec cette tranche d’âge (pour les salles informatiques). null = désactivé.</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Sélecteur de fichiers</translation>
    </message>
    <message>
        <source>Check pictures and videos in SafeLens&apos; file picker before they are shown.</source>
        <translation>Vérifier les images et vidéos dans le sélecteur de fichiers de SafeLens avant de les afficher.</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Dossiers de partage</translation>
    </message>
    <message>
        <source>Check files arriving in share folders (downloads, nearby share, Bluetooth).</source>
        <translation>Vérifier les fichiers qui arrivent dans les dossiers de partage (téléchargements, partage à proximité, Bluetooth).</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Check contact photos in vCards; sensitive ones are replaced by a neutral avatar.</source>
        <translation>Vérifier les photos de contact dans les vCards&#xa0;; celles qui sont sensibles sont remplacées par un avatar neutre.</translation>
    </message>
    <message>
        <source>Incoming share folders</source>
        <translation>Dossiers de partage entrants</translation>
    </message>
    <message>
        <source>Folders that receive files from other devices; new files are checked there.</source>
        <translation>Dossiers qui reçoivent des fichiers d’autres appareils&#xa0;; les nouveaux fichiers y sont vérifiés.</translation>
    </message>
    <message>
        <source>Outgoing share folders</source>
        <translation>Dossiers de partage sortants</translation>
    </message>
    <message>
        <source>Folders whose files leave this computer; files are checked before they go.</source>
        <translation>Dossiers dont les fichiers quittent cet ordinateur&#xa0;; les fichiers sont vérifiés avant de partir.</translation>
    </message>
    <message>
        <source>Viewing, under 13</source>
        <translation>Affichage, moins de 13 ans</translation>
    </message>
    <message>
        <source>How a child under 13 may view something sensitive.</source>
        <translation>Comment un enfant de moins de 13 ans peut voir un contenu sensible.</translation>
    </message>
    <message>
        <source>Viewing, 13-17</source>
        <translation>Affichage, 13-17 ans</translation>
    </message>
    <message>
        <source>How a 13-17 year old may view something sensitive.</source>
        <translation>Comment un jeune de 13 à 17 ans peut voir un contenu sensible.</translation>
    </message>
    <message>
        <source>Viewing, adults</source>
        <translation>Affichage, adultes</translation>
    </message>
    <message>
        <source>How an adult who turned on warnings may view something sensitive.</source>
        <translation>Comment un adulte qui a activé les avertissements peut voir un contenu sensible.</translation>
    </message>
    <message>
        <source>Sending, under 13</source>
        <translation>Envoi, moins de 13 ans</translation>
    </message>
    <message>
        <source>Whether a child under 13 may send something sensitive.</source>
        <translation>Si un enfant de moins de 13 ans peut envoyer un contenu sensible.</translation>
    </message>
    <message>
        <source>Sending, 13-17</source>
        <translation>Envoi, 13-17 ans</translation>
    </message>
    <message>
        <source>Whether a 13-17 year old may send something sensitive.</source>
        <translation>Si un jeune de 13 à 17 ans peut envoyer un contenu sensible.</translation>
    </message>
    <message>
        <source>Sending, adults</source>
        <translation>Envoi, adultes</translation>
    </message>
    <message>
        <source>Whether an adult is asked before sending something sensitive.</source>
        <translation>Si un adulte doit confirmer avant d’envoyer un contenu sensible.</translation>
    </message>
    <message>
        <source>Warn adults about sensitive content</source>
        <translation>Avertir les adultes des contenus sensibles</translation>
    </message>
    <message>
        <source>Adults: blur sensitive content and show one warning screen (off by default).</source>
        <translation>Adultes&#xa0;: flouter les contenus sensibles et afficher un écran d’avertissement (désactivé par défaut).</translation>
    </message>
    <message>
        <source>Repeat window (hours)</source>
        <translation>Fenêtre de répétition (heures)</translation>
    </message>
    <message>
        <source>How far back repeated encounters are counted.</source>
        <translation>Sur quelle durée les rencontres répétées sont comptées.</translation>
    </message>
    <message>
        <source>Repeats before extra help</source>
        <translation>Répétitions avant une aide renforcée</translation>
    </message>
    <message>
        <source>After this many encounters in the window, the help screens step up.</source>
        <translation>Après ce nombre de rencontres dans la fenêtre, les écrans d’aide passent au niveau supérieur.</translation>
    </message>
    <message>
        <source>Tell me how often (counts only)</source>
        <translation>Me dire à quelle fréquence (nombres uniquement)</translation>
    </message>
    <message>
        <source>Tell the guardian how often sensitive content arrived (counts only, never the content).</source>
        <translation>Indiquer au responsable à quelle fréquence du contenu sensible est arrivé (nombres uniquement, jamais le contenu).</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Adultes de confiance</translation>
    </message>
    <message>
        <source>People a child can message for help (the message never includes the content).</source>
        <translation>Les personnes auxquelles un enfant peut écrire pour demander de l’aide (le message ne contient jamais le contenu).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of SafeLens&apos; screens. null = the system&apos;s language (English if SafeLens has no translation for it).</source>
        <translation>La langue des écrans de SafeLens. null = la langue du système (l’anglais si SafeLens n’a pas de traduction pour celle-ci).</translation>
    </message>
    <message>
        <source>Country for the help screens</source>
        <translation>Pays pour les écrans d’aide</translation>
    </message>
    <message>
        <source>The country whose helplines, reporting and take-down services the help screens list (ISO 3166 code). null = from the system&apos;s locale; unknown = the international list.</source>
        <translation>Le pays dont les lignes d’écoute et les services de signalement et de retrait sont listés dans les écrans d’aide (code ISO 3166). null = selon les paramètres régionaux du système&#xa0;; unknown = la liste internationale.</translation>
    </message>
    <message>
        <source>Keep activity counts for (days)</source>
        <translation>Conserver les statistiques d’activité pendant (jours)</translation>
    </message>
    <message>
        <source>How many days activity counts are kept.</source>
        <translation>Combien de jours les statistiques d’activité sont conservées.</translation>
    </message>
    <message>
        <source>Longest wait for a file still being written (seconds)</source>
        <translation>Attente maximale pour un fichier encore en cours d&apos;écriture (secondes)</translation>
    </message>
    <message>
        <source>A file still being written after this many seconds is checked as it is (a picture that cannot be read yet is hidden from a child) and checked again when it changes.</source>
        <translation>Un fichier encore en cours d&apos;écriture après ce nombre de secondes est vérifié tel quel (une image qui ne peut pas encore être lue est cachée à un enfant) et vérifié à nouveau quand il change.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up SafeLens</source>
        <translation>Configurer SafeLens</translation>
    </message>
    <message>
        <source>Saving… (making the PIN hard to guess takes a moment)</source>
        <translation>Enregistrement… (rendre le PIN difficile à deviner prend un moment)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save the setup ({0}). Please try again.</source>
        <translation>SafeLens n’a pas pu enregistrer la configuration ({0}). Veuillez réessayer.</translation>
    </message>
    <message>
        <source>The setup couldn&apos;t be saved: {0}</source>
        <translation>La configuration n’a pas pu être enregistrée&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Protection now lives in the SafeLens service on this computer: it protects every child&apos;s account, logged in or not, and keeps the PIN where no account can read it.</source>
        <translation>La protection est désormais assurée par le service SafeLens de cet ordinateur&#xa0;: il protège le compte de chaque enfant, connecté ou non, et garde le code PIN là où aucun compte ne peut le lire.</translation>
    </message>
</context>
<context>
    <name>TrustedAdultsControl</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Adultes de confiance</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s name</source>
        <translation>Nom du nouvel adulte de confiance</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s email</source>
        <translation>E-mail du nouvel adulte de confiance</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s phone number</source>
        <translation>Numéro de téléphone du nouvel adulte de confiance</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@example.org</translation>
    </message>
    <message>
        <source>+44 20 7946 0000</source>
        <translation>+44 20 7946 0000</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Ajouter la personne</translation>
    </message>
    <message>
        <source>Add this trusted adult</source>
        <translation>Ajouter cet adulte de confiance</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Retirer la personne</translation>
    </message>
    <message>
        <source>Remove the selected trusted adult</source>
        <translation>Retirer l’adulte de confiance sélectionné</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>cette personne</translation>
    </message>
    <message>
        <source>Can&apos;t add {0}: {1}.</source>
        <translation>Impossible d’ajouter {0}&#xa0;: {1}.</translation>
    </message>
</context>
<context>
    <name>TrustedAdultsPage</name>
    <message>
        <source>Trusted adults</source>
        <translation>Adultes de confiance</translation>
    </message>
    <message>
        <source>A child can message these people from the help screens. The message never includes the picture. You can skip this and add people later.</source>
        <translation>Un enfant peut écrire à ces personnes depuis les écrans d’aide. Le message ne contient jamais l’image. Vous pouvez passer cette étape et ajouter des personnes plus tard.</translation>
    </message>
    <message>
        <source>You typed someone&apos;s details but did not press “Add person”.</source>
        <translation>Vous avez saisi les coordonnées de quelqu’un sans cliquer sur «&#xa0;Ajouter la personne&#xa0;».</translation>
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
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to SafeLens</source>
        <translation>Bienvenue dans SafeLens</translation>
    </message>
    <message>
        <source>Protection from nudity for the children who use this computer.</source>
        <translation>Une protection contre la nudité pour les enfants qui utilisent cet ordinateur.</translation>
    </message>
    <message>
        <source>SafeLens hides nude pictures and videos before a child sees them — in the file picker, in folders that receive files from other devices, and in contact photos. It explains gently why, and offers ways to get help.</source>
        <translation>SafeLens cache les images et vidéos de nus avant qu’un enfant ne les voie — dans le sélecteur de fichiers, dans les dossiers qui reçoivent des fichiers d’autres appareils et dans les photos de contacts. Il explique avec douceur pourquoi et propose des moyens de trouver de l’aide.</translation>
    </message>
    <message>
        <source>Everything is checked on this computer. Nothing is ever sent anywhere: no account, no cloud, no tracking.</source>
        <translation>Tout est vérifié sur cet ordinateur. Rien n’est jamais envoyé nulle part&#xa0;: pas de compte, pas de cloud, pas de pistage.</translation>
    </message>
    <message>
        <source>This takes a few minutes:
  1. Create a guardian PIN
  2. Add your children
  3. Add trusted adults a child can ask for help
  4. Review the protections</source>
        <translation>Cela prend quelques minutes&#xa0;:
  1. Créer un PIN de responsable
  2. Ajouter vos enfants
  3. Ajouter des adultes de confiance à qui un enfant peut demander de l’aide
  4. Vérifier les protections</translation>
    </message>
</context>
</TS>
