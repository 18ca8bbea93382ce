<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Import assignment bundle…</source>
        <translation>&amp;Importuj paczkę z przydziałem…</translation>
    </message>
    <message>
        <source>Import the file with your assigned dossiers from the organizer (.pu-bundle)</source>
        <translation>Importuj plik z przydzielonymi Ci teczkami otrzymany od organizatora (.pu-bundle)</translation>
    </message>
    <message>
        <source>&amp;Export score package…</source>
        <translation>&amp;Eksportuj paczkę ocen…</translation>
    </message>
    <message>
        <source>Sign and save your scores to send to the organizer (.pu-scores)</source>
        <translation>Podpisz i zapisz swoje oceny, aby wysłać je organizatorowi (.pu-scores)</translation>
    </message>
    <message>
        <source>&amp;Print my score sheet…</source>
        <translation>&amp;Drukuj moją kartę oceny…</translation>
    </message>
    <message>
        <source>Your scores and justifications as they are now, to check or print before you export</source>
        <translation>Twoje oceny i uzasadnienia w obecnym stanie — do sprawdzenia lub wydruku przed eksportem</translation>
    </message>
    <message>
        <source>Save enrollment file again…</source>
        <translation>Zapisz ponownie plik zgłoszeniowy…</translation>
    </message>
    <message>
        <source>Your key&apos;s enrollment file, if the organizer needs it again</source>
        <translation>Plik zgłoszeniowy Twojego klucza, jeśli organizator potrzebuje go ponownie</translation>
    </message>
    <message>
        <source>My profile and key…</source>
        <translation>Mój profil i klucz…</translation>
    </message>
    <message>
        <source>Your name, key fingerprint and profile folder</source>
        <translation>Twoje imię i nazwisko, odcisk klucza i folder profilu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Za&amp;kończ</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <source>Take back the last saved edit</source>
        <translation>Wycofaj ostatnią zapisaną zmianę</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <source>Make the undone edit again</source>
        <translation>Przywróć cofniętą zmianę</translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation>&amp;Teczka</translation>
    </message>
    <message>
        <source>&amp;Next dossier</source>
        <translation>&amp;Następna teczka</translation>
    </message>
    <message>
        <source>&amp;Previous dossier</source>
        <translation>&amp;Poprzednia teczka</translation>
    </message>
    <message>
        <source>Next &amp;criterion</source>
        <translation>Następne &amp;kryterium</translation>
    </message>
    <message>
        <source>Go to the next criterion&apos;s points (type a number, Enter saves)</source>
        <translation>Przejdź do punktów następnego kryterium (wpisz liczbę, Enter zapisuje)</translation>
    </message>
    <message>
        <source>Previous c&amp;riterion</source>
        <translation>Poprzednie k&amp;ryterium</translation>
    </message>
    <message>
        <source>Declare a &amp;conflict of interest…</source>
        <translation>Zadeklaruj &amp;konflikt interesów…</translation>
    </message>
    <message>
        <source>Nominate for a &amp;distinction…</source>
        <translation>Nominuj do &amp;wyróżnienia…</translation>
    </message>
    <message>
        <source>&amp;Find in document</source>
        <translation>&amp;Znajdź w dokumencie</translation>
    </message>
    <message>
        <source>&amp;Search all dossiers</source>
        <translation>&amp;Szukaj we wszystkich teczkach</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Ustawienia</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Język</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Skróty klawiszowe</translation>
    </message>
    <message>
        <source>next / previous dossier</source>
        <translation>następna / poprzednia teczka</translation>
    </message>
    <message>
        <source>next / previous criterion</source>
        <translation>następne / poprzednie kryterium</translation>
    </message>
    <message>
        <source>type the points; Enter saves them</source>
        <translation>wpisz punkty; Enter je zapisuje</translation>
    </message>
    <message>
        <source>from the points to the justification, then to the next criterion&apos;s points (Shift+Tab: back)</source>
        <translation>z punktów do uzasadnienia, potem do punktów następnego kryterium (Shift+Tab: wstecz)</translation>
    </message>
    <message>
        <source>in the points field: remove the score and its justification (the × beside the field does the same; Ctrl+Z brings them back)</source>
        <translation>w polu punktów: usuń ocenę wraz z uzasadnieniem (to samo robi × obok pola; Ctrl+Z je przywraca)</translation>
    </message>
    <message>
        <source>undo / redo</source>
        <translation>cofnij / ponów</translation>
    </message>
    <message>
        <source>find in the open document (F3: next hit)</source>
        <translation>znajdź w otwartym dokumencie (F3: następne wystąpienie)</translation>
    </message>
    <message>
        <source>search all dossiers</source>
        <translation>szukaj we wszystkich teczkach</translation>
    </message>
    <message>
        <source>import a bundle</source>
        <translation>importuj paczkę z przydziałem</translation>
    </message>
    <message>
        <source>export the score package</source>
        <translation>eksportuj paczkę ocen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflict of interest</source>
        <translation>Konflikt interesów</translation>
    </message>
    <message>
        <source>Declare a conflict of interest for &lt;b&gt;%1&lt;/b&gt; if you cannot assess it impartially (for example you work with it, advise it, or someone close to you does). You will not score this dossier; the organizer sees the declaration and its reason.</source>
        <translation>Zadeklaruj konflikt interesów wobec jednostki &lt;b&gt;%1&lt;/b&gt;, jeśli nie możesz ocenić jej bezstronnie (na przykład współpracujesz z nią, doradzasz jej albo robi to ktoś Ci bliski). Nie będziesz oceniać tej teczki; organizator zobaczy deklarację i jej powód.</translation>
    </message>
    <message numerus="yes">
        <source>The %n score(s) you already gave this dossier will be withdrawn (undo brings them back).</source>
        <translation>
            <numerusform>Twoja %n ocena tej teczki zostanie wycofana (polecenie Cofnij ją przywróci).</numerusform>
            <numerusform>Twoje %n oceny tej teczki zostaną wycofane (polecenie Cofnij je przywróci).</numerusform>
            <numerusform>Twoich %n ocen tej teczki zostanie wycofanych (polecenie Cofnij je przywróci).</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason, e.g. “I worked in this office until 2023.”</source>
        <translation>Powód, np. „Do 2023 r. pracowałam w tym urzędzie.”</translation>
    </message>
    <message>
        <source>Declare conflict</source>
        <translation>Zadeklaruj konflikt</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Powód:</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>Co najmniej %n znak.</numerusform>
            <numerusform>Co najmniej %n znaki.</numerusform>
            <numerusform>Co najmniej %n znaków.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>Najwyżej %n znak.</numerusform>
            <numerusform>Najwyżej %n znaki.</numerusform>
            <numerusform>Najwyżej %n znaków.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CriterionEditor</name>
    <message>
        <source>0–%1 points, in steps of %2</source>
        <translation>0–%1 pkt, co %2</translation>
    </message>
    <message>
        <source>Points for %1: type a number and press Enter (— means not scored)</source>
        <translation>Punkty za %1: wpisz liczbę i naciśnij Enter (— oznacza brak oceny)</translation>
    </message>
    <message>
        <source>Remove this score and its justification (Ctrl+Delete in the points field; Ctrl+Z brings it back)</source>
        <translation>Usuń tę ocenę wraz z uzasadnieniem (Ctrl+Delete w polu punktów; Ctrl+Z ją przywraca)</translation>
    </message>
    <message>
        <source>Justification: what in the documents supports this score</source>
        <translation>Uzasadnienie: co w dokumentach przemawia za tą oceną</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Punkty:</translation>
    </message>
    <message>
        <source>Use the old justification</source>
        <translation>Użyj dawnego uzasadnienia</translation>
    </message>
    <message>
        <source>Put the justification you wrote before the scale changed into the field; it is saved with the new points</source>
        <translation>Wstawia do pola uzasadnienie napisane przed zmianą skali; zapisze się razem z nowymi punktami</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 z %2</translation>
    </message>
    <message>
        <source>Re-score needed: you gave %1 before the scale changed to %2.</source>
        <translation>Potrzebna ponowna ocena: Twoja ocena %1 pochodzi sprzed zmiany skali na %2.</translation>
    </message>
    <message>
        <source>Your justification then: “%1”</source>
        <translation>Twoje ówczesne uzasadnienie: „%1”</translation>
    </message>
    <message>
        <source>Before the scale changed to %2 you gave %1.</source>
        <translation>Przed zmianą skali na %2 Twoja ocena wynosiła %1.</translation>
    </message>
    <message>
        <source>The points field is empty, so nothing was changed. To remove this score, press Ctrl+Delete in the field or click ×.</source>
        <translation>Pole punktów jest puste, więc niczego nie zmieniono. Aby usunąć tę ocenę, naciśnij Ctrl+Delete w tym polu albo kliknij ×.</translation>
    </message>
    <message>
        <source>%1 is more than this criterion&apos;s maximum of %2 points: not saved. Type a number from 0 to %2.</source>
        <translation>%1 to więcej niż maksimum tego kryterium (%2 pkt): nie zapisano. Wpisz liczbę od 0 do %2.</translation>
    </message>
    <message>
        <source>%1 is less than 0: not saved. Type a number from 0 to %2.</source>
        <translation>%1 to mniej niż 0: nie zapisano. Wpisz liczbę od 0 do %2.</translation>
    </message>
    <message>
        <source>%1 is not on this criterion&apos;s scale (steps of %3): not saved. Type, for example, %4 or %5.</source>
        <translation>%1 nie leży na skali tego kryterium (co %3 pkt): nie zapisano. Wpisz na przykład %4 albo %5.</translation>
    </message>
    <message>
        <source>not saved yet…</source>
        <translation>jeszcze niezapisane…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Zapisano %1</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>bez oceny</translation>
    </message>
    <message numerus="yes">
        <source>A justification is required at the lowest and the highest level of the scale (at least %n characters).</source>
        <translation>
            <numerusform>Przy najniższym i najwyższym poziomie skali uzasadnienie jest wymagane (co najmniej %n znak).</numerusform>
            <numerusform>Przy najniższym i najwyższym poziomie skali uzasadnienie jest wymagane (co najmniej %n znaki).</numerusform>
            <numerusform>Przy najniższym i najwyższym poziomie skali uzasadnienie jest wymagane (co najmniej %n znaków).</numerusform>
        </translation>
    </message>
    <message>
        <source>Justification required at this level: written ✓</source>
        <translation>Uzasadnienie wymagane na tym poziomie: jest ✓</translation>
    </message>
</context>
<context>
    <name>DeclarationsBar</name>
    <message>
        <source>Conflict of interest…</source>
        <translation>Konflikt interesów…</translation>
    </message>
    <message>
        <source>Declare that you cannot assess this dossier impartially (recusal)</source>
        <translation>Zadeklaruj, że nie możesz ocenić tej teczki bezstronnie (wyłączenie z oceny)</translation>
    </message>
    <message>
        <source>Nominate for a distinction…</source>
        <translation>Nominuj do wyróżnienia…</translation>
    </message>
    <message>
        <source>Propose this institution for a special distinction, e.g. the statuette “Innowacyjny Urząd”</source>
        <translation>Zaproponuj tę jednostkę do wyróżnienia specjalnego, np. statuetki „Innowacyjny Urząd”</translation>
    </message>
    <message>
        <source>Withdraw declaration</source>
        <translation>Wycofaj deklarację</translation>
    </message>
    <message>
        <source>You recused yourself (conflict of interest):</source>
        <translation>Wyłączenie z oceny (konflikt interesów):</translation>
    </message>
    <message>
        <source>Nominated: %1</source>
        <translation>Nominacja: %1</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Zmień</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Wycofaj</translation>
    </message>
    <message>
        <source>Withdraw your conflict-of-interest declaration for %1? You will be able to score it again.</source>
        <translation>Wycofać deklarację konfliktu interesów wobec jednostki %1? Będzie można znów ją oceniać.</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>About you</source>
        <translation>O Tobie</translation>
    </message>
    <message>
        <source>The organizer sees this in your enrollment file and on your score sheets.</source>
        <translation>Organizator zobaczy te dane w Twoim pliku zgłoszeniowym i na Twoich kartach oceny.</translation>
    </message>
    <message>
        <source>e.g. dr hab. Anna Kowalska</source>
        <translation>np. dr hab. Anna Kowalska</translation>
    </message>
    <message>
        <source>e.g. Uniwersytet Wrocławski</source>
        <translation>np. Uniwersytet Wrocławski</translation>
    </message>
    <message>
        <source>e.g. anna.kowalska@uwr.edu.pl (may stay empty)</source>
        <translation>np. anna.kowalska@uwr.edu.pl (można zostawić puste)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Imię i nazwisko:</translation>
    </message>
    <message>
        <source>Affiliation:</source>
        <translation>Instytucja:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>The document&apos;s outline: click a heading to go there</source>
        <translation>Spis treści dokumentu: kliknij nagłówek, aby do niego przejść</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Spis treści</translation>
    </message>
    <message>
        <source>Show or hide the document&apos;s outline</source>
        <translation>Pokaż lub ukryj spis treści dokumentu</translation>
    </message>
    <message>
        <source>Open this PDF in the computer&apos;s default PDF reader</source>
        <translation>Otwórz ten plik PDF w domyślnej przeglądarce PDF komputera</translation>
    </message>
    <message>
        <source>Open in the system&apos;s PDF viewer…</source>
        <translation>Otwórz w systemowej przeglądarce PDF…</translation>
    </message>
    <message>
        <source>Choose a dossier on the left to read its documents.</source>
        <translation>Wybierz teczkę po lewej, aby czytać jej dokumenty.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n strona</numerusform>
            <numerusform>%n strony</numerusform>
            <numerusform>%n stron</numerusform>
        </translation>
    </message>
    <message>
        <source>This dossier has no documents.</source>
        <translation>Ta teczka nie zawiera dokumentów.</translation>
    </message>
    <message>
        <source>To keep this window safe it does not open this document. You can go on reading the other documents and scoring; ask the organizer for a corrected copy, or open it in the system&apos;s PDF viewer at your own risk.</source>
        <translation>Dla bezpieczeństwa to okno nie otwiera tego dokumentu. Możesz dalej czytać pozostałe dokumenty i oceniać; poproś organizatora o poprawioną kopię albo otwórz dokument w systemowej przeglądarce PDF na własne ryzyko.</translation>
    </message>
    <message>
        <source>This document could not be checked, so it is not opened here: %1</source>
        <translation>Nie udało się sprawdzić tego dokumentu, więc nie zostanie tu otwarty: %1</translation>
    </message>
    <message>
        <source>Checking this document before it is opened…</source>
        <translation>Sprawdzanie dokumentu przed otwarciem…</translation>
    </message>
    <message>
        <source>%1 (not opened)</source>
        <translation>%1 (nie otwarto)</translation>
    </message>
    <message>
        <source>This PDF is protected with a password, so it cannot be shown here. You can go on reading the other documents and scoring; ask the organizer for an unprotected copy, or open it in another program if you know the password.</source>
        <translation>Ten plik PDF jest zabezpieczony hasłem, więc nie można go tu wyświetlić. Możesz dalej czytać pozostałe dokumenty i oceniać; poproś organizatora o niezabezpieczoną kopię albo otwórz plik w innym programie, jeśli znasz hasło.</translation>
    </message>
    <message>
        <source>The document&apos;s file is missing. Import the assignment bundle again.</source>
        <translation>Brak pliku dokumentu. Zaimportuj ponownie paczkę z przydziałem.</translation>
    </message>
    <message>
        <source>This PDF is damaged and cannot be shown. You can go on reading the other documents and scoring; tell the organizer which document it is, or try opening it in another program.</source>
        <translation>Ten plik PDF jest uszkodzony i nie można go wyświetlić. Możesz dalej czytać pozostałe dokumenty i oceniać; przekaż organizatorowi, którego dokumentu to dotyczy, albo spróbuj otworzyć go w innym programie.</translation>
    </message>
    <message>
        <source>Open a document that did not pass the check?</source>
        <translation>Otworzyć dokument, który nie przeszedł sprawdzenia?</translation>
    </message>
    <message>
        <source>This document did not pass the safety check:

%1

Another program may hang or crash on it too, and a crafted file can attack the program that opens it. Open it only if you trust where it came from; the organizer can send a corrected copy.</source>
        <translation>Ten dokument nie przeszedł sprawdzenia bezpieczeństwa:

%1

Inny program także może się na nim zawiesić lub ulec awarii, a spreparowany plik może zaatakować program, który go otwiera. Otwórz go tylko wtedy, gdy ufasz jego źródłu; organizator może przesłać poprawioną kopię.</translation>
    </message>
</context>
<context>
    <name>DossierList</name>
    <message>
        <source>Filter by name or town…</source>
        <translation>Filtruj po nazwie lub miejscowości…</translation>
    </message>
    <message>
        <source>Shows only dossiers whose institution, town or category contains these words (letters with or without Polish diacritics)</source>
        <translation>Pokazuje tylko teczki, których jednostka, miejscowość lub kategoria zawiera te słowa (z polskimi znakami lub bez nich)</translation>
    </message>
    <message>
        <source>Show only one category</source>
        <translation>Pokaż tylko jedną kategorię</translation>
    </message>
    <message>
        <source>Show only dossiers with this status</source>
        <translation>Pokaż tylko teczki o tym stanie</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Wszystkie stany</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Wszystkie kategorie</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n complete</source>
        <translation>
            <numerusform>%1 z %n ukończonej</numerusform>
            <numerusform>%1 z %n ukończonych</numerusform>
            <numerusform>%1 z %n ukończonych</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierModel</name>
    <message>
        <source>Institution</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Miejscowość</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Ocenione</translation>
    </message>
    <message>
        <source>Criteria scored so far, of all criteria</source>
        <translation>Kryteria ocenione dotąd, spośród wszystkich kryteriów</translation>
    </message>
    <message>
        <source>★ nominated for a special distinction</source>
        <translation>★ nominowana do wyróżnienia specjalnego</translation>
    </message>
</context>
<context>
    <name>EnrollmentPage</name>
    <message>
        <source>Your enrollment file</source>
        <translation>Twój plik zgłoszeniowy</translation>
    </message>
    <message>
        <source>Send this file to the organizer: it tells them your key, so they can trust your scores.</source>
        <translation>Wyślij ten plik organizatorowi: zawiera Twój klucz, dzięki któremu organizator może ufać Twoim ocenom.</translation>
    </message>
    <message>
        <source>Save the enrollment file…</source>
        <translation>Zapisz plik zgłoszeniowy…</translation>
    </message>
    <message>
        <source>Your key&apos;s fingerprint. When the organizer calls to confirm your enrollment, read it out; it must match what they see.</source>
        <translation>Odcisk Twojego klucza. Gdy organizator zadzwoni, aby potwierdzić zgłoszenie, odczytaj go; musi się zgadzać z tym, co widzi organizator.</translation>
    </message>
    <message>
        <source>Save the enrollment file</source>
        <translation>Zapisz plik zgłoszeniowy</translation>
    </message>
    <message>
        <source>Enrollment file (*%1)</source>
        <translation>Plik zgłoszeniowy (*%1)</translation>
    </message>
    <message>
        <source>Saved: %1
Send it to the organizer by e-mail.</source>
        <translation>Zapisano: %1
Wyślij go organizatorowi e-mailem.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the score package</source>
        <translation>Eksport paczki ocen</translation>
    </message>
    <message>
        <source>The package holds all your scores, declarations and nominations so far, signed with your key. You can export at any time; a later export replaces this one at the organizer&apos;s (it gets a higher version).</source>
        <translation>Paczka zawiera wszystkie Twoje dotychczasowe oceny, deklaracje i nominacje, podpisane Twoim kluczem. Eksportować można w każdej chwili; późniejszy eksport zastąpi u organizatora ten (otrzyma wyższą wersję).</translation>
    </message>
    <message>
        <source>Dossiers:</source>
        <translation>Teczki:</translation>
    </message>
    <message>
        <source>Scores:</source>
        <translation>Oceny:</translation>
    </message>
    <message>
        <source>Nominations:</source>
        <translation>Nominacje:</translation>
    </message>
    <message>
        <source>Package version:</source>
        <translation>Wersja paczki:</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) not complete yet: this will be a partial package.</source>
        <translation>
            <numerusform>%n teczka nie jest jeszcze ukończona: to będzie paczka częściowa.</numerusform>
            <numerusform>%n teczki nie są jeszcze ukończone: to będzie paczka częściowa.</numerusform>
            <numerusform>%n teczek nie jest jeszcze ukończonych: to będzie paczka częściowa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to save the package; send this file to the organizer</source>
        <translation>Gdzie zapisać paczkę; ten plik wyślij organizatorowi</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <source>the passphrase of your signing key</source>
        <translation>hasło Twojego klucza podpisu</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Zapisz jako:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Hasło:</translation>
    </message>
    <message>
        <source>Demo edition: the key&apos;s passphrase is “%1”.</source>
        <translation>Edycja demonstracyjna: hasło klucza to „%1”.</translation>
    </message>
    <message>
        <source>Sign and save</source>
        <translation>Podpisz i zapisz</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Pokaż folder</translation>
    </message>
    <message>
        <source>Save the score package</source>
        <translation>Zapisz paczkę ocen</translation>
    </message>
    <message>
        <source>Score package (*%1)</source>
        <translation>Paczka ocen (*%1)</translation>
    </message>
    <message>
        <source>Choose where to save the package.</source>
        <translation>Wybierz, gdzie zapisać paczkę.</translation>
    </message>
    <message>
        <source>The file “%1” exists. Replace it?</source>
        <translation>Plik „%1” już istnieje. Zastąpić go?</translation>
    </message>
    <message numerus="yes">
        <source>Saved the signed package, version %1, with %n score(s):</source>
        <translation>
            <numerusform>Zapisano podpisaną paczkę w wersji %1 z %n oceną:</numerusform>
            <numerusform>Zapisano podpisaną paczkę w wersji %1 z %n ocenami:</numerusform>
            <numerusform>Zapisano podpisaną paczkę w wersji %1 z %n ocenami:</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this file to the organizer (by e-mail or on a USB stick).</source>
        <translation>Wyślij ten plik organizatorowi (e-mailem lub na pendrivie).</translation>
    </message>
    <message>
        <source>No file was written.</source>
        <translation>Nie zapisano żadnego pliku.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the export; the details were written to the log file. No file was written.</source>
        <translation>Nieoczekiwany błąd przerwał eksport; szczegóły zapisano w pliku dziennika. Nie zapisano żadnego pliku.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Kapituła “Przyjazny Urząd”: first start</source>
        <translation>Kapituła „Przyjazny Urząd”: pierwsze uruchomienie</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import the assignment bundle</source>
        <translation>Import paczki z przydziałem</translation>
    </message>
    <message>
        <source>This is the first bundle imported into this profile. Compare the organizer&apos;s key fingerprint below with the one the organizer gave you by phone, letter or in person. Import only if every character matches: from then on, only bundles signed with this key will be accepted.</source>
        <translation>To pierwsza paczka importowana do tego profilu. Porównaj poniższy odcisk klucza organizatora z odciskiem, który organizator podał Ci telefonicznie, listownie lub osobiście. Importuj tylko wtedy, gdy zgadza się każdy znak: od tej chwili przyjmowane będą wyłącznie paczki podpisane tym kluczem.</translation>
    </message>
    <message>
        <source>I compared the fingerprint: it matches the one the organizer gave me</source>
        <translation>Odcisk został porównany i zgadza się z podanym przez organizatora</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importuj</translation>
    </message>
    <message>
        <source>An unexpected error stopped the check; the details were written to the log file.</source>
        <translation>Nieoczekiwany błąd przerwał sprawdzanie; szczegóły zapisano w pliku dziennika.</translation>
    </message>
    <message numerus="yes">
        <source>Checked %1 of %n document(s).</source>
        <translation>
            <numerusform>Sprawdzono %1 z %n dokumentu.</numerusform>
            <numerusform>Sprawdzono %1 z %n dokumentów.</numerusform>
            <numerusform>Sprawdzono %1 z %n dokumentów.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Przerywanie…</translation>
    </message>
    <message>
        <source>Checking “%1”: the organizer&apos;s signature and every document…</source>
        <translation>Sprawdzanie pliku „%1”: podpisu organizatora i każdego dokumentu…</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>Importowanie pliku „%1”…</translation>
    </message>
    <message>
        <source>The bundle has been imported. Checking its documents before they can be opened…</source>
        <translation>Paczkę zaimportowano. Sprawdzanie jej dokumentów, zanim będzie można je otworzyć…</translation>
    </message>
    <message>
        <source>The bundle has been imported.</source>
        <translation>Paczkę zaimportowano.</translation>
    </message>
    <message>
        <source>The bundle “%1” was not imported.</source>
        <translation>Paczki „%1” nie zaimportowano.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the import; the details were written to the log file.</source>
        <translation>Nieoczekiwany błąd przerwał import; szczegóły zapisano w pliku dziennika.</translation>
    </message>
    <message>
        <source>Nothing in your profile was changed.</source>
        <translation>W Twoim profilu niczego nie zmieniono.</translation>
    </message>
    <message>
        <source>This bundle is already imported; there is nothing to do.</source>
        <translation>Ta paczka jest już zaimportowana; nie ma nic do zrobienia.</translation>
    </message>
    <message>
        <source>A newer version of your assignment. Your scores are kept.</source>
        <translation>Nowsza wersja Twojego przydziału. Twoje oceny zostaną zachowane.</translation>
    </message>
    <message>
        <source>The bundle is genuine and complete. Check what it holds:</source>
        <translation>Paczka jest autentyczna i kompletna. Sprawdź jej zawartość:</translation>
    </message>
    <message>
        <source>Edition:</source>
        <translation>Edycja:</translation>
    </message>
    <message>
        <source>Organizer:</source>
        <translation>Organizator:</translation>
    </message>
    <message>
        <source>The documents could not be checked now (%1); each is checked when you first open it, and opens only if it passes.</source>
        <translation>Nie udało się teraz sprawdzić dokumentów (%1); każdy zostanie sprawdzony przy pierwszym otwarciu i otworzy się tylko wtedy, gdy przejdzie sprawdzenie.</translation>
    </message>
    <message>
        <source>%1 (you have %2)</source>
        <translation>%1 (masz wersję %2)</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Wersja:</translation>
    </message>
    <message>
        <source>Dossiers:</source>
        <translation>Teczki:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Dokumenty:</translation>
    </message>
    <message numerus="yes">
        <source>%n PDF file(s), %1</source>
        <translation>
            <numerusform>%n plik PDF, %1</numerusform>
            <numerusform>%n pliki PDF, %1</numerusform>
            <numerusform>%n plików PDF, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) assigned to you.</source>
        <translation>
            <numerusform>Masz przydzieloną %n teczkę.</numerusform>
            <numerusform>Masz przydzielone %n teczki.</numerusform>
            <numerusform>Masz przydzielonych %n teczek.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New since the previous version: %n dossier(s).</source>
        <translation>
            <numerusform>Nowe od poprzedniej wersji: %n teczka.</numerusform>
            <numerusform>Nowe od poprzedniej wersji: %n teczki.</numerusform>
            <numerusform>Nowe od poprzedniej wersji: %n teczek.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No longer assigned: %n dossier(s) (your scores for them stay in your profile).</source>
        <translation>
            <numerusform>Nie jest już przydzielona: %n teczka (Twoje oceny zostają w profilu).</numerusform>
            <numerusform>Nie są już przydzielone: %n teczki (Twoje oceny zostają w profilu).</numerusform>
            <numerusform>Nie jest już przydzielonych: %n teczek (Twoje oceny zostają w profilu).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <source>%1 %2: %3 → %4.</source>
        <translation>%1 %2: %3 → %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n of your scores no longer fit the new scale: they will be taken out and shown beside the criterion with their justification, for you to score again.</source>
        <translation>
            <numerusform>%n Twoja ocena nie mieści się w nowej skali: zostanie wyjęta i pokazana przy kryterium wraz z uzasadnieniem, do ponownej oceny.</numerusform>
            <numerusform>%n Twoje oceny nie mieszczą się w nowej skali: zostaną wyjęte i pokazane przy kryterium wraz z uzasadnieniami, do ponownej oceny.</numerusform>
            <numerusform>%n Twoich ocen nie mieści się w nowej skali: zostaną wyjęte i pokazane przy kryterium wraz z uzasadnieniami, do ponownej oceny.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) still fit and are kept: check that they still say what you meant.</source>
        <translation>
            <numerusform>%n ocena nadal mieści się w skali i zostaje: sprawdź, czy wciąż wyraża Twoją opinię.</numerusform>
            <numerusform>%n oceny nadal mieszczą się w skali i zostają: sprawdź, czy wciąż wyrażają Twoją opinię.</numerusform>
            <numerusform>%n ocen nadal mieści się w skali i zostaje: sprawdź, czy wciąż wyrażają Twoją opinię.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The organizer changed the scale of %n criterion/criteria since your previous version:</source>
        <translation>
            <numerusform>Od Twojej poprzedniej wersji organizator zmienił skalę %n kryterium:</numerusform>
            <numerusform>Od Twojej poprzedniej wersji organizator zmienił skalę %n kryteriów:</numerusform>
            <numerusform>Od Twojej poprzedniej wersji organizator zmienił skalę %n kryteriów:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) no longer fit a changed scale: they were taken out (the organizer will see that) and are shown beside their criterion with your old justification. Score them again.</source>
        <translation>
            <numerusform>%n ocena nie mieści się w zmienionej skali: wyjęto ją (organizator to zobaczy) i pokazano przy kryterium z Twoim dawnym uzasadnieniem. Oceń ponownie.</numerusform>
            <numerusform>%n oceny nie mieszczą się w zmienionej skali: wyjęto je (organizator to zobaczy) i pokazano przy kryteriach z Twoimi dawnymi uzasadnieniami. Oceń ponownie.</numerusform>
            <numerusform>%n ocen nie mieści się w zmienionej skali: wyjęto je (organizator to zobaczy) i pokazano przy kryteriach z Twoimi dawnymi uzasadnieniami. Oceń ponownie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) not checked yet: each is checked when you first open it, and opens only if it passes.</source>
        <translation>
            <numerusform>%n dokument jeszcze niesprawdzony: zostanie sprawdzony przy pierwszym otwarciu i otworzy się tylko wtedy, gdy przejdzie sprawdzenie.</numerusform>
            <numerusform>%n dokumenty jeszcze niesprawdzone: każdy zostanie sprawdzony przy pierwszym otwarciu i otworzy się tylko wtedy, gdy przejdzie sprawdzenie.</numerusform>
            <numerusform>%n dokumentów jeszcze niesprawdzonych: każdy zostanie sprawdzony przy pierwszym otwarciu i otworzy się tylko wtedy, gdy przejdzie sprawdzenie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Documents checked: %n.</source>
        <translation>
            <numerusform>Sprawdzono dokumenty: %n.</numerusform>
            <numerusform>Sprawdzono dokumenty: %n.</numerusform>
            <numerusform>Sprawdzono dokumenty: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The window will not open %n document(s): each shows its reason in place of the document, with a way to open it in the system&apos;s PDF viewer at your own risk.</source>
        <translation>
            <numerusform>Okno nie otworzy %n dokumentu: w jego miejscu pokazuje powód, z możliwością otwarcia w systemowej przeglądarce PDF na własne ryzyko.</numerusform>
            <numerusform>Okno nie otworzy %n dokumentów: w miejscu każdego pokazuje powód, z możliwością otwarcia w systemowej przeglądarce PDF na własne ryzyko.</numerusform>
            <numerusform>Okno nie otworzy %n dokumentów: w miejscu każdego pokazuje powód, z możliwością otwarcia w systemowej przeglądarce PDF na własne ryzyko.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · “%3”: %4</source>
        <translation>%1 · %2 · „%3”: %4</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Demo edition</source>
        <translation>Edycja demonstracyjna</translation>
    </message>
    <message>
        <source>Preparing the demo edition: dossiers, documents, keys…</source>
        <translation>Przygotowywanie edycji demonstracyjnej: teczki, dokumenty, klucze…</translation>
    </message>
    <message>
        <source>Cannot open the profile</source>
        <translation>Nie można otworzyć profilu</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>Sprawdzenie bazy danych</translation>
    </message>
    <message>
        <source>The profile database reports problems; export your scores now and tell the organizer:

%1</source>
        <translation>Baza danych profilu zgłasza problemy; wyeksportuj teraz swoje oceny i powiadom organizatora:

%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dossiers</source>
        <translation>Teczki</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Szukaj</translation>
    </message>
    <message>
        <source>Demo edition</source>
        <translation>Edycja demonstracyjna</translation>
    </message>
    <message>
        <source>A made-up edition in a temporary folder: %1</source>
        <translation>Zmyślona edycja w folderze tymczasowym: %1</translation>
    </message>
    <message>
        <source>No dossiers yet. Import the assignment bundle you received from the organizer (a .pu-bundle file): use the button below, or drag the file onto this window.</source>
        <translation>Nie ma jeszcze teczek. Zaimportuj paczkę z przydziałem otrzymaną od organizatora (plik .pu-bundle): użyj przycisku poniżej albo przeciągnij plik na to okno.</translation>
    </message>
    <message>
        <source>Import assignment bundle…</source>
        <translation>Importuj paczkę z przydziałem…</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Cofnij: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Ponów: %1</translation>
    </message>
    <message>
        <source>My score sheet</source>
        <translation>Moja karta oceny</translation>
    </message>
    <message>
        <source>my-score-sheet.pdf</source>
        <translation>moja-karta-oceny.pdf</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Zapisano %1</translation>
    </message>
    <message>
        <source>Unsaved justification</source>
        <translation>Niezapisane uzasadnienie</translation>
    </message>
    <message>
        <source>These justifications have no points yet, so they cannot be saved:

%1

Give the points to keep them, or discard them.</source>
        <translation>Te uzasadnienia nie mają jeszcze punktów, więc nie można ich zapisać:

%1

Podaj punkty, aby je zachować, albo je odrzuć.</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Nie można tego zrobić</translation>
    </message>
    <message>
        <source>Import the assignment bundle</source>
        <translation>Import paczki z przydziałem</translation>
    </message>
    <message>
        <source>Assignment bundle (*%1)</source>
        <translation>Paczka z przydziałem (*%1)</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>not started</source>
        <translation>nierozpoczęta</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>w toku</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>ukończona</translation>
    </message>
    <message>
        <source>recused</source>
        <translation>wyłączona</translation>
    </message>
    <message numerus="yes">
        <source>%n not started</source>
        <translation>
            <numerusform>%n nierozpoczęta</numerusform>
            <numerusform>%n nierozpoczęte</numerusform>
            <numerusform>%n nierozpoczętych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation>
            <numerusform>%n w toku</numerusform>
            <numerusform>%n w toku</numerusform>
            <numerusform>%n w toku</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complete</source>
        <translation>
            <numerusform>%n ukończona</numerusform>
            <numerusform>%n ukończone</numerusform>
            <numerusform>%n ukończonych</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recused</source>
        <translation>
            <numerusform>%n wyłączona</numerusform>
            <numerusform>%n wyłączone</numerusform>
            <numerusform>%n wyłączonych</numerusform>
        </translation>
    </message>
    <message>
        <source>No criterion scored yet.</source>
        <translation>Nie oceniono jeszcze żadnego kryterium.</translation>
    </message>
    <message>
        <source>Some scores or required justifications are still missing.</source>
        <translation>Brakuje jeszcze części ocen lub wymaganych uzasadnień.</translation>
    </message>
    <message>
        <source>Every criterion is scored and every required justification written.</source>
        <translation>Wszystkie kryteria są ocenione, a wymagane uzasadnienia napisane.</translation>
    </message>
    <message>
        <source>You declared a conflict of interest: this dossier takes no scores from you.</source>
        <translation>Zadeklarowano konflikt interesów: tej teczki nie oceniasz.</translation>
    </message>
    <message>
        <source>Application form</source>
        <translation>Formularz</translation>
    </message>
    <message>
        <source>Quality policy</source>
        <translation>Polityka jakości</translation>
    </message>
    <message>
        <source>Mystery client</source>
        <translation>Tajemniczy klient</translation>
    </message>
    <message>
        <source>External sources</source>
        <translation>Źródła zewnętrzne</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Inne</translation>
    </message>
    <message>
        <source>0–%1</source>
        <translation>0–%1</translation>
    </message>
    <message>
        <source>0–%1 in steps of %2</source>
        <translation>0–%1 co %2</translation>
    </message>
    <message>
        <source>%1 county</source>
        <translation>powiat %1</translation>
    </message>
    <message>
        <source>%1 commune</source>
        <translation>gmina %1</translation>
    </message>
    <message>
        <source>%1 voivodeship</source>
        <translation>województwo %1</translation>
    </message>
</context>
<context>
    <name>NominationDialog</name>
    <message>
        <source>Nominate for a special distinction</source>
        <translation>Nominacja do wyróżnienia specjalnego</translation>
    </message>
    <message>
        <source>Propose &lt;b&gt;%1&lt;/b&gt; for a special distinction. The jury decides at its meeting; your reason helps it.</source>
        <translation>Zaproponuj jednostkę &lt;b&gt;%1&lt;/b&gt; do wyróżnienia specjalnego. Kapituła zdecyduje na posiedzeniu; Twoje uzasadnienie jej w tym pomoże.</translation>
    </message>
    <message>
        <source> (already nominated)</source>
        <translation> (już nominowana)</translation>
    </message>
    <message>
        <source>Why this institution deserves the distinction</source>
        <translation>Dlaczego ta jednostka zasługuje na wyróżnienie</translation>
    </message>
    <message>
        <source>Nominate</source>
        <translation>Nominuj</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Powód:</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>Co najmniej %n znak.</numerusform>
            <numerusform>Co najmniej %n znaki.</numerusform>
            <numerusform>Co najmniej %n znaków.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Your signing key</source>
        <translation>Twój klucz podpisu</translation>
    </message>
    <message>
        <source>Your scores are signed with a key made on this computer. A passphrase protects it.</source>
        <translation>Twoje oceny są podpisywane kluczem utworzonym na tym komputerze. Chroni go hasło.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Remember this passphrase.&lt;/b&gt; Nobody can recover it, not even the organizer. If it is lost, you make a new key and enroll again; your scores stay on this computer.</source>
        <translation>&lt;b&gt;Zapamiętaj to hasło.&lt;/b&gt; Nikt nie może go odzyskać, nawet organizator. W razie jego utraty tworzysz nowy klucz i zgłaszasz się ponownie; Twoje oceny zostają na tym komputerze.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Hasło:</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>Powtórz hasło:</translation>
    </message>
</context>
<context>
    <name>PdfFindBar</name>
    <message>
        <source>Find in this document…</source>
        <translation>Znajdź w tym dokumencie…</translation>
    </message>
    <message>
        <source>Highlights every occurrence in the document (Ctrl+F); Enter goes to the next</source>
        <translation>Wyróżnia każde wystąpienie w dokumencie (Ctrl+F); Enter przechodzi do następnego</translation>
    </message>
    <message>
        <source>Previous occurrence (Shift+F3)</source>
        <translation>Poprzednie wystąpienie (Shift+F3)</translation>
    </message>
    <message>
        <source>Next occurrence (F3)</source>
        <translation>Następne wystąpienie (F3)</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>brak wystąpień</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n wystąpienie</numerusform>
            <numerusform>%n wystąpienia</numerusform>
            <numerusform>%n wystąpień</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 z %n</numerusform>
            <numerusform>%1 z %n</numerusform>
            <numerusform>%1 z %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfToolbar</name>
    <message>
        <source>Previous page</source>
        <translation>Poprzednia strona</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>Przejdź do strony</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Następna strona</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>Pomniejsz (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Powiększenie</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Do szerokości</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Cała strona</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Powiększ (Ctrl++)</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Juror id</source>
        <translation>Identyfikator członka Kapituły</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Odcisk klucza</translation>
    </message>
    <message>
        <source>OpenSSH fingerprint</source>
        <translation>Odcisk OpenSSH</translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation>Folder profilu</translation>
    </message>
    <message>
        <source>My profile and key</source>
        <translation>Mój profil i klucz</translation>
    </message>
    <message>
        <source>Save enrollment file</source>
        <translation>Zapisz plik zgłoszeniowy</translation>
    </message>
    <message>
        <source>The passphrase of your signing key:</source>
        <translation>Hasło Twojego klucza podpisu:</translation>
    </message>
    <message>
        <source>Enrollment file (*%1)</source>
        <translation>Plik zgłoszeniowy (*%1)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Zapisano: %1</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>No dossier open</source>
        <translation>Nie otwarto teczki</translation>
    </message>
    <message>
        <source>Choose a dossier from the list to score it.</source>
        <translation>Wybierz teczkę z listy, aby ją ocenić.</translation>
    </message>
    <message>
        <source>Complete: every criterion is scored and justified where required.</source>
        <translation>Ukończona: wszystkie kryteria ocenione i uzasadnione tam, gdzie to wymagane.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… i jeszcze %n</numerusform>
            <numerusform>… i jeszcze %n</numerusform>
            <numerusform>… i jeszcze %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still missing (%n):</source>
        <translation>
            <numerusform>Do uzupełnienia (%n):</numerusform>
            <numerusform>Do uzupełnienia (%n):</numerusform>
            <numerusform>Do uzupełnienia (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Stage %1: %2 of %3 points</source>
        <translation>Etap %1: %2 z %3 pkt</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n criteria scored</source>
        <translation>
            <numerusform>oceniono %1 z %n kryterium</numerusform>
            <numerusform>oceniono %1 z %n kryteriów</numerusform>
            <numerusform>oceniono %1 z %n kryteriów</numerusform>
        </translation>
    </message>
    <message>
        <source>No weighted total from you: you declared a conflict of interest, so this dossier is excluded from your scoring</source>
        <translation>Bez wyniku ważonego od Ciebie: po zgłoszeniu konfliktu interesów ta teczka jest wyłączona z Twojej oceny</translation>
    </message>
    <message>
        <source>Weighted total: shown when every criterion is scored</source>
        <translation>Wynik ważony: pojawi się po ocenie wszystkich kryteriów</translation>
    </message>
    <message>
        <source>Weighted total: %1% of the maximum</source>
        <translation>Wynik ważony: %1% maksimum</translation>
    </message>
    <message>
        <source>Give the points first: a justification is saved together with its points.</source>
        <translation>Najpierw podaj punkty: uzasadnienie zapisuje się razem z punktami.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all dossiers…</source>
        <translation>Szukaj we wszystkich teczkach…</translation>
    </message>
    <message>
        <source>Finds pages containing every word (beginnings of words are enough; case and Polish diacritics do not matter)</source>
        <translation>Znajduje strony zawierające każde ze słów (wystarczą początki słów; wielkość liter i polskie znaki nie mają znaczenia)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Szukaj</translation>
    </message>
    <message numerus="yes">
        <source>Preparing the documents for searching: %1 of %n…</source>
        <translation>
            <numerusform>Przygotowywanie dokumentów do wyszukiwania: %1 z %n…</numerusform>
            <numerusform>Przygotowywanie dokumentów do wyszukiwania: %1 z %n…</numerusform>
            <numerusform>Przygotowywanie dokumentów do wyszukiwania: %1 z %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n documents can be searched.</source>
        <translation>
            <numerusform>Można przeszukiwać %1 z %n dokumentu.</numerusform>
            <numerusform>Można przeszukiwać %1 z %n dokumentów.</numerusform>
            <numerusform>Można przeszukiwać %1 z %n dokumentów.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searches the text of %n document(s).</source>
        <translation>
            <numerusform>Przeszukuje tekst %n dokumentu.</numerusform>
            <numerusform>Przeszukuje tekst %n dokumentów.</numerusform>
            <numerusform>Przeszukuje tekst %n dokumentów.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2, page %3</source>
        <translation>%1 · %2, strona %3</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) found.</source>
        <translation>
            <numerusform>Znaleziono %n stronę.</numerusform>
            <numerusform>Znaleziono %n strony.</numerusform>
            <numerusform>Znaleziono %n stron.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found yet; the documents are still being prepared for searching.</source>
        <translation>Na razie nic nie znaleziono; dokumenty są jeszcze przygotowywane do wyszukiwania.</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer or shorter words.</source>
        <translation>Nic nie znaleziono. Spróbuj wpisać mniej słów lub krótsze.</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>score %1</source>
        <translation>ocena %1</translation>
    </message>
    <message>
        <source>declare conflict of interest</source>
        <translation>deklaracja konfliktu interesów</translation>
    </message>
    <message>
        <source>withdraw conflict declaration</source>
        <translation>wycofanie deklaracji konfliktu</translation>
    </message>
    <message>
        <source>nominate for a distinction</source>
        <translation>nominacja do wyróżnienia</translation>
    </message>
    <message>
        <source>withdraw nomination</source>
        <translation>wycofanie nominacji</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Witamy</translation>
    </message>
    <message>
        <source>Create my juror profile and signing key</source>
        <translation>Utwórz mój profil członka Kapituły i klucz podpisu</translation>
    </message>
    <message>
        <source>Just look around: open the demo edition</source>
        <translation>Chcę się tylko rozejrzeć: otwórz edycję demonstracyjną</translation>
    </message>
    <message>
        <source>This program lets you read the dossiers of the “Przyjazny Urząd” competition, score them with justifications, and send your signed scores to the organizer. It works without the Internet; your work is saved as you type.</source>
        <translation>Program służy do czytania teczek zgłoszeniowych konkursu „Przyjazny Urząd”, oceniania ich z uzasadnieniem i wysyłania podpisanych ocen organizatorowi. Działa bez internetu; Twoja praca zapisuje się na bieżąco.</translation>
    </message>
    <message>
        <source>You will need a few minutes and a passphrase you can remember.</source>
        <translation>Potrzebujesz kilku minut i hasła, które zapamiętasz.</translation>
    </message>
    <message>
        <source>A made-up edition with a few dossiers, for trying things out.</source>
        <translation>Zmyślona edycja z kilkoma teczkami, do wypróbowania programu.</translation>
    </message>
</context>
</TS>
