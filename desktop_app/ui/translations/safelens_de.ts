<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity chart</source>
        <translation>Aktivitätsdiagramm</translation>
    </message>
    <message>
        <source>Nothing in the last {0} days.</source>
        <translation>Nichts in den letzten {0} Tagen.</translation>
    </message>
    <message>
        <source>{0} in the last {1} days; the most on {2} ({3}).</source>
        <translation>{0} in den letzten {1} Tagen; am meisten am {2} ({3}).</translation>
    </message>
    <message>
        <source>Nothing to show for these days.</source>
        <translation>Für diese Tage gibt es nichts anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>How often SafeLens stepped in, per day and per place content came in. Only counts are kept — never the pictures, file names or where they came from.</source>
        <translation>Wie oft SafeLens eingegriffen hat, pro Tag und je nachdem, wo Inhalte hereinkamen. Es werden nur Anzahlen gespeichert — nie die Bilder, Dateinamen oder woher sie kamen.</translation>
    </message>
    <message>
        <source>Whose activity</source>
        <translation>Wessen Aktivität</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>What to count</source>
        <translation>Was gezählt wird</translation>
    </message>
    <message>
        <source>&amp;Whose:</source>
        <translation>&amp;Wessen:</translation>
    </message>
    <message>
        <source>Wh&amp;at:</source>
        <translation>W&amp;as:</translation>
    </message>
    <message>
        <source>Activity counts per day</source>
        <translation>Aktivität pro Tag</translation>
    </message>
    <message>
        <source>Activity counts are not available on this computer.</source>
        <translation>Aktivitätszahlen sind auf diesem Computer nicht verfügbar.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>Agent</name>
    <message>
        <source>Protection needs a guardian: {0}</source>
        <translation>Der Schutz braucht eine Aufsichtsperson: {0}</translation>
    </message>
    <message>
        <source>Protection off on this account</source>
        <translation>Schutz für dieses Konto aus</translation>
    </message>
    <message>
        <source>Protection on — set by your school</source>
        <translation>Schutz an — von deiner Schule festgelegt</translation>
    </message>
    <message>
        <source>Protection on</source>
        <translation>Schutz an</translation>
    </message>
    <message>
        <source>See your choices</source>
        <translation>Deine Möglichkeiten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Open a picture or video safely…</source>
        <translation>Bild oder Video sicher öffnen…</translation>
    </message>
    <message>
        <source>Contacts…</source>
        <translation>Kontakte…</translation>
    </message>
    <message>
        <source>Guardian settings…</source>
        <translation>Aufsichtseinstellungen…</translation>
    </message>
    <message>
        <source>Quit SafeLens</source>
        <translation>SafeLens beenden</translation>
    </message>
    <message>
        <source>Someone shared something that may be sensitive</source>
        <translation>Jemand hat etwas geteilt, das sensibel sein könnte</translation>
    </message>
    <message>
        <source>SafeLens put it aside. You can see your choices.</source>
        <translation>SafeLens hat es beiseitegelegt. Du kannst dir deine Möglichkeiten ansehen.</translation>
    </message>
    <message>
        <source>A file is waiting before it is sent</source>
        <translation>Eine Datei wartet, bevor sie gesendet wird</translation>
    </message>
    <message>
        <source>It may be sensitive. You can choose what happens.</source>
        <translation>Sie könnte sensibel sein. Du kannst entscheiden, was passiert.</translation>
    </message>
    <message>
        <source>Open a picture or video</source>
        <translation>Bild oder Video öffnen</translation>
    </message>
    <message>
        <source>SafeLens can&apos;t check files right now</source>
        <translation>SafeLens kann gerade keine Dateien prüfen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>While you were away</source>
        <translation>Während du weg warst</translation>
    </message>
    <message>
        <source>the SafeLens service is not running</source>
        <translation>der SafeLens-Dienst läuft nicht</translation>
    </message>
    <message>
        <source>While you were away, SafeLens put aside 1 file.</source>
        <translation>Während du weg warst, hat SafeLens 1 Datei beiseitegelegt.</translation>
    </message>
    <message>
        <source>While you were away, SafeLens put aside {0} files.</source>
        <translation>Während du weg warst, hat SafeLens {0} Dateien beiseitegelegt.</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Remembered approvals</source>
        <translation>Gemerkte Freigaben</translation>
    </message>
    <message>
        <source>When you approve a file for a child and ask SafeLens to remember it, the child can open that exact file again without asking. Files are known only by a fingerprint of their content — never by name or picture.</source>
        <translation>Wenn Sie eine Datei für ein Kind freigeben und SafeLens bitten, sich das zu merken, kann das Kind genau diese Datei wieder öffnen, ohne zu fragen. Dateien werden nur an einem Fingerabdruck ihres Inhalts erkannt — nie am Namen oder am Bild.</translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation>Fingerabdruck der Datei</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Freigegeben am</translation>
    </message>
    <message>
        <source>No approvals are remembered.</source>
        <translation>Es sind keine Freigaben gemerkt.</translation>
    </message>
    <message>
        <source>Re&amp;voke approval</source>
        <translation>Freigabe &amp;widerrufen</translation>
    </message>
    <message>
        <source>Revoke the selected approval</source>
        <translation>Die ausgewählte Freigabe widerrufen</translation>
    </message>
    <message>
        <source>Removed profile</source>
        <translation>Entferntes Profil</translation>
    </message>
</context>
<context>
    <name>ArrivalWindow</name>
    <message>
        <source>SafeLens — something was shared with you</source>
        <translation>SafeLens — jemand hat etwas mit dir geteilt</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t open this. A guardian can look at it in the console.</source>
        <translation>SafeLens konnte das nicht öffnen. Eine Aufsichtsperson kann es sich im Aufsichtsbereich ansehen.</translation>
    </message>
</context>
<context>
    <name>ChangePinPage</name>
    <message>
        <source>Change PIN</source>
        <translation>PIN ändern</translation>
    </message>
    <message>
        <source>The guardian PIN protects every setting and lets a child past the help screens. Changing it needs the current PIN; a forgotten PIN can only be reset by an administrator of this computer.</source>
        <translation>Die Eltern-PIN schützt alle Einstellungen und lässt ein Kind an den Hilfeseiten vorbei. Zum Ändern brauchen Sie die aktuelle PIN; eine vergessene PIN kann nur ein Administrator dieses Computers zurücksetzen.</translation>
    </message>
    <message>
        <source>A new PIN needs at least {0} digits, or use a passphrase of at least {1} characters. Avoid birthdays and numbers a child could guess.</source>
        <translation>Eine neue PIN braucht mindestens {0} Ziffern, oder verwenden Sie eine Passphrase mit mindestens {1} Zeichen. Vermeiden Sie Geburtstage und Zahlen, die ein Kind erraten könnte.</translation>
    </message>
    <message>
        <source>Rules for a new PIN</source>
        <translation>Regeln für eine neue PIN</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Aktuelle PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>&amp;Aktuelle PIN:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>&amp;Neue PIN:</translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation>Neue PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <source>C&amp;hange PIN</source>
        <translation>PIN ä&amp;ndern</translation>
    </message>
    <message>
        <source>Change the guardian PIN</source>
        <translation>Die Eltern-PIN ändern</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN geändert</translation>
    </message>
    <message>
        <source>Please fill in all three boxes.</source>
        <translation>Bitte füllen Sie alle drei Felder aus.</translation>
    </message>
    <message>
        <source>The PIN was changed. Use the new PIN from now on.</source>
        <translation>Die PIN wurde geändert. Verwenden Sie ab jetzt die neue PIN.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same. Nothing was changed.</source>
        <translation>Die beiden neuen PINs stimmen nicht überein. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The current PIN is not right. Nothing was changed.</source>
        <translation>Die aktuelle PIN ist nicht richtig. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in {0} seconds.</source>
        <translation>Zu viele falsche Versuche. Versuchen Sie es in {0} Sekunden erneut.</translation>
    </message>
    <message>
        <source>This new PIN is too easy to guess: use at least {0} digits, or a passphrase of at least {1} characters (not only spaces).</source>
        <translation>Diese neue PIN ist zu leicht zu erraten: Verwenden Sie mindestens {0} Ziffern oder eine Passphrase mit mindestens {1} Zeichen (nicht nur Leerzeichen).</translation>
    </message>
    <message>
        <source>The disk is full, so the PIN was not changed. Free some space and try again.</source>
        <translation>Der Datenträger ist voll, daher wurde die PIN nicht geändert. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save the new PIN ({0}). The old PIN still works.</source>
        <translation>SafeLens konnte die neue PIN nicht speichern ({0}). Die alte PIN gilt weiterhin.</translation>
    </message>
    <message>
        <source>The PIN couldn&apos;t be changed: {0}</source>
        <translation>Die PIN konnte nicht geändert werden: {0}</translation>
    </message>
</context>
<context>
    <name>CheckScheduler</name>
    <message>
        <source>SafeLens cannot check files right now: {0}</source>
        <translation>SafeLens kann gerade keine Dateien prüfen: {0}</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>Add your children</source>
        <translation>Ihre Kinder hinzufügen</translation>
    </message>
    <message>
        <source>Each child is linked to the computer account they log in with. Their birth year sets the age band; protection is on from the start.</source>
        <translation>Jedes Kind wird mit dem Benutzerkonto verknüpft, mit dem es sich am Computer anmeldet. Das Geburtsjahr bestimmt die Altersgruppe; der Schutz ist von Anfang an aktiv.</translation>
    </message>
    <message>
        <source>A child</source>
        <translation>Ein Kind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Geburtsjahr</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Altersgruppe</translation>
    </message>
    <message>
        <source>Children added</source>
        <translation>Hinzugefügte Kinder</translation>
    </message>
    <message>
        <source>&amp;Remove child</source>
        <translation>Kind &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected child</source>
        <translation>Das ausgewählte Kind entfernen</translation>
    </message>
    <message>
        <source>You can add or change children later in the console.</source>
        <translation>Sie können Kinder später im Aufsichtsbereich hinzufügen oder ändern.</translation>
    </message>
    <message>
        <source>You typed a name but did not press Add. Add {0}, or clear the name.</source>
        <translation>Sie haben einen Namen eingegeben, aber nicht auf Hinzufügen geklickt. Fügen Sie {0} hinzu oder löschen Sie den Namen.</translation>
    </message>
    <message>
        <source>The account “{0}” already belongs to a child in this list.</source>
        <translation>Das Konto „{0}“ gehört bereits zu einem Kind in dieser Liste.</translation>
    </message>
</context>
<context>
    <name>ChoiceControl</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>Problem on this page</source>
        <translation>Problem auf dieser Seite</translation>
    </message>
</context>
<context>
    <name>ContactDelegate</name>
    <message>
        <source>Checking photo…</source>
        <translation>Foto wird geprüft…</translation>
    </message>
    <message>
        <source>Photo hidden</source>
        <translation>Foto versteckt</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>SafeLens — Contacts</source>
        <translation>SafeLens — Kontakte</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Photos are checked on this computer before they are shown.</source>
        <translation>Fotos werden auf diesem Computer geprüft, bevor sie angezeigt werden.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Kontakte importieren…</translation>
    </message>
    <message>
        <source>No contacts yet. Choose “Import contacts…” to add a .vcf file.</source>
        <translation>Noch keine Kontakte. Wähle „Kontakte importieren…“, um eine .vcf-Datei hinzuzufügen.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Contact cards (*.vcf *.vcard);;All files (*)</source>
        <translation>Kontaktkarten (*.vcf *.vcard);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Checking the contacts in this file…</source>
        <translation>Die Kontakte in dieser Datei werden geprüft…</translation>
    </message>
    <message>
        <source>Unnamed contact</source>
        <translation>Kontakt ohne Namen</translation>
    </message>
    <message>
        <source>photo hidden</source>
        <translation>Foto versteckt</translation>
    </message>
    <message>
        <source>{0} contact imported.</source>
        <translation>{0} Kontakt importiert.</translation>
    </message>
    <message>
        <source>{0} contacts imported.</source>
        <translation>{0} Kontakte importiert.</translation>
    </message>
    <message>
        <source>{0} photo was hidden.</source>
        <translation>{0} Foto wurde versteckt.</translation>
    </message>
    <message>
        <source>{0} photos were hidden.</source>
        <translation>{0} Fotos wurden versteckt.</translation>
    </message>
    <message>
        <source>{0} photo link was removed (SafeLens never downloads pictures).</source>
        <translation>{0} Fotolink wurde entfernt (SafeLens lädt nie Bilder herunter).</translation>
    </message>
    <message>
        <source>{0} photo links were removed (SafeLens never downloads pictures).</source>
        <translation>{0} Fotolinks wurden entfernt (SafeLens lädt nie Bilder herunter).</translation>
    </message>
    <message>
        <source>{0} card could not be read.</source>
        <translation>{0} Karte konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>{0} cards could not be read.</source>
        <translation>{0} Karten konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The contacts were not imported: {0}</source>
        <translation>Die Kontakte wurden nicht importiert: {0}</translation>
    </message>
    <message>
        <source>The contacts were not imported: the file could not be read.</source>
        <translation>Die Kontakte wurden nicht importiert: Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The contacts were not imported because something went wrong in SafeLens.</source>
        <translation>Die Kontakte wurden nicht importiert, weil in SafeLens etwas schiefgelaufen ist.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>SafeLens is set up</source>
        <translation>SafeLens ist eingerichtet</translation>
    </message>
    <message>
        <source>Protection is on.</source>
        <translation>Der Schutz ist aktiv.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>{0} protected from now on.</source>
        <translation>{0}: ab jetzt geschützt.</translation>
    </message>
    <message>
        <source>To change anything, open the guardian console from SafeLens&apos; menu. It asks for your PIN.</source>
        <translation>Um etwas zu ändern, öffnen Sie den Aufsichtsbereich über das Menü von SafeLens. Dort wird Ihre PIN abgefragt.</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>Alles bleibt auf diesem Computer.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Problem with {0}</source>
        <translation>Problem mit {0}</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Standardwert verwenden</translation>
    </message>
    <message>
        <source>Use the default for {0}</source>
        <translation>Standardwert für {0} verwenden</translation>
    </message>
    <message>
        <source>Set by your school (policy {0})</source>
        <translation>Von Ihrer Schule festgelegt (Richtlinie {0})</translation>
    </message>
</context>
<context>
    <name>FileGrid</name>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
</context>
<context>
    <name>FolderListControl</name>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add a folder to {0}</source>
        <translation>Einen Ordner zu {0} hinzufügen</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Ordner entfernen</translation>
    </message>
    <message>
        <source>Remove the selected folder from {0}</source>
        <translation>Den ausgewählten Ordner aus {0} entfernen</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <source>{0} is already in the list.</source>
        <translation>{0} ist bereits in der Liste.</translation>
    </message>
</context>
<context>
    <name>GuardianConsole</name>
    <message>
        <source>SafeLens — Guardian console</source>
        <translation>SafeLens — Aufsichtsbereich</translation>
    </message>
    <message>
        <source>Guardian console</source>
        <translation>Aufsichtsbereich</translation>
    </message>
    <message>
        <source>Console pages</source>
        <translation>Seiten des Aufsichtsbereichs</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Console status</source>
        <translation>Status des Aufsichtsbereichs</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Protections</source>
        <translation>Schutz</translation>
    </message>
    <message>
        <source>What SafeLens checks and what happens when something may be sensitive, for each age band. Changes are saved at once.</source>
        <translation>Was SafeLens prüft und was passiert, wenn etwas sensibel sein könnte, für jede Altersgruppe. Änderungen werden sofort gespeichert.</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Freigabeordner</translation>
    </message>
    <message>
        <source>Folders where files from other devices arrive (downloads, nearby share, Bluetooth) are checked as files land; outgoing folders before files leave.</source>
        <translation>Ordner, in denen Dateien von anderen Geräten ankommen (Downloads, Nearby Share, Bluetooth), werden beim Eintreffen der Dateien geprüft; ausgehende Ordner, bevor Dateien sie verlassen.</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Vertrauenspersonen</translation>
    </message>
    <message>
        <source>People a child can message from the help screens. The message never includes the picture or video.</source>
        <translation>Personen, denen ein Kind von den Hilfeseiten aus schreiben kann. Die Nachricht enthält nie das Bild oder Video.</translation>
    </message>
    <message>
        <source>School &amp; test mode</source>
        <translation>Schule und Testmodus</translation>
    </message>
    <message>
        <source>Settings for school computer labs. A school usually sets these for every computer through a managed policy; those are shown locked.</source>
        <translation>Einstellungen für Computerräume in Schulen. Meist legt die Schule sie über eine verwaltete Richtlinie für alle Computer fest; diese werden gesperrt angezeigt.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>What you are told and how long counts are kept. SafeLens never keeps or sends pictures, file names or paths.</source>
        <translation>Worüber Sie informiert werden und wie lange Anzahlen gespeichert werden. SafeLens speichert oder sendet nie Bilder, Dateinamen oder Pfade.</translation>
    </message>
    <message>
        <source>Where the PIN is kept</source>
        <translation>Wo die PIN gespeichert ist</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Ihre PIN</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Etwas ist schiefgelaufen: {0}</translation>
    </message>
    <message>
        <source>Your school sets this (policy {0}), so it can&apos;t be changed here.</source>
        <translation>Ihre Schule legt dies fest (Richtlinie {0}), daher kann es hier nicht geändert werden.</translation>
    </message>
    <message>
        <source>This can&apos;t be saved: it {0}.</source>
        <translation>Das kann nicht gespeichert werden: {0}.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save this change ({0}). Nothing was changed.</source>
        <translation>SafeLens konnte diese Änderung nicht speichern ({0}). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This can&apos;t be saved: {0}.</source>
        <translation>Das kann nicht gespeichert werden: {0}.</translation>
    </message>
    <message>
        <source>The SafeLens service did not answer, so nothing was changed.</source>
        <translation>Der SafeLens-Dienst hat nicht geantwortet, daher wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>GuardianLauncher</name>
    <message>
        <source>Enter the guardian PIN to open the guardian console.</source>
        <translation>Geben Sie die Aufsichts-PIN ein, um den Aufsichtsbereich zu öffnen.</translation>
    </message>
</context>
<context>
    <name>GuardianText</name>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Children (under 18)</source>
        <translation>Kinder (unter 18)</translation>
    </message>
    <message>
        <source>Under 13</source>
        <translation>Unter 13</translation>
    </message>
    <message>
        <source>13–17</source>
        <translation>13–17</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Erwachsen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Standard (exposed nudity)</source>
        <translation>Standard (entblößte Nacktheit)</translation>
    </message>
    <message>
        <source>Strict (also suggestive pictures)</source>
        <translation>Streng (auch anzügliche Bilder)</translation>
    </message>
    <message>
        <source>Only with the guardian&apos;s PIN</source>
        <translation>Nur mit der PIN der Aufsichtsperson</translation>
    </message>
    <message>
        <source>After two help screens</source>
        <translation>Nach zwei Hilfeseiten</translation>
    </message>
    <message>
        <source>After one warning screen</source>
        <translation>Nach einer Warnseite</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Asked “Are you sure?” first</source>
        <translation>Nach einer Rückfrage erlaubt</translation>
    </message>
    <message>
        <source>Allowed without a prompt</source>
        <translation>Ohne Nachfrage erlaubt</translation>
    </message>
    <message>
        <source>Counts only (never the content)</source>
        <translation>Nur Anzahlen (nie der Inhalt)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>Einträge: {0}</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Dateiauswahl</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Freigabeordner</translation>
    </message>
    <message>
        <source>Contact photos</source>
        <translation>Kontaktfotos</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>SafeLens itself</source>
        <translation>SafeLens selbst</translation>
    </message>
    <message>
        <source>Hidden as sensitive</source>
        <translation>Als sensibel ausgeblendet</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>Konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>Viewed after a warning</source>
        <translation>Nach einer Warnung angesehen</translation>
    </message>
    <message>
        <source>Help screens opened</source>
        <translation>Geöffnete Hilfeseiten</translation>
    </message>
    <message>
        <source>Attempts to switch SafeLens off</source>
        <translation>Versuche, SafeLens auszuschalten</translation>
    </message>
    <message>
        <source>Notices sent to you</source>
        <translation>An Sie gesendete Hinweise</translation>
    </message>
</context>
<context>
    <name>Intervention</name>
    <message>
        <source>This may be sensitive</source>
        <translation>Das könnte sensibel sein</translation>
    </message>
    <message>
        <source>This picture may show private body parts. You don&apos;t have to look at it.</source>
        <translation>Dieses Bild zeigt vielleicht private Körperteile. Du musst es dir nicht ansehen.</translation>
    </message>
    <message>
        <source>This may show nudity. You can choose what happens next.</source>
        <translation>Das zeigt vielleicht Nacktheit. Du kannst entscheiden, wie es weitergeht.</translation>
    </message>
    <message>
        <source>Why is it hidden?</source>
        <translation>Warum ist es versteckt?</translation>
    </message>
    <message>
        <source>Some pictures show the parts of the body that a swimsuit covers. It&apos;s not your fault that you got this. Someone who sends you this may be trying to trick you. You can ask a grown-up you trust for help.</source>
        <translation>Manche Bilder zeigen die Körperteile, die Badesachen bedecken. Es ist nicht deine Schuld, dass du das bekommen hast. Wer dir so etwas schickt, will dich vielleicht reinlegen. Du kannst einen Erwachsenen, dem du vertraust, um Hilfe bitten.</translation>
    </message>
    <message>
        <source>Nude photos and videos can be used to hurt people. It&apos;s not your fault that you received this. Someone who sends it may be trying to pressure you. You can get help, and you can talk to someone you trust.</source>
        <translation>Nacktfotos und -videos können benutzt werden, um Menschen zu schaden. Es ist nicht deine Schuld, dass du das bekommen hast. Wer so etwas schickt, will dich vielleicht unter Druck setzen. Du kannst dir Hilfe holen und mit jemandem reden, dem du vertraust.</translation>
    </message>
    <message>
        <source>This has happened a few times</source>
        <translation>Das ist schon ein paarmal passiert</translation>
    </message>
    <message>
        <source>You&apos;ve been sent things like this more than once. Talking to someone you trust can help. You don&apos;t have to deal with this alone.</source>
        <translation>Dir wurde so etwas schon mehr als einmal geschickt. Mit jemandem zu reden, dem du vertraust, kann helfen. Damit musst du nicht allein klarkommen.</translation>
    </message>
    <message>
        <source>Are you sure?</source>
        <translation>Bist du sicher?</translation>
    </message>
    <message>
        <source>You don&apos;t have to view this. It&apos;s your choice, but make sure you feel safe.</source>
        <translation>Du musst dir das nicht ansehen. Du entscheidest, aber achte darauf, dass du dich sicher fühlst.</translation>
    </message>
    <message>
        <source>Ask your grown-up</source>
        <translation>Frag einen Erwachsenen</translation>
    </message>
    <message>
        <source>A guardian needs to type their PIN on this computer before you can see this.</source>
        <translation>Eine Aufsichtsperson muss ihre PIN an diesem Computer eingeben, bevor du das sehen kannst.</translation>
    </message>
    <message>
        <source>Ways to get help</source>
        <translation>Hilfe bekommen</translation>
    </message>
    <message>
        <source>You can talk to someone. It&apos;s free and it&apos;s private.</source>
        <translation>Du kannst mit jemandem reden. Das ist kostenlos und vertraulich.</translation>
    </message>
    <message>
        <source>Message a trusted adult</source>
        <translation>Einer Vertrauensperson schreiben</translation>
    </message>
    <message>
        <source>The message does not include the picture.</source>
        <translation>Die Nachricht enthält das Bild nicht.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this</source>
        <translation>SafeLens konnte das nicht prüfen</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this file, so it&apos;s hidden to keep you safe.</source>
        <translation>SafeLens konnte diese Datei nicht prüfen. Deshalb ist sie versteckt, damit du sicher bist.</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Versteckt</translation>
    </message>
    <message>
        <source>This stays hidden. You can close this window.</source>
        <translation>Das bleibt versteckt. Du kannst dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>The file was let through.</source>
        <translation>Die Datei wurde durchgelassen.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>The file stays on this computer. Nobody got it.</source>
        <translation>Die Datei bleibt auf diesem Computer. Niemand hat sie bekommen.</translation>
    </message>
    <message>
        <source>You can&apos;t send this</source>
        <translation>Du kannst das nicht senden</translation>
    </message>
    <message>
        <source>This may show private body parts. Pictures like this of children are against the law, even if you took them yourself. A grown-up you trust can help.</source>
        <translation>Das zeigt vielleicht private Körperteile. Solche Bilder von Kindern sind verboten, auch wenn du sie selbst gemacht hast. Ein Erwachsener, dem du vertraust, kann dir helfen.</translation>
    </message>
    <message>
        <source>This may show nudity. Sharing nude pictures of anyone under 18 is against the law, even your own. You can get help and talk to someone you trust.</source>
        <translation>Das zeigt vielleicht Nacktheit. Nacktbilder von allen unter 18 zu teilen ist verboten, auch deine eigenen. Du kannst dir Hilfe holen und mit jemandem reden, dem du vertraust.</translation>
    </message>
    <message>
        <source>Are you sure you want to send this?</source>
        <translation>Willst du das wirklich senden?</translation>
    </message>
    <message>
        <source>This may show nudity. Sharing nude pictures of anyone under 18 is against the law, even your own, and once it is sent you can&apos;t take it back. It&apos;s your choice, but nobody should pressure you.</source>
        <translation>Das zeigt vielleicht Nacktheit. Nacktbilder von allen unter 18 zu teilen ist verboten, auch deine eigenen, und was einmal gesendet ist, kannst du nicht zurückholen. Du entscheidest, aber niemand sollte dich unter Druck setzen.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Ansehen…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Don&apos;t view</source>
        <translation>Nicht ansehen</translation>
    </message>
    <message>
        <source>Guardian: enter PIN…</source>
        <translation>Aufsicht: PIN eingeben…</translation>
    </message>
    <message>
        <source>Ask a guardian</source>
        <translation>Aufsichtsperson fragen</translation>
    </message>
    <message>
        <source>Hide again</source>
        <translation>Wieder verstecken</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Nicht senden</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The safe choice: nothing is shown or sent.</source>
        <translation>Die sichere Wahl: Nichts wird gezeigt oder gesendet.</translation>
    </message>
    <message>
        <source>Explains why this is hidden.</source>
        <translation>Erklärt, warum das versteckt ist.</translation>
    </message>
    <message>
        <source>Goes on towards showing it.</source>
        <translation>Geht weiter in Richtung Anzeigen.</translation>
    </message>
    <message>
        <source>Goes to the next screen.</source>
        <translation>Geht zur nächsten Seite.</translation>
    </message>
    <message>
        <source>Lists people you can talk to.</source>
        <translation>Zeigt Menschen, mit denen du reden kannst.</translation>
    </message>
    <message>
        <source>Prepares a message to a trusted adult, without the picture.</source>
        <translation>Bereitet eine Nachricht an eine Vertrauensperson vor, ohne das Bild.</translation>
    </message>
    <message>
        <source>Goes back to the screen before.</source>
        <translation>Geht zurück zur vorigen Seite.</translation>
    </message>
    <message>
        <source>A guardian types their PIN.</source>
        <translation>Eine Aufsichtsperson gibt ihre PIN ein.</translation>
    </message>
    <message>
        <source>Hides it again.</source>
        <translation>Versteckt es wieder.</translation>
    </message>
    <message>
        <source>Lets the file go out.</source>
        <translation>Gibt die Datei frei.</translation>
    </message>
    <message>
        <source>Talk to someone</source>
        <translation>Mit jemandem reden</translation>
    </message>
    <message>
        <source>Report it</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>Get a picture taken down</source>
        <translation>Ein Bild entfernen lassen</translation>
    </message>
    <message>
        <source>Find help</source>
        <translation>Hilfe finden</translation>
    </message>
    <message>
        <source>Hi, I got something that made me feel uncomfortable. Can we talk?</source>
        <translation>Hallo, ich habe etwas bekommen, bei dem ich mich nicht wohlfühle. Können wir reden?</translation>
    </message>
    <message>
        <source>In an emergency, call {0}.</source>
        <translation>Im Notfall ruf {0} an.</translation>
    </message>
    <message>
        <source>No trusted adults were set up yet. You can tell a grown-up you trust.</source>
        <translation>Es wurden noch keine Vertrauenspersonen eingerichtet. Du kannst es einem Erwachsenen sagen, dem du vertraust.</translation>
    </message>
    <message>
        <source>Your message:</source>
        <translation>Deine Nachricht:</translation>
    </message>
    <message>
        <source>No guardian PIN is set up on this computer yet.</source>
        <translation>Auf diesem Computer ist noch keine Aufsichts-PIN eingerichtet.</translation>
    </message>
    <message>
        <source>Guardian: type your PIN to allow this.</source>
        <translation>Aufsichtsperson: Geben Sie Ihre PIN ein, um dies zu erlauben.</translation>
    </message>
    <message>
        <source>Call {0}</source>
        <translation>Ruf {0} an</translation>
    </message>
    <message>
        <source>Text {0}</source>
        <translation>Schreib eine SMS an {0}</translation>
    </message>
    <message>
        <source>Chat: {0}</source>
        <translation>Chat: {0}</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Quelle: {0}</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <source>Copies the message so you can paste it.</source>
        <translation>Kopiert die Nachricht, damit du sie einfügen kannst.</translation>
    </message>
    <message>
        <source>Write email</source>
        <translation>E-Mail schreiben</translation>
    </message>
    <message>
        <source>Opens your email app with the message ready.</source>
        <translation>Öffnet dein E-Mail-Programm mit der fertigen Nachricht.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Can we talk?</source>
        <translation>Können wir reden?</translation>
    </message>
    <message>
        <source>SafeLens — sending a file</source>
        <translation>SafeLens — eine Datei senden</translation>
    </message>
</context>
<context>
    <name>LockNote</name>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
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
        <translation>Schutz-Engine wird gestartet…</translation>
    </message>
    <message>
        <source>Protection status</source>
        <translation>Schutzstatus</translation>
    </message>
    <message>
        <source>&amp;Check files…</source>
        <translation>Dateien &amp;prüfen…</translation>
    </message>
    <message>
        <source>Choose pictures or videos to check on this computer</source>
        <translation>Bilder oder Videos auswählen, die auf diesem Computer geprüft werden</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>Everything is checked on this computer. Nothing is sent anywhere.</source>
        <translation>Alles wird auf diesem Computer geprüft. Nichts wird irgendwohin gesendet.</translation>
    </message>
    <message>
        <source>&amp;Guardian settings…</source>
        <translation>Aufsichts&amp;einstellungen…</translation>
    </message>
    <message>
        <source>Set up SafeLens, or open the guardian console with the PIN</source>
        <translation>SafeLens einrichten oder den Aufsichtsbereich mit der PIN öffnen</translation>
    </message>
    <message>
        <source>SafeLens is not set up yet. A guardian can set it up in a few minutes.</source>
        <translation>SafeLens ist noch nicht eingerichtet. Eine Aufsichtsperson kann das in wenigen Minuten erledigen.</translation>
    </message>
    <message>
        <source>&amp;Set up protection…</source>
        <translation>&amp;Schutz einrichten…</translation>
    </message>
    <message>
        <source>Choose files to check</source>
        <translation>Dateien zum Prüfen auswählen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Protection engine ready: both models verified and loaded.</source>
        <translation>Schutz-Engine bereit: Beide Modelle sind geprüft und geladen.</translation>
    </message>
    <message>
        <source>The protection engine could not check a test picture.</source>
        <translation>Die Schutz-Engine konnte ein Testbild nicht prüfen.</translation>
    </message>
    <message>
        <source>Hidden: may be sensitive</source>
        <translation>Versteckt: könnte sensibel sein</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hidden: could not check</source>
        <translation>Versteckt: konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>SafeLens cannot check files right now: {0}</source>
        <translation>SafeLens kann gerade keine Dateien prüfen: {0}</translation>
    </message>
    <message>
        <source>&amp;Open a picture or video…</source>
        <translation>&amp;Bild oder Video öffnen…</translation>
    </message>
    <message>
        <source>Open a file in SafeLens&apos; safe viewer; it is checked before it is shown</source>
        <translation>Eine Datei im sicheren Betrachter von SafeLens öffnen; sie wird geprüft, bevor sie angezeigt wird</translation>
    </message>
    <message>
        <source>C&amp;ontacts…</source>
        <translation>K&amp;ontakte…</translation>
    </message>
    <message>
        <source>Import contact cards; their photos are checked before they are shown</source>
        <translation>Kontaktkarten importieren; ihre Fotos werden geprüft, bevor sie angezeigt werden</translation>
    </message>
    <message>
        <source>Inside: {0} — {1}</source>
        <translation>Darin: {0} — {1}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>How SafeLens protects the children on this computer.</source>
        <translation>Wie SafeLens die Kinder auf diesem Computer schützt.</translation>
    </message>
    <message>
        <source>Which mode runs</source>
        <translation>Welcher Modus läuft</translation>
    </message>
    <message>
        <source>How to switch to machine mode: {0}</source>
        <translation>So wechseln Sie in den Gerätemodus: {0}</translation>
    </message>
    <message>
        <source>How to switch to machine mode</source>
        <translation>So wechseln Sie in den Gerätemodus</translation>
    </message>
    <message>
        <source>Protected accounts</source>
        <translation>Geschützte Konten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Überwacht</translation>
    </message>
    <message>
        <source>Put aside</source>
        <translation>Beiseitegelegt</translation>
    </message>
    <message>
        <source>In their session</source>
        <translation>In der Sitzung</translation>
    </message>
    <message>
        <source>Last stopped</source>
        <translation>Zuletzt beendet</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>No child&apos;s account is protected yet (see Profiles).</source>
        <translation>Noch ist kein Kinderkonto geschützt (siehe Profile).</translation>
    </message>
    <message>
        <source>Problems the service reports</source>
        <translation>Probleme, die der Dienst meldet</translation>
    </message>
    <message>
        <source>Machine mode: the SafeLens service protects every account on this computer, whether the child is logged in or not. A child&apos;s account cannot stop it or change its settings.</source>
        <translation>Gerätemodus: Der SafeLens-Dienst schützt alle Konten auf diesem Computer, ob das Kind angemeldet ist oder nicht. Das Konto eines Kindes kann ihn weder beenden noch seine Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Single-account mode: the SafeLens service is installed but not answering, so protection is NOT tamper-resistant and other accounts are not watched.</source>
        <translation>Einzelkontomodus: Der SafeLens-Dienst ist installiert, antwortet aber nicht. Der Schutz ist daher NICHT manipulationssicher, und andere Konten werden nicht überwacht.</translation>
    </message>
    <message>
        <source>Single-account mode: SafeLens runs inside this account only. It is NOT tamper-resistant on a shared computer: a child&apos;s account could stop it or change its data.</source>
        <translation>Einzelkontomodus: SafeLens läuft nur in diesem Konto. Auf einem gemeinsam genutzten Computer ist es NICHT manipulationssicher: Das Konto eines Kindes könnte es beenden oder seine Daten ändern.</translation>
    </message>
    <message>
        <source>The service&apos;s checker: {0}</source>
        <translation>Die Prüfung des Dienstes: {0}</translation>
    </message>
    <message>
        <source>{0} profile(s) name an account this computer does not have.</source>
        <translation>{0} Profil(e) nennen ein Konto, das es auf diesem Computer nicht gibt.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>{0} of {1} folders</source>
        <translation>{0} von {1} Ordnern</translation>
    </message>
    <message>
        <source>Yes, {0} folders</source>
        <translation>Ja, {0} Ordner</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Nicht gemeldet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
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
        <translation>Ordner</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>may be sensitive, hidden</source>
        <translation>könnte sensibel sein, versteckt</translation>
    </message>
    <message>
        <source>couldn&apos;t check, hidden</source>
        <translation>nicht prüfbar, versteckt</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Guardian PIN</source>
        <translation>Aufsichts-PIN</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Enter the guardian PIN to continue.</source>
        <translation>Geben Sie die Aufsichts-PIN ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>The PIN or passphrase is hidden as you type</source>
        <translation>Die PIN oder Passphrase wird bei der Eingabe verborgen</translation>
    </message>
    <message>
        <source>Checking the PIN</source>
        <translation>PIN wird geprüft</translation>
    </message>
    <message>
        <source>PIN status</source>
        <translation>PIN-Status</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>PIN prüfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Please enter the PIN.</source>
        <translation>Bitte geben Sie die PIN ein.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>No guardian PIN has been set on this computer yet. Run the setup first.</source>
        <translation>Auf diesem Computer wurde noch keine Aufsichts-PIN festgelegt. Führen Sie zuerst die Einrichtung aus.</translation>
    </message>
    <message>
        <source>PIN accepted.</source>
        <translation>PIN akzeptiert.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>Wrong PIN. Please try again.</source>
        <translation>Falsche PIN. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t record this try ({0}). Please try again.</source>
        <translation>SafeLens konnte diesen Versuch nicht speichern ({0}). Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The PIN couldn&apos;t be checked: {0}</source>
        <translation>Die PIN konnte nicht geprüft werden: {0}</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <source>Too many tries — wait {0} s</source>
        <translation>Zu viele Versuche — warten Sie {0} s</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Create a guardian PIN</source>
        <translation>Aufsichts-PIN erstellen</translation>
    </message>
    <message>
        <source>Children can&apos;t change SafeLens&apos; protections without it.</source>
        <translation>Ohne sie können Kinder den Schutz von SafeLens nicht ändern.</translation>
    </message>
    <message>
        <source>Problem with the PIN</source>
        <translation>Problem mit der PIN</translation>
    </message>
    <message>
        <source>New PIN or passphrase</source>
        <translation>Neue PIN oder Passphrase</translation>
    </message>
    <message>
        <source>Type the PIN again</source>
        <translation>PIN erneut eingeben</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>&amp;Eingabe anzeigen</translation>
    </message>
    <message>
        <source>Show the PIN as I type</source>
        <translation>PIN bei der Eingabe anzeigen</translation>
    </message>
    <message>
        <source>Use at least {0} digits, or a passphrase of at least {1} characters. Avoid birthdays and numbers a child could guess. If you forget it, an administrator of this computer can reset it.</source>
        <translation>Verwenden Sie mindestens {0} Ziffern oder eine Passphrase mit mindestens {1} Zeichen. Vermeiden Sie Geburtstage und Zahlen, die ein Kind erraten könnte. Wenn Sie sie vergessen, kann ein Administrator dieses Computers sie zurücksetzen.</translation>
    </message>
    <message>
        <source>PIN rules</source>
        <translation>PIN-Regeln</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>&amp;PIN oder Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Type it again:</source>
        <translation>PIN wie&amp;derholen:</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Please type them again.</source>
        <translation>Die beiden PINs stimmen nicht überein. Bitte geben Sie sie erneut ein.</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>Settings need your attention</source>
        <translation>Einstellungen brauchen Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Please check these settings</source>
        <translation>Bitte prüfen Sie diese Einstellungen</translation>
    </message>
    <message>
        <source>I&apos;ve &amp;reviewed this</source>
        <translation>Ich habe das &amp;geprüft</translation>
    </message>
    <message>
        <source>I&apos;ve reviewed these settings</source>
        <translation>Ich habe diese Einstellungen geprüft</translation>
    </message>
    <message>
        <source>Saves the settings as they are shown now and ends the strictest protection</source>
        <translation>Speichert die Einstellungen so, wie sie jetzt angezeigt werden, und beendet den strengsten Schutz</translation>
    </message>
    <message>
        <source>Problems in your school&apos;s policy files (tell your IT team):</source>
        <translation>Probleme in den Richtlinien-Dateien Ihrer Schule (sagen Sie Ihrer IT Bescheid):</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Computer account</source>
        <translation>Benutzerkonto</translation>
    </message>
    <message>
        <source>The login this person uses on this computer</source>
        <translation>Die Anmeldung, die diese Person an diesem Computer verwendet</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Geburtsjahr</translation>
    </message>
    <message>
        <source>This is an &amp;adult (no age band protections)</source>
        <translation>Dies ist eine erwachsene &amp;Person (kein Schutz nach Altersgruppe)</translation>
    </message>
    <message>
        <source>This is an adult</source>
        <translation>Dies ist eine erwachsene Person</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Altersgruppe</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add this profile</source>
        <translation>Dieses Profil hinzufügen</translation>
    </message>
    <message>
        <source>Problem with this profile</source>
        <translation>Problem mit diesem Profil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Computer a&amp;ccount:</source>
        <translation>Benutzer&amp;konto:</translation>
    </message>
    <message>
        <source>&amp;Birth year:</source>
        <translation>&amp;Geburtsjahr:</translation>
    </message>
    <message>
        <source>Adult: protections are off unless turned on</source>
        <translation>Erwachsen: Schutz ist aus, solange er nicht eingeschaltet wird</translation>
    </message>
    <message>
        <source>Age band: {0}</source>
        <translation>Altersgruppe: {0}</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Each person who uses this computer can have a profile, linked to their computer account. Children are protected the moment their profile exists.</source>
        <translation>Jede Person, die diesen Computer nutzt, kann ein Profil haben, verknüpft mit ihrem Benutzerkonto. Kinder sind geschützt, sobald ihr Profil existiert.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Geburtsjahr</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Altersgruppe</translation>
    </message>
    <message>
        <source>&amp;Remove profile…</source>
        <translation>Profil &amp;entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected profile</source>
        <translation>Das ausgewählte Profil entfernen</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Yes, remove the profile</source>
        <translation>Ja, Profil entfernen</translation>
    </message>
    <message>
        <source>No, keep the profile</source>
        <translation>Nein, Profil behalten</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Remove {0}&apos;s profile? The account “{1}” will no longer be protected as a child unless a school policy covers it.</source>
        <translation>Profil von {0} entfernen? Das Konto „{1}“ wird dann nicht mehr als Kind geschützt, außer eine Schulrichtlinie deckt es ab.</translation>
    </message>
    <message>
        <source>Remove {0}&apos;s profile (account “{1}”)?</source>
        <translation>Profil von {0} entfernen (Konto „{1}“)?</translation>
    </message>
</context>
<context>
    <name>QuarantinePage</name>
    <message>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <source>Files SafeLens hid from a child wait here for you; pictures are never shown. Restoring a file tells SafeLens it was not sensitive: that exact file won&apos;t be hidden from that child again. Deleting removes it for good.</source>
        <translation>Dateien, die SafeLens vor einem Kind versteckt hat, warten hier auf Sie; Bilder werden nie angezeigt. Wenn Sie eine Datei wiederherstellen, weiß SafeLens, dass sie nicht sensibel war: Genau diese Datei wird vor diesem Kind nicht mehr versteckt. Löschen entfernt sie endgültig.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Where from</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Files in quarantine</source>
        <translation>Dateien in Quarantäne</translation>
    </message>
    <message>
        <source>Nothing is in quarantine. When SafeLens hides a file from a child, it waits here for you.</source>
        <translation>Nichts in Quarantäne. Wenn SafeLens eine Datei vor einem Kind versteckt, wartet sie hier auf Sie.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the selected file</source>
        <translation>Die ausgewählte Datei wiederherstellen</translation>
    </message>
    <message>
        <source>Puts the file back where it came from, next to any file with the same name</source>
        <translation>Legt die Datei dorthin zurück, wo sie herkam, neben eine Datei mit gleichem Namen</translation>
    </message>
    <message>
        <source>Restore &amp;to…</source>
        <translation>Wiederherstellen &amp;nach…</translation>
    </message>
    <message>
        <source>Restore the selected file to a folder</source>
        <translation>Die ausgewählte Datei in einen Ordner wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>Endgültig &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete the selected file for good</source>
        <translation>Die ausgewählte Datei endgültig löschen</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Was getan wurde</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t open its quarantine folder, so hidden files can&apos;t be listed here. Restarting SafeLens may help.</source>
        <translation>SafeLens konnte seinen Quarantäne-Ordner nicht öffnen, daher können versteckte Dateien hier nicht angezeigt werden. Ein Neustart von SafeLens kann helfen.</translation>
    </message>
    <message>
        <source>Removed profile</source>
        <translation>Entferntes Profil</translation>
    </message>
    <message>
        <source>Share folder</source>
        <translation>Freigabeordner</translation>
    </message>
    <message>
        <source>Sent from this computer</source>
        <translation>Von diesem Computer gesendet</translation>
    </message>
    <message>
        <source>Contact photo</source>
        <translation>Kontaktfoto</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Dateiauswahl</translation>
    </message>
    <message>
        <source>May be sensitive</source>
        <translation>Könnte sensibel sein</translation>
    </message>
    <message>
        <source>Couldn&apos;t be checked</source>
        <translation>Konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>Put back as “{0}” in {1}.</source>
        <translation>Als „{0}“ in {1} wiederhergestellt.</translation>
    </message>
    <message>
        <source>It won&apos;t be hidden from {0} again.</source>
        <translation>Sie wird vor {0} nicht mehr versteckt.</translation>
    </message>
    <message>
        <source>It won&apos;t be hidden from any child again.</source>
        <translation>Sie wird vor keinem Kind mehr versteckt.</translation>
    </message>
    <message>
        <source>Deleted for good.</source>
        <translation>Endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Restore to which folder?</source>
        <translation>In welchen Ordner wiederherstellen?</translation>
    </message>
    <message>
        <source>Delete for good?</source>
        <translation>Endgültig löschen?</translation>
    </message>
    <message>
        <source>Delete “{0}” for good?</source>
        <translation>„{0}“ endgültig löschen?</translation>
    </message>
    <message>
        <source>It can&apos;t be restored afterwards.</source>
        <translation>Sie kann danach nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Delete the file for good</source>
        <translation>Die Datei endgültig löschen</translation>
    </message>
    <message>
        <source>SafeLens&apos;s kept copy of this file has been changed or is missing, so it was not put back. It stays in the list; you can delete it for good.</source>
        <translation>Die von SafeLens aufbewahrte Kopie dieser Datei wurde verändert oder fehlt, daher wurde sie nicht zurückgelegt. Sie bleibt in der Liste; Sie können sie endgültig löschen.</translation>
    </message>
    <message>
        <source>This file is no longer in quarantine (it may have been restored or deleted somewhere else). The list now shows what is there.</source>
        <translation>Diese Datei ist nicht mehr in Quarantäne (sie wurde vielleicht anderswo wiederhergestellt oder gelöscht). Die Liste zeigt jetzt, was da ist.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was moved. Free some space and try again.</source>
        <translation>Der Datenträger ist voll, daher wurde nichts verschoben. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>That didn&apos;t work: {0} The file is still in quarantine.</source>
        <translation>Das hat nicht geklappt: {0} Die Datei ist weiterhin in Quarantäne.</translation>
    </message>
    <message>
        <source>SafeLens may not put files in that folder, so nothing was moved. Choose another folder with Restore to…; the file is still in quarantine.</source>
        <translation>SafeLens darf keine Dateien in diesen Ordner legen, daher wurde nichts verschoben. Wählen Sie mit „Wiederherstellen nach…“ einen anderen Ordner; die Datei bleibt in Quarantäne.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review the protections</source>
        <translation>Schutz überprüfen</translation>
    </message>
    <message>
        <source>This is what SafeLens does for each age band from the start. You can change it later in the guardian console.</source>
        <translation>So schützt SafeLens jede Altersgruppe von Anfang an. Sie können das später im Aufsichtsbereich ändern.</translation>
    </message>
    <message>
        <source>&amp;Set up SafeLens</source>
        <translation>SafeLens &amp;einrichten</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Wird gespeichert</translation>
    </message>
    <message>
        <source>Setup status</source>
        <translation>Einrichtungsstatus</translation>
    </message>
    <message>
        <source>Problem saving the setup</source>
        <translation>Problem beim Speichern der Einrichtung</translation>
    </message>
    <message>
        <source>Protections for each age band</source>
        <translation>Schutz je Altersgruppe</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Schutz</translation>
    </message>
    <message>
        <source>Set by your school (policy {0})</source>
        <translation>Von Ihrer Schule festgelegt (Richtlinie {0})</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>Trifft nicht zu</translation>
    </message>
    <message>
        <source>Protection will be on for: {0}.</source>
        <translation>Der Schutz wird aktiv sein für: {0}.</translation>
    </message>
    <message>
        <source>No children added yet. Add them later in the guardian console.</source>
        <translation>Noch keine Kinder hinzugefügt. Sie können sie später im Aufsichtsbereich hinzufügen.</translation>
    </message>
</context>
<context>
    <name>SafeFileDialog</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Checking “{0}”…</source>
        <translation>„{0}“ wird geprüft…</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Dateiname:</translation>
    </message>
    <message>
        <source>Up one folder</source>
        <translation>Einen Ordner nach oben</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Files of type</source>
        <translation>Dateityp</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opening the folder…</source>
        <translation>Ordner wird geöffnet…</translation>
    </message>
    <message>
        <source>This folder can&apos;t be opened: {0}</source>
        <translation>Dieser Ordner kann nicht geöffnet werden: {0}</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>Elemente: {0}</translation>
    </message>
    <message>
        <source>That stays hidden. You can choose something else.</source>
        <translation>Das bleibt versteckt. Du kannst etwas anderes auswählen.</translation>
    </message>
    <message>
        <source>Nothing to show here.</source>
        <translation>Hier gibt es nichts anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>SensitiveImageView</name>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Checking this picture…</source>
        <translation>Dieses Bild wird geprüft…</translation>
    </message>
    <message>
        <source>This may be sensitive. The picture is hidden.</source>
        <translation>Das könnte sensibel sein. Das Bild ist versteckt.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t check this, so it is hidden.</source>
        <translation>SafeLens konnte das nicht prüfen, deshalb ist es versteckt.</translation>
    </message>
    <message>
        <source>The picture is shown.</source>
        <translation>Das Bild wird angezeigt.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>May be sensitive</source>
        <translation>Könnte sensibel sein</translation>
    </message>
    <message>
        <source>Couldn&apos;t check</source>
        <translation>Nicht prüfbar</translation>
    </message>
    <message>
        <source>Checked. This file opens in its own app.</source>
        <translation>Geprüft. Diese Datei öffnet sich in ihrer eigenen App.</translation>
    </message>
    <message>
        <source>Opens in its own app</source>
        <translation>Öffnet sich in ihrer eigenen App</translation>
    </message>
</context>
<context>
    <name>ServiceArrivalWindow</name>
    <message>
        <source>SafeLens — something was shared with you</source>
        <translation>SafeLens — jemand hat etwas mit dir geteilt</translation>
    </message>
    <message>
        <source>SafeLens is keeping this safe. A guardian can give it back to you.</source>
        <translation>SafeLens bewahrt es sicher auf. Eine Aufsichtsperson kann es dir zurückgeben.</translation>
    </message>
    <message>
        <source>Giving it back…</source>
        <translation>Es wird zurückgegeben…</translation>
    </message>
    <message>
        <source>It is back in your folder.</source>
        <translation>Es ist wieder in deinem Ordner.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t give it back just now. A guardian can do it later.</source>
        <translation>SafeLens konnte es gerade nicht zurückgeben. Eine Aufsichtsperson kann das später tun.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Strictness</source>
        <translation>Strenge</translation>
    </message>
    <message>
        <source>What counts as sensitive: standard = exposed nudity; strict also flags suggestive pictures and uses lower thresholds.</source>
        <translation>Was als sensibel gilt: Standard = entblößte Nacktheit; Streng erkennt auch anzügliche Bilder und verwendet niedrigere Schwellenwerte.</translation>
    </message>
    <message>
        <source>Test mode (treat the SafeLens test pattern as sensitive)</source>
        <translation>Testmodus (das SafeLens-Testmuster als sensibel behandeln)</translation>
    </message>
    <message>
        <source>Test mode: the SafeLens test pattern is treated as sensitive, so a deployment can be checked end to end without real content.</source>
        <translation>Testmodus: Das SafeLens-Testmuster wird als sensibel behandelt, sodass eine Installation ohne echte Inhalte von Anfang bis Ende geprüft werden kann.</translation>
    </message>
    <message>
        <source>Age band for every other login (school labs)</source>
        <translation>Altersgruppe für alle anderen Anmeldungen (Computerräume)</translation>
    </message>
    <message>
        <source>Every non-administrator login without its own profile is treated as this age band (for school labs). null = off.</source>
        <translation>Jede Anmeldung ohne Administratorrechte und ohne eigenes Profil wird als diese Altersgruppe behandelt (für Computerräume in Schulen). null = aus.</translation>
    </message>
    <message>
        <source>File picker</source>
        <translation>Dateiauswahl</translation>
    </message>
    <message>
        <source>Check pictures and videos in SafeLens&apos; file picker before they are shown.</source>
        <translation>Bilder und Videos in der Dateiauswahl von SafeLens prüfen, bevor sie angezeigt werden.</translation>
    </message>
    <message>
        <source>Share folders</source>
        <translation>Freigabeordner</translation>
    </message>
    <message>
        <source>Check files arriving in share folders (downloads, nearby share, Bluetooth).</source>
        <translation>Dateien prüfen, die in Freigabeordnern ankommen (Downloads, Nearby Share, Bluetooth).</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Check contact photos in vCards; sensitive ones are replaced by a neutral avatar.</source>
        <translation>Kontaktfotos in vCards prüfen; sensible werden durch einen neutralen Avatar ersetzt.</translation>
    </message>
    <message>
        <source>Incoming share folders</source>
        <translation>Eingehende Freigabeordner</translation>
    </message>
    <message>
        <source>Folders that receive files from other devices; new files are checked there.</source>
        <translation>Ordner, die Dateien von anderen Geräten empfangen; neue Dateien werden dort geprüft.</translation>
    </message>
    <message>
        <source>Outgoing share folders</source>
        <translation>Ausgehende Freigabeordner</translation>
    </message>
    <message>
        <source>Folders whose files leave this computer; files are checked before they go.</source>
        <translation>Ordner, deren Dateien diesen Computer verlassen; Dateien werden geprüft, bevor sie hinausgehen.</translation>
    </message>
    <message>
        <source>Viewing, under 13</source>
        <translation>Ansehen, unter 13</translation>
    </message>
    <message>
        <source>How a child under 13 may view something sensitive.</source>
        <translation>Wie ein Kind unter 13 etwas Sensibles ansehen darf.</translation>
    </message>
    <message>
        <source>Viewing, 13-17</source>
        <translation>Ansehen, 13-17</translation>
    </message>
    <message>
        <source>How a 13-17 year old may view something sensitive.</source>
        <translation>Wie Jugendliche zwischen 13 und 17 etwas Sensibles ansehen dürfen.</translation>
    </message>
    <message>
        <source>Viewing, adults</source>
        <translation>Ansehen, Erwachsene</translation>
    </message>
    <message>
        <source>How an adult who turned on warnings may view something sensitive.</source>
        <translation>Wie Erwachsene, die Warnungen eingeschaltet haben, etwas Sensibles ansehen dürfen.</translation>
    </message>
    <message>
        <source>Sending, under 13</source>
        <translation>Senden, unter 13</translation>
    </message>
    <message>
        <source>Whether a child under 13 may send something sensitive.</source>
        <translation>Ob ein Kind unter 13 etwas Sensibles senden darf.</translation>
    </message>
    <message>
        <source>Sending, 13-17</source>
        <translation>Senden, 13-17</translation>
    </message>
    <message>
        <source>Whether a 13-17 year old may send something sensitive.</source>
        <translation>Ob Jugendliche zwischen 13 und 17 etwas Sensibles senden dürfen.</translation>
    </message>
    <message>
        <source>Sending, adults</source>
        <translation>Senden, Erwachsene</translation>
    </message>
    <message>
        <source>Whether an adult is asked before sending something sensitive.</source>
        <translation>Ob Erwachsene vor dem Senden von etwas Sensiblem gefragt werden.</translation>
    </message>
    <message>
        <source>Warn adults about sensitive content</source>
        <translation>Erwachsene vor sensiblen Inhalten warnen</translation>
    </message>
    <message>
        <source>Adults: blur sensitive content and show one warning screen (off by default).</source>
        <translation>Erwachsene: sensible Inhalte unscharf machen und eine Warnseite zeigen (standardmäßig aus).</translation>
    </message>
    <message>
        <source>Repeat window (hours)</source>
        <translation>Wiederholungszeitraum (Stunden)</translation>
    </message>
    <message>
        <source>How far back repeated encounters are counted.</source>
        <translation>Wie weit zurück wiederholte Vorfälle gezählt werden.</translation>
    </message>
    <message>
        <source>Repeats before extra help</source>
        <translation>Wiederholungen bis zu mehr Hilfe</translation>
    </message>
    <message>
        <source>After this many encounters in the window, the help screens step up.</source>
        <translation>Nach so vielen Vorfällen im Zeitraum werden die Hilfeseiten eine Stufe deutlicher.</translation>
    </message>
    <message>
        <source>Tell me how often (counts only)</source>
        <translation>Mir sagen, wie oft (nur Anzahlen)</translation>
    </message>
    <message>
        <source>Tell the guardian how often sensitive content arrived (counts only, never the content).</source>
        <translation>Der Aufsichtsperson mitteilen, wie oft sensible Inhalte ankamen (nur Anzahlen, nie der Inhalt).</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Vertrauenspersonen</translation>
    </message>
    <message>
        <source>People a child can message for help (the message never includes the content).</source>
        <translation>Personen, denen ein Kind schreiben kann, um Hilfe zu bekommen (die Nachricht enthält nie den Inhalt).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of SafeLens&apos; screens. null = the system&apos;s language (English if SafeLens has no translation for it).</source>
        <translation>Die Sprache der SafeLens-Oberfläche. null = die Systemsprache (Englisch, wenn SafeLens keine Übersetzung dafür hat).</translation>
    </message>
    <message>
        <source>Country for the help screens</source>
        <translation>Land für die Hilfeseiten</translation>
    </message>
    <message>
        <source>The country whose helplines, reporting and take-down services the help screens list (ISO 3166 code). null = from the system&apos;s locale; unknown = the international list.</source>
        <translation>Das Land, dessen Beratungsstellen, Melde- und Löschdienste die Hilfeseiten auflisten (ISO-3166-Code). null = aus dem Gebietsschema des Systems; unknown = die internationale Liste.</translation>
    </message>
    <message>
        <source>Keep activity counts for (days)</source>
        <translation>Aktivitätszahlen aufbewahren für (Tage)</translation>
    </message>
    <message>
        <source>How many days activity counts are kept.</source>
        <translation>Wie viele Tage Aktivitätszahlen aufbewahrt werden.</translation>
    </message>
    <message>
        <source>Longest wait for a file still being written (seconds)</source>
        <translation>Längste Wartezeit für eine Datei, die noch geschrieben wird (Sekunden)</translation>
    </message>
    <message>
        <source>A file still being written after this many seconds is checked as it is (a picture that cannot be read yet is hidden from a child) and checked again when it changes.</source>
        <translation>Eine Datei, die nach so vielen Sekunden noch geschrieben wird, wird so geprüft, wie sie ist (ein Bild, das noch nicht gelesen werden kann, wird vor einem Kind verborgen), und erneut geprüft, wenn sie sich ändert.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up SafeLens</source>
        <translation>SafeLens einrichten</translation>
    </message>
    <message>
        <source>Saving… (making the PIN hard to guess takes a moment)</source>
        <translation>Wird gespeichert… (die PIN schwer erratbar zu machen, dauert einen Moment)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>SafeLens couldn&apos;t save the setup ({0}). Please try again.</source>
        <translation>SafeLens konnte die Einrichtung nicht speichern ({0}). Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The setup couldn&apos;t be saved: {0}</source>
        <translation>Die Einrichtung konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Protection now lives in the SafeLens service on this computer: it protects every child&apos;s account, logged in or not, and keeps the PIN where no account can read it.</source>
        <translation>Der Schutz liegt jetzt beim SafeLens-Dienst auf diesem Computer: Er schützt das Konto jedes Kindes, ob angemeldet oder nicht, und bewahrt die PIN dort auf, wo kein Konto sie lesen kann.</translation>
    </message>
</context>
<context>
    <name>TrustedAdultsControl</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Trusted adults</source>
        <translation>Vertrauenspersonen</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s name</source>
        <translation>Name der neuen Vertrauensperson</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s email</source>
        <translation>E-Mail der neuen Vertrauensperson</translation>
    </message>
    <message>
        <source>New trusted adult&apos;s phone number</source>
        <translation>Telefonnummer der neuen Vertrauensperson</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>+44 20 7946 0000</source>
        <translation>+44 20 7946 0000</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>Add this trusted adult</source>
        <translation>Diese Vertrauensperson hinzufügen</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Person entfernen</translation>
    </message>
    <message>
        <source>Remove the selected trusted adult</source>
        <translation>Die ausgewählte Vertrauensperson entfernen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>diese Person</translation>
    </message>
    <message>
        <source>Can&apos;t add {0}: {1}.</source>
        <translation>{0} kann nicht hinzugefügt werden: {1}.</translation>
    </message>
</context>
<context>
    <name>TrustedAdultsPage</name>
    <message>
        <source>Trusted adults</source>
        <translation>Vertrauenspersonen</translation>
    </message>
    <message>
        <source>A child can message these people from the help screens. The message never includes the picture. You can skip this and add people later.</source>
        <translation>Ein Kind kann diesen Personen von den Hilfeseiten aus schreiben. Die Nachricht enthält nie das Bild. Sie können diesen Schritt überspringen und später Personen hinzufügen.</translation>
    </message>
    <message>
        <source>You typed someone&apos;s details but did not press “Add person”.</source>
        <translation>Sie haben Angaben zu einer Person eingegeben, aber nicht auf „Person hinzufügen“ geklickt.</translation>
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
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to SafeLens</source>
        <translation>Willkommen bei SafeLens</translation>
    </message>
    <message>
        <source>Protection from nudity for the children who use this computer.</source>
        <translation>Schutz vor Nacktheit für die Kinder, die diesen Computer nutzen.</translation>
    </message>
    <message>
        <source>SafeLens hides nude pictures and videos before a child sees them — in the file picker, in folders that receive files from other devices, and in contact photos. It explains gently why, and offers ways to get help.</source>
        <translation>SafeLens versteckt Nacktbilder und -videos, bevor ein Kind sie sieht — in der Dateiauswahl, in Ordnern, die Dateien von anderen Geräten empfangen, und bei Kontaktfotos. Es erklärt behutsam, warum, und zeigt Wege, Hilfe zu bekommen.</translation>
    </message>
    <message>
        <source>Everything is checked on this computer. Nothing is ever sent anywhere: no account, no cloud, no tracking.</source>
        <translation>Alles wird auf diesem Computer geprüft. Nichts wird jemals irgendwohin gesendet: kein Konto, keine Cloud, kein Tracking.</translation>
    </message>
    <message>
        <source>This takes a few minutes:
  1. Create a guardian PIN
  2. Add your children
  3. Add trusted adults a child can ask for help
  4. Review the protections</source>
        <translation>Das dauert nur ein paar Minuten:
  1. Eine Aufsichts-PIN erstellen
  2. Ihre Kinder hinzufügen
  3. Vertrauenspersonen hinzufügen, die ein Kind um Hilfe bitten kann
  4. Den Schutz überprüfen</translation>
    </message>
</context>
</TS>
