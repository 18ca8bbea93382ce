<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>AgreementView</name>
    <message>
        <source>Criterion</source>
        <translation>Kryterium</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Teczki</translation>
    </message>
    <message>
        <source>Criterion name</source>
        <translation>Nazwa kryterium</translation>
    </message>
    <message>
        <source>Dossiers with points from at least two jurors</source>
        <translation>Teczki z punktami co najmniej dwóch członków Kapituły</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>α Krippendorffa</translation>
    </message>
    <message>
        <source>Interval metric; 1 = full agreement, 0 = no better than chance. Below 0.667 (shown in amber) conclusions are doubtful.</source>
        <translation>Metryka przedziałowa; 1 = pełna zgodność, 0 = nie lepiej niż przypadek. Poniżej 0,667 (na bursztynowo) wnioski są wątpliwe.</translation>
    </message>
    <message>
        <source>ICC(1,1)</source>
        <translation>ICC(1,1)</translation>
    </message>
    <message>
        <source>One-way ICC: how reliable one juror&apos;s points are</source>
        <translation>Jednoczynnikowy ICC: rzetelność punktów jednego członka Kapituły</translation>
    </message>
    <message>
        <source>ICC(1,k)</source>
        <translation>ICC(1,k)</translation>
    </message>
    <message>
        <source>One-way ICC: how reliable the mean of the dossier&apos;s jurors is</source>
        <translation>Jednoczynnikowy ICC: rzetelność średniej oceniających teczkę</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Jurors per dossier (the mean used by ICC(1,k))</source>
        <translation>Oceniający na teczkę (średnia użyta w ICC(1,k))</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>wynik z</translation>
    </message>
    <message>
        <source>kept raw (fewer than 2 totals)</source>
        <translation>bez zmian (mniej niż 2 wyniki)</translation>
    </message>
    <message>
        <source>pooled mean (no spread)</source>
        <translation>średnia łączna (brak rozrzutu)</translation>
    </message>
    <message>
        <source>Juror</source>
        <translation>Członek Kapituły</translation>
    </message>
    <message>
        <source>Dossiers compared</source>
        <translation>Porównane teczki</translation>
    </message>
    <message>
        <source>Mean deviation (pp)</source>
        <translation>Średnie odchylenie (pp)</translation>
    </message>
    <message>
        <source>The juror&apos;s weighted total minus the co-jurors&apos; on the same dossiers, in percentage points: + more lenient, − stricter</source>
        <translation>Wynik ważony członka Kapituły minus wynik pozostałych oceniających te same teczki, w punktach procentowych: + łagodniej, − surowiej</translation>
    </message>
    <message>
        <source>Mean absolute deviation (pp)</source>
        <translation>Średnie odchylenie
bezwzględne (pp)</translation>
    </message>
    <message>
        <source>Normalisation</source>
        <translation>Normalizacja</translation>
    </message>
    <message>
        <source>Each dossier has its own jurors, so agreement is measured with coefficients that allow it: Krippendorff&apos;s α (interval) and the one-way ICC. Values near 1 mean the jurors agree; amber marks values below 0.667.</source>
        <translation>Każdą teczkę oceniają inni członkowie Kapituły, dlatego zgodność mierzą współczynniki, które to dopuszczają: α Krippendorffa (przedziałowa) i jednoczynnikowy ICC. Wartości bliskie 1 oznaczają zgodne oceny; kolor bursztynowy oznacza wartości poniżej 0,667.</translation>
    </message>
    <message>
        <source>Agreement per criterion</source>
        <translation>Zgodność w kryteriach</translation>
    </message>
    <message>
        <source>Juror leniency</source>
        <translation>Łagodność członków Kapituły</translation>
    </message>
    <message>
        <source>Score distribution per criterion</source>
        <translation>Rozkład ocen w kryteriach</translation>
    </message>
    <message>
        <source>% of the criterion&apos;s maximum</source>
        <translation>% maksimum kryterium</translation>
    </message>
    <message>
        <source>No scores merged yet</source>
        <translation>Nie scalono jeszcze żadnych ocen</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>średnia</translation>
    </message>
    <message>
        <source>mean deviation from co-jurors (percentage points)</source>
        <translation>średnie odchylenie od pozostałych oceniających (pp)</translation>
    </message>
    <message>
        <source>No dossier scored by two jurors yet</source>
        <translation>Żadnej teczki nie oceniło jeszcze dwóch członków Kapituły</translation>
    </message>
    <message>
        <source>more lenient</source>
        <translation>łagodniej</translation>
    </message>
    <message>
        <source>stricter</source>
        <translation>surowiej</translation>
    </message>
</context>
<context>
    <name>AlarmsDialog</name>
    <message>
        <source>Alarms</source>
        <translation>Alarmy</translation>
    </message>
    <message>
        <source>An alarm means a juror&apos;s own signed packages contradict each other. While it is open, no package of that juror is merged. Clarify it with the juror (by phone), then resolve it here: say who decides, why, and which package is to be trusted.</source>
        <translation>Alarm oznacza, że podpisane paczki członka Kapituły przeczą sobie nawzajem. Dopóki alarm jest otwarty, żadna paczka tego członka Kapituły nie jest scalana. Wyjaśnij sprawę z członkiem Kapituły (telefonicznie), a potem rozstrzygnij alarm tutaj: kto decyduje, dlaczego i której paczce należy ufać.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Juror</source>
        <translation>Członek Kapituły</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Co się stało</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Podniesiony</translation>
    </message>
    <message>
        <source>Name and surname</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>What the juror explained, and why this package (or neither) is trusted</source>
        <translation>Co wyjaśnił członek Kapituły i dlaczego uznajesz tę paczkę (albo żadną)</translation>
    </message>
    <message>
        <source>Trust neither package (the merged data stays as it is)</source>
        <translation>Nie uznawaj żadnej paczki (scalone dane zostają bez zmian)</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Decyduje:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Powód:</translation>
    </message>
    <message>
        <source>Trusted package:</source>
        <translation>Uznana paczka:</translation>
    </message>
    <message>
        <source>Resolve the alarm</source>
        <translation>Rozstrzygnij alarm</translation>
    </message>
    <message>
        <source>Resolving…</source>
        <translation>Rozstrzyganie…</translation>
    </message>
    <message>
        <source>Alarm %1 resolved.</source>
        <translation>Alarm nr %1 rozstrzygnięty.</translation>
    </message>
    <message numerus="yes">
        <source>The trusted package was merged: %n score(s) written.</source>
        <translation>
            <numerusform>Uznaną paczkę scalono: zapisano %n ocenę.</numerusform>
            <numerusform>Uznaną paczkę scalono: zapisano %n oceny.</numerusform>
            <numerusform>Uznaną paczkę scalono: zapisano %n ocen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Juror %1 still has %n open alarm(s): their packages stay held.</source>
        <translation>
            <numerusform>Członek Kapituły %1 ma jeszcze %n otwarty alarm: jego paczki pozostają wstrzymane.</numerusform>
            <numerusform>Członek Kapituły %1 ma jeszcze %n otwarte alarmy: jego paczki pozostają wstrzymane.</numerusform>
            <numerusform>Członek Kapituły %1 ma jeszcze %n otwartych alarmów: jego paczki pozostają wstrzymane.</numerusform>
        </translation>
    </message>
    <message>
        <source>Juror %1&apos;s packages can be imported again.</source>
        <translation>Paczki członka Kapituły %1 można znów importować.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the work; the details were written to the log file. Nothing was changed.</source>
        <translation>Nieoczekiwany błąd przerwał pracę; szczegóły zapisano w dzienniku programu. Niczego nie zmieniono.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>otwarty</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>rozstrzygnięty</translation>
    </message>
    <message>
        <source>Trust package %1: %2… (revision %3, %4)</source>
        <translation>Uznaj paczkę %1: %2… (wersja %3, %4)</translation>
    </message>
    <message>
        <source>No alarm has been raised in this edition.</source>
        <translation>W tej edycji nie podniesiono żadnego alarmu.</translation>
    </message>
    <message>
        <source>Alarm %1</source>
        <translation>Alarm nr %1</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paczka</translation>
    </message>
    <message>
        <source>Manifest SHA-256</source>
        <translation>SHA-256 manifestu</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Teraz</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Zaimportowana</translation>
    </message>
    <message>
        <source>Until this alarm is resolved, every package of this juror is held.</source>
        <translation>Dopóki ten alarm nie zostanie rozstrzygnięty, każda paczka tego członka Kapituły jest wstrzymana.</translation>
    </message>
    <message>
        <source>Neither package was trusted.</source>
        <translation>Nie uznano żadnej paczki.</translation>
    </message>
    <message>
        <source>Package %1 was trusted.</source>
        <translation>Uznano paczkę %1.</translation>
    </message>
    <message>
        <source>It was merged by the resolution.</source>
        <translation>Scalono ją przy rozstrzygnięciu.</translation>
    </message>
    <message>
        <source>Resolved %1 by %2.</source>
        <translation>Rozstrzygnięty %1 przez: %2.</translation>
    </message>
    <message>
        <source>Click to see the alarms and resolve them</source>
        <translation>Kliknij, aby zobaczyć alarmy i je rozstrzygnąć</translation>
    </message>
</context>
<context>
    <name>AssignmentModel</name>
    <message>
        <source>assigned by the plan (not sent yet)</source>
        <translation>przydzielona przez plan (jeszcze niewysłana)</translation>
    </message>
    <message>
        <source>assigned by hand (not sent yet)</source>
        <translation>przydzielona ręcznie (jeszcze niewysłana)</translation>
    </message>
    <message>
        <source>issued in a bundle</source>
        <translation>wysłana w paczce z przydziałem</translation>
    </message>
    <message>
        <source>scored</source>
        <translation>oceniona</translation>
    </message>
    <message>
        <source>recused (conflict declared by the juror)</source>
        <translation>wyłączenie (konflikt zgłoszony przez członka Kapituły)</translation>
    </message>
    <message>
        <source>barred by a known conflict of interest</source>
        <translation>wykluczona przez znany konflikt interesów</translation>
    </message>
    <message>
        <source>taken away by hand</source>
        <translation>odebrana ręcznie</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>nieprzydzielona</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>zaplanowana</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>ręcznie</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>wysłana</translation>
    </message>
    <message>
        <source>recused</source>
        <translation>wyłączenie</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>konflikt</translation>
    </message>
    <message>
        <source>taken away</source>
        <translation>odebrana</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Teczka</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Jurors</source>
        <translation>Osoby</translation>
    </message>
    <message>
        <source>The dossier&apos;s id; a warning sign when one of its constraints is not met</source>
        <translation>Identyfikator teczki; znak ostrzegawczy, gdy któryś z jej warunków nie jest spełniony</translation>
    </message>
    <message>
        <source>The applicant institution</source>
        <translation>Jednostka zgłaszająca</translation>
    </message>
    <message>
        <source>The dossier&apos;s category</source>
        <translation>Kategoria teczki</translation>
    </message>
    <message>
        <source>Jurors who count towards the number each dossier needs (recusals do not), of that number</source>
        <translation>Członkowie Kapituły liczeni do wymaganej liczby oceniających (wyłączenia się nie liczą) / ta liczba</translation>
    </message>
    <message>
        <source>left</source>
        <translation>poza Kapitułą</translation>
    </message>
    <message>
        <source>no bundle yet</source>
        <translation>jeszcze bez paczki</translation>
    </message>
    <message numerus="yes">
        <source>Load: %n dossier(s)</source>
        <translation>
            <numerusform>Obciążenie: %n teczka</numerusform>
            <numerusform>Obciążenie: %n teczki</numerusform>
            <numerusform>Obciążenie: %n teczek</numerusform>
        </translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Status: w Kapitule</translation>
    </message>
    <message>
        <source>Left the jury: %1</source>
        <translation>Status: poza Kapitułą (%1)</translation>
    </message>
    <message>
        <source>Left the jury</source>
        <translation>Status: poza Kapitułą</translation>
    </message>
    <message>
        <source>Categories covered: %1</source>
        <translation>Obejmowane kategorie: %1</translation>
    </message>
    <message>
        <source>Categories covered: none set</source>
        <translation>Obejmowane kategorie: nie ustalono</translation>
    </message>
    <message>
        <source>Latest bundle: revision %1</source>
        <translation>Ostatnia paczka: wersja %1</translation>
    </message>
    <message>
        <source>Latest bundle: %1</source>
        <translation>Ostatnia paczka: %1</translation>
    </message>
    <message>
        <source>issued in bundle revision %1</source>
        <translation>wysłana w paczce w wersji %1</translation>
    </message>
    <message>
        <source>Cannot be assigned: a known conflict of interest with this institution.</source>
        <translation>Nie można przydzielić: znany konflikt interesów z tą jednostką.</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Konflikt: %1</translation>
    </message>
    <message>
        <source>Later plans do not give it back to this juror; assigning it by hand lifts that.</source>
        <translation>Kolejne plany nie przydzielą jej z powrotem tej osobie; ręczne przydzielenie znosi tę blokadę.</translation>
    </message>
    <message>
        <source>This juror left the jury.</source>
        <translation>Ta osoba jest już poza Kapitułą.</translation>
    </message>
    <message>
        <source>%1 of %2 jurors counted</source>
        <translation>liczy się %1 z %2 oceniających</translation>
    </message>
</context>
<context>
    <name>AssignmentProblems</name>
    <message>
        <source>Not met</source>
        <translation>Niespełnione</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Granica</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Twoja decyzja</translation>
    </message>
</context>
<context>
    <name>AssignmentScreen</name>
    <message>
        <source>Plan…</source>
        <translation>Zaplanuj…</translation>
    </message>
    <message>
        <source>Plan the assignment: preview what is kept, added and released, then apply</source>
        <translation>Zaplanuj przydział: zobacz, co zostaje, co dochodzi i co jest zwalniane, potem zapisz</translation>
    </message>
    <message>
        <source>Only dossiers with problems</source>
        <translation>Tylko teczki z problemami</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategoria:</translation>
    </message>
    <message>
        <source>Juror:</source>
        <translation>Członek Kapituły:</translation>
    </message>
    <message>
        <source>All jurors</source>
        <translation>Wszyscy członkowie</translation>
    </message>
    <message>
        <source>a constraint is not met</source>
        <translation>warunek niespełniony</translation>
    </message>
    <message>
        <source>%1 of %2 dossiers shown</source>
        <translation>Widać %1 z %2 teczek</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Niczego nie zmieniono</translation>
    </message>
    <message>
        <source>%1 assigned to %2 by hand.</source>
        <translation>Teczkę %1 przydzielono ręcznie: %2.</translation>
    </message>
    <message>
        <source>%1 taken away from %2.</source>
        <translation>Teczkę %1 odebrano: %2.</translation>
    </message>
    <message>
        <source>%1: the juror&apos;s merged package holds work on this dossier (scores, a status or a nomination). Taking the dossier away deletes that work from the edition database; the packages stay as evidence. The juror&apos;s bundle becomes out of date, and a later plan gives the dossier to someone else.</source>
        <translation>%1: scalona paczka ocen tej osoby zawiera pracę nad tą teczką (oceny, stan albo nominację). Odebranie teczki usunie tę pracę z bazy edycji; paczki zostają jako dowód. Paczka z przydziałem tej osoby stanie się nieaktualna, a kolejny plan przydzieli teczkę komuś innemu.</translation>
    </message>
    <message>
        <source>I confirm: take the dossier away and delete the juror&apos;s work on it</source>
        <translation>Potwierdzam: odebrać teczkę i usunąć pracę tej osoby nad nią</translation>
    </message>
    <message>
        <source>%1: the juror declared a conflict of interest with this dossier. Taking the assignment away deletes that declaration from the edition database (the package stays as evidence).</source>
        <translation>%1: ta osoba zgłosiła konflikt interesów z tą teczką. Odebranie przydziału usunie to zgłoszenie z bazy edycji (paczka zostaje jako dowód).</translation>
    </message>
    <message>
        <source>I confirm: take the assignment away and delete the recusal</source>
        <translation>Potwierdzam: odebrać przydział i usunąć wyłączenie</translation>
    </message>
    <message>
        <source>%1: the dossier went out in the juror&apos;s bundle (revision %2). Taking it away makes that bundle out of date: issue a new revision so the juror&apos;s app drops it. A later plan does not give it back to this juror.</source>
        <translation>%1: teczka została wysłana w paczce z przydziałem (wersja %2). Odebranie jej sprawi, że paczka będzie nieaktualna: wydaj nową wersję, aby program tej osoby ją usunął. Kolejny plan nie przydzieli jej z powrotem tej osobie.</translation>
    </message>
    <message>
        <source>I confirm: take the sent dossier away from the juror</source>
        <translation>Potwierdzam: odebrać wysłaną teczkę</translation>
    </message>
    <message>
        <source>%1 needs a new bundle revision.</source>
        <translation>%1 potrzebuje nowej wersji paczki.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of merged work removed.</source>
        <translation>
            <numerusform>Usunięto %n wiersz scalonej pracy.</numerusform>
            <numerusform>Usunięto %n wiersze scalonej pracy.</numerusform>
            <numerusform>Usunięto %n wierszy scalonej pracy.</numerusform>
        </translation>
    </message>
    <message>
        <source>Returned to the jury</source>
        <translation>Powrót do Kapituły</translation>
    </message>
    <message>
        <source>%1 is available again and the next plan may give them dossiers. Assignments released while they were away are not given back.</source>
        <translation>%1: ta osoba znów jest dostępna i kolejny plan może jej przydzielić teczki. Przydziały zwolnione pod jej nieobecność nie wracają.</translation>
    </message>
    <message>
        <source>Categories covered by %1…</source>
        <translation>Kategorie obejmowane przez %1…</translation>
    </message>
    <message>
        <source>%1 left the jury…</source>
        <translation>%1: odejście z Kapituły…</translation>
    </message>
    <message>
        <source>%1 returned to the jury</source>
        <translation>%1: powrót do Kapituły</translation>
    </message>
    <message>
        <source>Show only the dossiers of %1</source>
        <translation>Pokaż tylko teczki %1</translation>
    </message>
    <message>
        <source>Take %1 away from %2</source>
        <translation>Odbierz %1: %2</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>Przydziel %1: %2</translation>
    </message>
    <message>
        <source>Plan saved: kept %1, added %2, released %3.</source>
        <translation>Zapisano plan. Zostaje: %1, dochodzi: %2, zwolnione: %3.</translation>
    </message>
    <message>
        <source>New bundle revisions needed for: %1.</source>
        <translation>Nowe wersje paczek potrzebne dla: %1.</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <source>Award a special distinction</source>
        <translation>Przyznaj wyróżnienie specjalne</translation>
    </message>
    <message>
        <source>The organizer decides; the jurors&apos; nominations are advice. The decision is recorded with your name.</source>
        <translation>Decyduje organizator; nominacje członków Kapituły są rekomendacją. Decyzja zostanie zapisana z Twoim nazwiskiem.</translation>
    </message>
    <message>
        <source>optional, e.g. the Kapituła&apos;s justification</source>
        <translation>opcjonalnie, np. uzasadnienie Kapituły</translation>
    </message>
    <message>
        <source>Distinction:</source>
        <translation>Wyróżnienie:</translation>
    </message>
    <message>
        <source>Dossier:</source>
        <translation>Teczka:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Uwaga:</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Osoba decydująca:</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories covered by %1</source>
        <translation>Kategorie obejmowane przez %1</translation>
    </message>
    <message>
        <source>A plan made with &quot;only jurors who cover the category&quot; gives this juror only dossiers of the ticked categories. Assignments already made stay; the problems list names those outside the categories.</source>
        <translation>Plan z opcją „tylko osoby obejmujące kategorię” przydzieli tej osobie wyłącznie teczki zaznaczonych kategorii. Istniejące przydziały zostają; lista problemów wskaże te spoza kategorii.</translation>
    </message>
</context>
<context>
    <name>CategoryCombo</name>
    <message>
        <source>All categories</source>
        <translation>Wszystkie kategorie</translation>
    </message>
</context>
<context>
    <name>CompletenessView</name>
    <message>
        <source>no package yet</source>
        <translation>brak paczki</translation>
    </message>
    <message>
        <source>Juror</source>
        <translation>Członek Kapituły</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Postęp</translation>
    </message>
    <message>
        <source>Dossiers complete or recused, of those assigned</source>
        <translation>Teczki ukończone lub z wyłączeniem, spośród przydzielonych</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Przydzielone</translation>
    </message>
    <message>
        <source>Latest revision</source>
        <translation>Ostatnia wersja</translation>
    </message>
    <message>
        <source>Package made</source>
        <translation>Paczka utworzona</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Zaimportowana</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Teczka</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <source>Jurors who completed the dossier or recused themselves</source>
        <translation>Członkowie Kapituły, którzy ukończyli ocenę teczki albo się wyłączyli</translation>
    </message>
    <message>
        <source>Each cell: the juror&apos;s state on a dossier assigned to them.</source>
        <translation>Każda komórka: stan oceny przydzielonej teczki u danego członka Kapituły.</translation>
    </message>
    <message>
        <source>Jurors: progress and the latest package merged</source>
        <translation>Członkowie Kapituły: postęp i ostatnia scalona paczka</translation>
    </message>
    <message>
        <source>Dossiers × jurors</source>
        <translation>Teczki × członkowie Kapituły</translation>
    </message>
    <message>
        <source>Packages merged from %1 of %2 jurors.</source>
        <translation>Scalono paczki od %1 z %2 członków Kapituły.</translation>
    </message>
    <message>
        <source>Still missing: %1.</source>
        <translation>Brakuje jeszcze: %1.</translation>
    </message>
    <message>
        <source>ALARM — juror %1 (%2): the package with revision %3 does not continue the merged edit log (noticed %4). It is kept as evidence; clarify it with the juror.</source>
        <translation>ALARM — członek Kapituły %1 (%2): paczka w wersji %3 nie kontynuuje scalonego dziennika zmian (zauważono %4). Zachowano ją jako dowód; wyjaśnij to z członkiem Kapituły.</translation>
    </message>
    <message>
        <source>ALARM — juror %1 (%2) signed two different packages with revision %3 (noticed %4). Both are kept as evidence; clarify it with the juror.</source>
        <translation>ALARM — dwie różne paczki o wersji %3 podpisane kluczem członka Kapituły %1 (%2), wykryto %4. Obie zachowano jako dowód; wyjaśnij to z tą osobą.</translation>
    </message>
</context>
<context>
    <name>DecisionsView</name>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Miejsce</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Total %</source>
        <translation>Wynik %</translation>
    </message>
    <message>
        <source>Stage %1 %</source>
        <translation>Etap %1 %</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Ukończone</translation>
    </message>
    <message>
        <source>Jurors who marked the dossier complete</source>
        <translation>Członkowie Kapituły, którzy oznaczyli ocenę teczki jako ukończoną</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>Certyfikacja</translation>
    </message>
    <message>
        <source>Distinctions awarded</source>
        <translation>Przyznane wyróżnienia</translation>
    </message>
    <message>
        <source>awarded</source>
        <translation>przyznane</translation>
    </message>
    <message>
        <source>Distinction</source>
        <translation>Wyróżnienie</translation>
    </message>
    <message>
        <source>Nominations</source>
        <translation>Nominacje</translation>
    </message>
    <message>
        <source>Nominated by</source>
        <translation>Nominacje od</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decyzja</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Uzasadnienia</translation>
    </message>
    <message>
        <source>Lock the results for printing…</source>
        <translation>Zablokuj wyniki do druku…</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Odblokuj…</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategoria:</translation>
    </message>
    <message>
        <source>Ranking per category and certification</source>
        <translation>Ranking w kategoriach i certyfikacja</translation>
    </message>
    <message>
        <source>Award the selected</source>
        <translation>Przyznaj zaznaczone</translation>
    </message>
    <message>
        <source>Withdraw the selected</source>
        <translation>Wycofaj zaznaczone</translation>
    </message>
    <message>
        <source>Award to any dossier…</source>
        <translation>Przyznaj dowolnej teczce…</translation>
    </message>
    <message>
        <source>Special distinctions: the jurors&apos; nominations and your decisions</source>
        <translation>Wyróżnienia specjalne: nominacje członków Kapituły i decyzje organizatora</translation>
    </message>
    <message numerus="yes">
        <source>Certified: %n dossier(s)</source>
        <translation>
            <numerusform>Certyfikat: %n teczka</numerusform>
            <numerusform>Certyfikat: %n teczki</numerusform>
            <numerusform>Certyfikat: %n teczek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>incomplete assessment: %n</source>
        <translation>
            <numerusform>ocena niekompletna: %n</numerusform>
            <numerusform>ocena niekompletna: %n</numerusform>
            <numerusform>ocena niekompletna: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>stage %1 ≥ %2%</source>
        <translation>etap %1 ≥ %2%</translation>
    </message>
    <message>
        <source>Certification rule: weighted total ≥ %1%</source>
        <translation>Zasada certyfikacji: wynik ważony ≥ %1%</translation>
    </message>
    <message numerus="yes">
        <source>at least %n juror(s) marked the dossier complete.</source>
        <translation>
            <numerusform>co najmniej %n członek Kapituły ukończył ocenę teczki.</numerusform>
            <numerusform>co najmniej %n członków Kapituły ukończyło ocenę teczki.</numerusform>
            <numerusform>co najmniej %n członków Kapituły ukończyło ocenę teczki.</numerusform>
        </translation>
    </message>
    <message>
        <source>The results are open: imports and decisions are allowed.</source>
        <translation>Wyniki są otwarte: można importować paczki i podejmować decyzje.</translation>
    </message>
    <message>
        <source>Locked for printing by %1 on %2. Imports, the threshold and distinctions are refused until the results are unlocked.</source>
        <translation>Wyniki zablokowano do druku: %1, %2. Import paczek, zmiana progu i wyróżnienia są odrzucane, dopóki wyniki nie zostaną odblokowane.</translation>
    </message>
    <message>
        <source>Withdraw the distinction</source>
        <translation>Wycofanie wyróżnienia</translation>
    </message>
    <message>
        <source>Withdraw “%1” from %2?</source>
        <translation>Wycofać wyróżnienie „%1” dla: %2?</translation>
    </message>
    <message>
        <source>The distinction was not withdrawn</source>
        <translation>Nie wycofano wyróżnienia</translation>
    </message>
</context>
<context>
    <name>JurorPanel</name>
    <message>
        <source>Juror</source>
        <translation>Członek Kapituły</translation>
    </message>
    <message>
        <source>Choose a cell or a column to see its juror here.</source>
        <translation>Wybierz komórkę lub kolumnę, aby zobaczyć tu jej członka Kapituły.</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>Kategorie…</translation>
    </message>
    <message>
        <source>Left the jury…</source>
        <translation>Odejście z Kapituły…</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Powrót do Kapituły</translation>
    </message>
</context>
<context>
    <name>LeftDialog</name>
    <message>
        <source>%1 left the jury</source>
        <translation>%1: odejście z Kapituły</translation>
    </message>
    <message>
        <source>No dossier can be assigned to a juror who left. The next plan releases their work that nobody scored and gives it to others; dossiers they already scored stay and wait for your decision.</source>
        <translation>Osobie spoza Kapituły nie można przydzielać teczek. Kolejny plan zwolni jej nieocenione przydziały i da je innym; teczki już przez nią ocenione zostają i czekają na Twoją decyzję.</translation>
    </message>
    <message>
        <source>e.g. resigned from the jury for health reasons</source>
        <translation>np. rezygnacja z udziału w Kapitule ze względów zdrowotnych</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Powód:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Imię i nazwisko:</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Lock the results for printing</source>
        <translation>Blokada wyników do druku</translation>
    </message>
    <message>
        <source>Locking freezes the results for printing: imports, the threshold and distinctions are refused until the results are unlocked (with a reason). Who is locking them?</source>
        <translation>Blokada zamraża wyniki do druku: import paczek, zmiana progu i wyróżnienia będą odrzucane do czasu odblokowania (z podaniem powodu). Kto blokuje wyniki?</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Imię i nazwisko:</translation>
    </message>
</context>
<context>
    <name>OrganizerActions</name>
    <message>
        <source>&amp;Import score packages…</source>
        <translation>&amp;Importuj paczki ocen…</translation>
    </message>
    <message>
        <source>Check and merge the jurors&apos; score packages (.pu-scores)</source>
        <translation>Sprawdź i scal paczki ocen członków Kapituły (.pu-scores)</translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation>&amp;Eksportuj wyniki…</translation>
    </message>
    <message>
        <source>Save the results as CSV for Excel or as JSON (as “juror-app results” does)</source>
        <translation>Zapisz wyniki jako CSV dla Excela albo jako JSON (tak jak „juror-app results”)</translation>
    </message>
    <message>
        <source>&amp;Refresh the results</source>
        <translation>&amp;Odśwież wyniki</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <source>&amp;Printouts</source>
        <translation>&amp;Wydruki</translation>
    </message>
    <message>
        <source>&amp;Protocol of the jury meeting…</source>
        <translation>&amp;Protokół posiedzenia Kapituły…</translation>
    </message>
    <message>
        <source>&amp;Summaries per institution…</source>
        <translation>&amp;Zestawienie ocen jednostek…</translation>
    </message>
    <message>
        <source>&amp;Ranking per category…</source>
        <translation>&amp;Ranking według kategorii…</translation>
    </message>
    <message>
        <source>The jurors&apos; &amp;score sheets…</source>
        <translation>&amp;Karty oceny członków Kapituły…</translation>
    </message>
    <message>
        <source>Laureates, special distinctions, the packages merged and the data code</source>
        <translation>Laureaci, wyróżnienia specjalne, scalone paczki i kod danych</translation>
    </message>
    <message>
        <source>Each institution on its own page: the jurors&apos; points, a chart, the decision</source>
        <translation>Każda jednostka na osobnej stronie: punkty członków Kapituły, wykres, decyzja</translation>
    </message>
    <message>
        <source>The ranking of each category, with a chart</source>
        <translation>Ranking każdej kategorii, z wykresem</translation>
    </message>
    <message>
        <source>One sheet per juror, to be signed at the meeting</source>
        <translation>Karta każdego członka Kapituły, do podpisu na posiedzeniu</translation>
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
        <source>&amp;How the organizer works</source>
        <translation>&amp;Jak działa strona organizatora</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Skróty klawiszowe</translation>
    </message>
    <message>
        <source>&amp;About juror-app</source>
        <translation>&amp;O programie juror-app</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Główny pasek narzędzi</translation>
    </message>
</context>
<context>
    <name>OrganizerHelp</name>
    <message>
        <source>The edition database</source>
        <translation>Baza edycji</translation>
    </message>
    <message>
        <source>This window works on one edition database (a .sqlite file); the status line at the bottom names it, and one database can be open in only one window at a time. Setting up an edition — categories and criteria, applicants and their documents, the jurors, the assignment and the jurors&apos; bundles — is not done in this window yet: today “juror-app demo” makes a complete demo edition, and “juror-app --demo --role organizer” opens one.</source>
        <translation>To okno pracuje na jednej bazie edycji (plik .sqlite); nazywa ją wiersz stanu na dole, a jedną bazę można mieć otwartą tylko w jednym oknie naraz. Przygotowanie edycji — kategorii i kryteriów, uczestników i ich dokumentów, członków Kapituły, przydziału i paczek przydziału — nie odbywa się jeszcze w tym oknie: dziś pełną edycję demonstracyjną tworzy „juror-app demo”, a „juror-app --demo --role organizer” ją otwiera.</translation>
    </message>
    <message>
        <source>1. Import the jurors&apos; score packages</source>
        <translation>1. Import paczek ocen członków Kapituły</translation>
    </message>
    <message>
        <source>File → Import score packages (or drop .pu-scores files or a folder on the window). Every file is checked first — signature, contents, roster, edition, the bundle it was made against, revision history — and nothing changes while checking. The preview says per file: new, update (with every change, old → new), already imported, stale, refused with the reason, or an ALARM when one juror signed two different packages with the same revision.</source>
        <translation>Plik → Importuj paczki ocen (albo upuść pliki .pu-scores lub folder na okno). Każdy plik jest najpierw sprawdzany — podpis, zawartość, skład Kapituły, edycja, paczka przydziału, z której powstał, historia wersji — a sprawdzanie niczego nie zmienia. Podgląd mówi o każdym pliku: nowa, aktualizacja (z każdą zmianą: było → jest), już zaimportowana, nieaktualna, odrzucona z powodem albo ALARM, gdy dwie różne paczki o tej samej wersji podpisał ten sam członek Kapituły.</translation>
    </message>
    <message>
        <source>“Merge” applies every acceptable file in one transaction; “Cancel” changes nothing. The packages are kept beside the database as evidence. Importing the same files again changes nothing.</source>
        <translation>„Scal” zapisuje wszystkie poprawne pliki w jednej transakcji; „Anuluj” niczego nie zmienia. Paczki są przechowywane obok bazy jako dowód. Ponowny import tych samych plików niczego nie zmienia.</translation>
    </message>
    <message>
        <source>2. See who is missing and where the jurors disagree</source>
        <translation>2. Kogo brakuje i gdzie oceny się rozchodzą</translation>
    </message>
    <message>
        <source>Completeness: each juror&apos;s progress and latest package, and the dossiers × jurors matrix. Results: every dossier with its stage subtotals, weighted total and certification; for the selected dossier each juror&apos;s points per criterion with the mean, median, trimmed mean, standard deviation and range. A criterion is flagged for discussion when its range is above the disagreement threshold, which you may change; “To discuss at the meeting” lists them all.</source>
        <translation>Kompletność: postęp i ostatnia paczka każdego członka Kapituły oraz tabela teczki × członkowie Kapituły. Wyniki: każda teczka z wynikami etapów, wynikiem ważonym i certyfikacją; dla zaznaczonej teczki punkty każdego oceniającego w każdym kryterium ze średnią, medianą, średnią przyciętą, odchyleniem standardowym i rozstępem. Kryterium trafia do omówienia, gdy rozstęp przekracza próg rozbieżności, który można zmienić; wszystkie takie kryteria zbiera lista „Do omówienia na posiedzeniu”.</translation>
    </message>
    <message>
        <source>Agreement: Krippendorff&apos;s α and the one-way ICC per criterion, and how lenient or strict each juror is compared with the co-jurors of the same dossiers.</source>
        <translation>Zgodność: α Krippendorffa i jednoczynnikowy ICC dla każdego kryterium oraz łagodność lub surowość każdego członka Kapituły w porównaniu z pozostałymi oceniającymi te same teczki.</translation>
    </message>
    <message>
        <source>3. Rankings and decisions</source>
        <translation>3. Rankingi i decyzje</translation>
    </message>
    <message>
        <source>Rankings: per category, by the weighted total; “Normalise” adds the ranking after normalising each juror&apos;s scores beside it and highlights every place that changes. The raw ranking stays the official one.</source>
        <translation>Rankingi: w każdej kategorii, według wyniku ważonego; „Normalizuj” dodaje obok ranking po normalizacji ocen każdego członka Kapituły i wyróżnia każde zmienione miejsce. Oficjalny pozostaje ranking bez normalizacji.</translation>
    </message>
    <message>
        <source>Decisions: certification by the edition&apos;s rule, and the special distinctions: the jurors&apos; nominations, and your decision, recorded with your name.</source>
        <translation>Decyzje: certyfikacja według zasady edycji oraz wyróżnienia specjalne: nominacje członków Kapituły i decyzja organizatora, zapisywana z imieniem i nazwiskiem osoby decydującej.</translation>
    </message>
    <message>
        <source>4. Lock, print, export</source>
        <translation>4. Blokada, wydruki, eksport</translation>
    </message>
    <message>
        <source>Decisions → “Lock the results for printing” freezes them: imports, the threshold and distinctions are refused until they are unlocked with a reason, which is kept in the lock history. Printouts made while the results are not locked say “working copy” on every page.</source>
        <translation>Decyzje → „Zablokuj wyniki do druku…” zamraża wyniki: import paczek, zmiana progu i wyróżnienia są odrzucane do czasu odblokowania z podaniem powodu, który zostaje w historii blokady. Wydruki zrobione, gdy wyniki nie są zablokowane, mają na każdej stronie napis „wersja robocza”.</translation>
    </message>
    <message>
        <source>Printouts: the protocol of the jury meeting, a summary per institution, the ranking per category and the jurors&apos; score sheets — previewed, then printed or saved as PDF; every page carries the code of the data it was made from.</source>
        <translation>Wydruki: protokół posiedzenia Kapituły, zestawienie dla każdej jednostki, ranking w każdej kategorii i karty oceny członków Kapituły — z podglądem, potem do druku albo zapisu jako PDF; każda strona nosi kod danych, z których powstała.</translation>
    </message>
    <message>
        <source>File → Export results: CSV for Excel or JSON, the same file as “juror-app results” writes.</source>
        <translation>Plik → Eksportuj wyniki: CSV dla Excela albo JSON, ten sam plik, który zapisuje „juror-app results”.</translation>
    </message>
    <message>
        <source>The command line</source>
        <translation>Wiersz poleceń</translation>
    </message>
    <message>
        <source>The same work can be scripted: “juror-app merge”, “juror-app results”, “juror-app report” and “juror-app verify” (each with --help).</source>
        <translation>Tę samą pracę można wykonać w skrypcie: „juror-app merge”, „juror-app results”, „juror-app report” i „juror-app verify” (każde z --help).</translation>
    </message>
    <message>
        <source>drag and drop</source>
        <translation>przeciągnij i upuść</translation>
    </message>
    <message>
        <source>score packages or a folder onto the window: import them</source>
        <translation>paczki ocen albo folder na okno: import</translation>
    </message>
    <message>
        <source>not set up (the window was started without the error handler)</source>
        <translation>nie ustawiony (okno uruchomiono bez obsługi błędów)</translation>
    </message>
    <message>
        <source>%1 (no error has been recorded)</source>
        <translation>%1 (nie zapisano jeszcze żadnego błędu)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Edition database</source>
        <translation>Baza edycji</translation>
    </message>
    <message>
        <source>Error log</source>
        <translation>Dziennik błędów</translation>
    </message>
    <message>
        <source>Python, Qt</source>
        <translation>Python, Qt</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>The organizer&apos;s side of the program for the Kapituła of the “Przyjazny Urząd” competition: merging the jurors&apos; signed score packages, results, agreement, rankings, decisions and printouts.</source>
        <translation>Strona organizatora programu dla Kapituły konkursu „Przyjazny Urząd”: scalanie podpisanych paczek ocen członków Kapituły, wyniki, zgodność, rankingi, decyzje i wydruki.</translation>
    </message>
    <message>
        <source>How the organizer works</source>
        <translation>Jak działa strona organizatora</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <source>About juror-app</source>
        <translation>O programie juror-app</translation>
    </message>
</context>
<context>
    <name>OrganizerLaunch</name>
    <message>
        <source>Demo edition</source>
        <translation>Edycja demonstracyjna</translation>
    </message>
    <message>
        <source>Preparing the demo edition: dossiers, jurors, their score packages…</source>
        <translation>Przygotowanie edycji demonstracyjnej: teczki, członkowie Kapituły, ich paczki ocen…</translation>
    </message>
    <message>
        <source>Open an edition database</source>
        <translation>Otwórz bazę edycji</translation>
    </message>
    <message>
        <source>Edition database (*.sqlite *.db);;All files (*)</source>
        <translation>Baza edycji (*.sqlite *.db);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Cannot open the edition</source>
        <translation>Nie można otworzyć edycji</translation>
    </message>
</context>
<context>
    <name>OrganizerNames</name>
    <message>
        <source>certified</source>
        <translation>certyfikat</translation>
    </message>
    <message>
        <source>not certified</source>
        <translation>bez certyfikatu</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>niekompletna</translation>
    </message>
</context>
<context>
    <name>OrganizerWindow</name>
    <message>
        <source>Organizer — %1</source>
        <translation>Organizator — %1</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Kompletność</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Wyniki</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Zgodność</translation>
    </message>
    <message>
        <source>Rankings</source>
        <translation>Rankingi</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decyzje</translation>
    </message>
    <message>
        <source>Edition setup</source>
        <translation>Przygotowanie edycji</translation>
    </message>
    <message>
        <source>No score package has been merged yet. Import the packages the jurors sent to see completeness, results and rankings.</source>
        <translation>Nie scalono jeszcze żadnej paczki ocen. Zaimportuj paczki przesłane przez członków Kapituły, aby zobaczyć kompletność, wyniki i rankingi.</translation>
    </message>
    <message>
        <source>Import score packages…</source>
        <translation>Importuj paczki ocen…</translation>
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
        <source>Reading the results…</source>
        <translation>Wczytywanie wyników…</translation>
    </message>
    <message>
        <source>%1 · packages from %2 of %3 jurors · %4</source>
        <translation>%1 · paczki od %2 z %3 członków Kapituły · %4</translation>
    </message>
    <message>
        <source>Locked for printing</source>
        <translation>Zablokowane do druku</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n alarm</numerusform>
            <numerusform>%n alarmy</numerusform>
            <numerusform>%n alarmów</numerusform>
        </translation>
    </message>
    <message>
        <source>The results could not be read</source>
        <translation>Nie udało się odczytać wyników</translation>
    </message>
</context>
<context>
    <name>PackageImportDialog</name>
    <message>
        <source>Import score packages</source>
        <translation>Import paczek ocen</translation>
    </message>
    <message>
        <source>Add the score packages (.pu-scores) that the jurors sent: drop them here, or pick files or a whole folder. Every file is checked first (signature, contents, roster, revision history); nothing is merged until you press “Merge”.</source>
        <translation>Dodaj paczki ocen (.pu-scores) przesłane przez członków Kapituły: upuść je tutaj albo wybierz pliki lub cały folder. Każdy plik jest najpierw sprawdzany (podpis, zawartość, skład Kapituły, historia wersji); nic nie zostanie scalone, dopóki nie naciśniesz „Scal”.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Dodaj pliki…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>Dodaj folder…</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Wyczyść listę</translation>
    </message>
    <message>
        <source>Add the demo&apos;s packages</source>
        <translation>Dodaj paczki z edycji demonstracyjnej</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Scal</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Sprawdź ponownie</translation>
    </message>
    <message>
        <source>Score packages</source>
        <translation>Paczki ocen</translation>
    </message>
    <message>
        <source>Score packages (*%1);;All files (*)</source>
        <translation>Paczki ocen (*%1);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>A folder with score packages</source>
        <translation>Folder z paczkami ocen</translation>
    </message>
    <message>
        <source>No new score package (%1) was found there.</source>
        <translation>Nie znaleziono tam żadnej nowej paczki ocen (%1).</translation>
    </message>
    <message>
        <source>Checked %1 of %2: %3</source>
        <translation>Sprawdzono %1 z %2: %3</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Przerywanie…</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n file(s)…</source>
        <translation>
            <numerusform>Sprawdzanie %n pliku…</numerusform>
            <numerusform>Sprawdzanie %n plików…</numerusform>
            <numerusform>Sprawdzanie %n plików…</numerusform>
        </translation>
    </message>
    <message>
        <source>Merging in one transaction…</source>
        <translation>Scalanie w jednej transakcji…</translation>
    </message>
    <message>
        <source>ALARM — juror %1 signed two DIFFERENT packages with the same revision. Both are kept as evidence and nothing of this juror is merged. Clarify it with the juror before the meeting.</source>
        <translation>ALARM — dwie RÓŻNE paczki o tej samej wersji podpisane kluczem członka Kapituły: %1. Obie zostaną zachowane jako dowód, a z ocen tej osoby nic nie zostanie scalone. Wyjaśnij to z nią przed posiedzeniem.</translation>
    </message>
    <message>
        <source>ALARM — the edit log of juror %1&apos;s package does not continue the earlier one: edits already made would be lost. The package is kept as evidence and nothing of this juror is merged.</source>
        <translation>ALARM — dziennik zmian paczki członka Kapituły %1 nie kontynuuje wcześniejszego: zmiany już wprowadzone zostałyby utracone. Paczkę zachowano jako dowód i niczego z paczek tego członka Kapituły nie scalono.</translation>
    </message>
    <message>
        <source>Held: juror %1 has an alarm that is not resolved; their packages are not merged until it is (the alarm badge in the status bar).</source>
        <translation>Wstrzymane: członek Kapituły %1 ma nierozstrzygnięty alarm; jego paczki nie zostaną scalone, dopóki alarm nie zostanie rozstrzygnięty (znacznik alarmu na pasku stanu).</translation>
    </message>
    <message>
        <source>No file added yet.</source>
        <translation>Nie dodano jeszcze żadnego pliku.</translation>
    </message>
    <message>
        <source>Checking was cancelled; nothing was changed. “Check again” checks the list once more.</source>
        <translation>Przerwano sprawdzanie; niczego nie zmieniono. „Sprawdź ponownie” sprawdzi listę jeszcze raz.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the work; the details were written to the log file.</source>
        <translation>Nieoczekiwany błąd przerwał pracę; szczegóły zapisano w pliku dziennika.</translation>
    </message>
    <message>
        <source>Nothing was merged.</source>
        <translation>Niczego nie scalono.</translation>
    </message>
    <message numerus="yes">
        <source>“Merge” merges %n file(s) in one transaction.</source>
        <translation>
            <numerusform>„Scal” scali %n plik w jednej transakcji.</numerusform>
            <numerusform>„Scal” scali %n pliki w jednej transakcji.</numerusform>
            <numerusform>„Scal” scali %n plików w jednej transakcji.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be merged; “Keep as evidence” records the alarm and keeps the packages.</source>
        <translation>Nie ma czego scalić; „Zachowaj jako dowód” zapisze alarm i zachowa paczki.</translation>
    </message>
    <message>
        <source>Nothing to merge: the database stays as it is.</source>
        <translation>Nie ma czego scalić: baza pozostaje bez zmian.</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n package(s).</source>
        <translation>
            <numerusform>Scalono %n paczkę.</numerusform>
            <numerusform>Scalono %n paczki.</numerusform>
            <numerusform>Scalono %n paczek.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) written.</source>
        <translation>
            <numerusform>Zapisano %n ocenę.</numerusform>
            <numerusform>Zapisano %n oceny.</numerusform>
            <numerusform>Zapisano %n ocen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) kept as evidence in %1.</source>
        <translation>
            <numerusform>%n paczkę zachowano jako dowód w %1.</numerusform>
            <numerusform>%n paczki zachowano jako dowód w %1.</numerusform>
            <numerusform>%n paczek zachowano jako dowód w %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) recorded: clarify them with the jurors.</source>
        <translation>
            <numerusform>Zapisano %n alarm: wyjaśnij go z członkiem Kapituły.</numerusform>
            <numerusform>Zapisano %n alarmy: wyjaśnij je z członkami Kapituły.</numerusform>
            <numerusform>Zapisano %n alarmów: wyjaśnij je z członkami Kapituły.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n file(s)</source>
        <translation>
            <numerusform>Scal %n plik</numerusform>
            <numerusform>Scal %n pliki</numerusform>
            <numerusform>Scal %n plików</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep as evidence</source>
        <translation>Zachowaj jako dowód</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan the assignment</source>
        <translation>Planowanie przydziału</translation>
    </message>
    <message>
        <source>The plan keeps every assignment already sent in a bundle, scored or recused, and fills only what is missing: new dossiers, a recusal, the work of a juror who left. Nothing is written until you apply it.</source>
        <translation>Plan zachowuje każdy przydział już wysłany w paczce, oceniony albo z wyłączeniem i uzupełnia tylko braki: nowe teczki, wyłączenie, pracę osoby, która odeszła z Kapituły. Nic nie jest zapisywane, zanim go nie zastosujesz.</translation>
    </message>
    <message>
        <source>The same seed and the same edition give the same plan; it only breaks ties.</source>
        <translation>To samo ziarno i ta sama edycja dają ten sam plan; ziarno rozstrzyga tylko remisy.</translation>
    </message>
    <message>
        <source>Only jurors who cover the dossier&apos;s category</source>
        <translation>Tylko osoby obejmujące kategorię teczki</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Podgląd</translation>
    </message>
    <message>
        <source>Jurors per dossier:</source>
        <translation>Oceniających na teczkę:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Ziarno:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Imię i nazwisko:</translation>
    </message>
    <message>
        <source>Choose the rules and press Preview.</source>
        <translation>Ustal zasady i naciśnij „Podgląd”.</translation>
    </message>
    <message>
        <source>Juror</source>
        <translation>Członek Kapituły</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Teczka</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Dlaczego</translation>
    </message>
    <message>
        <source>left the jury</source>
        <translation>poza Kapitułą</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Teraz</translation>
    </message>
    <message>
        <source>After the plan</source>
        <translation>Po planie</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation>Dochodzą (%1)</translation>
    </message>
    <message>
        <source>Released (%1)</source>
        <translation>Zwalniane (%1)</translation>
    </message>
    <message>
        <source>Loads</source>
        <translation>Obciążenia</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problemy (%1)</translation>
    </message>
    <message>
        <source>Decisions (%1)</source>
        <translation>Decyzje (%1)</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planowanie…</translation>
    </message>
    <message numerus="yes">
        <source>Save the partial plan anyway: %n constraint(s) stay unmet</source>
        <translation>
            <numerusform>Zapisz mimo to plan częściowy: %n warunek pozostanie niespełniony</numerusform>
            <numerusform>Zapisz mimo to plan częściowy: %n warunki pozostaną niespełnione</numerusform>
            <numerusform>Zapisz mimo to plan częściowy: %n warunków pozostanie niespełnionych</numerusform>
        </translation>
    </message>
    <message>
        <source>dossiers: %1</source>
        <translation>teczki: %1</translation>
    </message>
    <message>
        <source>Kept %1, added %2, released %3.</source>
        <translation>Zostaje: %1, dochodzi: %2, zwolnione: %3.</translation>
    </message>
    <message>
        <source>Loads after the plan: %1–%2 dossiers per juror.</source>
        <translation>Obciążenia po planie: %1–%2 teczek na osobę.</translation>
    </message>
    <message numerus="yes">
        <source>%n juror(s) will need a new bundle revision.</source>
        <translation>
            <numerusform>%n osoba będzie potrzebować nowej wersji paczki.</numerusform>
            <numerusform>%n osoby będą potrzebować nowej wersji paczki.</numerusform>
            <numerusform>%n osób będzie potrzebować nowej wersji paczki.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to change; applying saves the rules.</source>
        <translation>Nic do zmiany; zastosowanie zapisze zasady.</translation>
    </message>
    <message numerus="yes">
        <source>%n constraint(s) cannot be met: see Problems.</source>
        <translation>
            <numerusform>%n warunku nie da się spełnić: zob. Problemy.</numerusform>
            <numerusform>%n warunków nie da się spełnić: zob. Problemy.</numerusform>
            <numerusform>%n warunków nie da się spełnić: zob. Problemy.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every constraint is met.</source>
        <translation>Wszystkie warunki są spełnione.</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) wait for you: see Decisions.</source>
        <translation>
            <numerusform>%n decyzja czeka na Ciebie: zob. Decyzje.</numerusform>
            <numerusform>%n decyzje czekają na Ciebie: zob. Decyzje.</numerusform>
            <numerusform>%n decyzji czeka na Ciebie: zob. Decyzje.</numerusform>
        </translation>
    </message>
    <message>
        <source>The rules changed since the preview: press Preview again.</source>
        <translation>Zasady zmieniły się od podglądu: naciśnij „Podgląd” jeszcze raz.</translation>
    </message>
    <message>
        <source>Some constraints stay unmet: tick the box to save the partial plan.</source>
        <translation>Część warunków pozostanie niespełniona: zaznacz pole, aby zapisać plan częściowy.</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>Zapisywanie planu…</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>checking…</source>
        <translation>sprawdzanie…</translation>
    </message>
    <message>
        <source>%1 (merged: %2)</source>
        <translation>%1 (scalona: %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to the merged data</source>
        <translation>
            <numerusform>%n zmiana w scalonych danych</numerusform>
            <numerusform>%n zmiany w scalonych danych</numerusform>
            <numerusform>%n zmian w scalonych danych</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to do: this package is already merged.</source>
        <translation>Nic do zrobienia: ta paczka jest już scalona.</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n teczka</numerusform>
            <numerusform>%n teczki</numerusform>
            <numerusform>%n teczek</numerusform>
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
        <source>%n score(s)</source>
        <translation>
            <numerusform>%n ocena</numerusform>
            <numerusform>%n oceny</numerusform>
            <numerusform>%n ocen</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <source>Juror</source>
        <translation>Członek Kapituły</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Wynik sprawdzenia</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>ALARM: this juror signed two different packages with the same revision. Both are kept as evidence and nothing of this juror is merged; clarify it with the juror before anything else.</source>
        <translation>ALARM: dwie różne paczki o tej samej wersji podpisane kluczem tego członka Kapituły. Obie zostaną zachowane jako dowód, a z ocen tej osoby nic nie zostanie scalone; zanim cokolwiek dalej, wyjaśnij to z nią.</translation>
    </message>
    <message>
        <source>ALARM: this package&apos;s edit log does not continue the juror&apos;s earlier one, so edits already made would be lost. It is kept as evidence and nothing of this juror is merged; clarify it with the juror and resolve the alarm.</source>
        <translation>ALARM: dziennik zmian tej paczki nie kontynuuje wcześniejszego dziennika członka Kapituły, więc zmiany już wprowadzone zostałyby utracone. Paczkę zachowano jako dowód i niczego z paczek tego członka Kapituły nie scalono; wyjaśnij to z nim i rozstrzygnij alarm.</translation>
    </message>
    <message>
        <source>Held: this juror has an alarm that is not resolved yet. Nothing of this juror is merged until the alarm is resolved (click the alarm badge in the status bar).</source>
        <translation>Wstrzymana: ten członek Kapituły ma jeszcze nierozstrzygnięty alarm. Nic z jego paczek nie zostanie scalone, dopóki alarm nie zostanie rozstrzygnięty (kliknij znacznik alarmu na pasku stanu).</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Utworzona</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Klucz</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Zawartość</translation>
    </message>
    <message>
        <source>File SHA-256</source>
        <translation>SHA-256 pliku</translation>
    </message>
    <message>
        <source>What changes (merged → this package):</source>
        <translation>Co się zmieni (scalone → ta paczka):</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more change(s).</source>
        <translation>
            <numerusform>… i jeszcze %n zmiana.</numerusform>
            <numerusform>… i jeszcze %n zmiany.</numerusform>
            <numerusform>… i jeszcze %n zmian.</numerusform>
        </translation>
    </message>
    <message>
        <source>No score, status, conflict or nomination changes: only the revision is newer.</source>
        <translation>Bez zmian w ocenach, statusach, wyłączeniach i nominacjach: nowsza jest tylko wersja.</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>Problemy</translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Problemy: %n</numerusform>
            <numerusform>Problemy: %n</numerusform>
            <numerusform>Problemy: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems: none, every constraint is met</source>
        <translation>Problemy: brak, wszystkie warunki są spełnione</translation>
    </message>
    <message>
        <source>How many jurors score each dossier has not been set yet: make a plan (Plan…).</source>
        <translation>Nie ustalono jeszcze, ilu członków Kapituły ocenia każdą teczkę: przygotuj plan („Zaplanuj…”).</translation>
    </message>
    <message>
        <source>Loads: %1–%2 dossiers per available juror; %3 per dossier; %4 dossiers, %5 jurors available</source>
        <translation>Obciążenia: %1–%2 teczek na dostępną osobę; %3 na teczkę; teczek: %4, dostępnych członków Kapituły: %5</translation>
    </message>
    <message numerus="yes">
        <source>, %n left</source>
        <translation>
            <numerusform>, poza Kapitułą: %n</numerusform>
            <numerusform>, poza Kapitułą: %n</numerusform>
            <numerusform>, poza Kapitułą: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankingsView</name>
    <message numerus="yes">
        <source>up %n</source>
        <translation>
            <numerusform>w górę o %n</numerusform>
            <numerusform>w górę o %n</numerusform>
            <numerusform>w górę o %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down %n</source>
        <translation>
            <numerusform>w dół o %n</numerusform>
            <numerusform>w dół o %n</numerusform>
            <numerusform>w dół o %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Miejsce</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Total %</source>
        <translation>Wynik %</translation>
    </message>
    <message>
        <source>Stage II %</source>
        <translation>Etap II %</translation>
    </message>
    <message>
        <source>Breaks ties of the total</source>
        <translation>Rozstrzyga remisy wyniku</translation>
    </message>
    <message>
        <source>Normalised place</source>
        <translation>Miejsce po
normalizacji</translation>
    </message>
    <message>
        <source>Normalised %</source>
        <translation>Wynik po
normalizacji %</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>How normalisation moves the dossier within its category</source>
        <translation>O ile normalizacja przesuwa teczkę w jej kategorii</translation>
    </message>
    <message>
        <source>Normalise jurors&apos; scores and show both rankings side by side</source>
        <translation>Normalizuj oceny członków Kapituły i pokaż oba rankingi obok siebie</translation>
    </message>
    <message>
        <source>Offsets lenient and strict jurors; the raw ranking stays the official one.</source>
        <translation>Wyrównuje oceny łagodnych i surowych członków Kapituły; oficjalny pozostaje ranking bez normalizacji.</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategoria:</translation>
    </message>
    <message>
        <source>Normalisation: each juror&apos;s weighted totals become z-scores (the juror&apos;s own mean and standard deviation) and are rescaled to the mean and standard deviation of all jurors&apos; totals; a dossier&apos;s normalised total is the mean over its jurors. A juror with fewer than 2 totals keeps the raw values; a juror whose totals are all equal gets the pooled mean. The raw ranking remains the official one.</source>
        <translation>Normalizacja: wyniki ważone każdego członka Kapituły zamienia się na wyniki z (według jego własnej średniej i odchylenia standardowego) i przeskalowuje do średniej i odchylenia standardowego wyników wszystkich oceniających; wynik teczki po normalizacji to średnia z jej oceniających. Członek Kapituły z mniej niż 2 wynikami zachowuje wyniki bez zmian; członek Kapituły, którego wszystkie wyniki są równe, otrzymuje średnią łączną. Oficjalny pozostaje ranking bez normalizacji.</translation>
    </message>
    <message>
        <source>Kept raw (fewer than 2 totals): %1.</source>
        <translation>Bez zmian (mniej niż 2 wyniki): %1.</translation>
    </message>
    <message>
        <source>Set to the pooled mean (no spread): %1.</source>
        <translation>Średnia łączna (brak rozrzutu): %1.</translation>
    </message>
    <message>
        <source>In this edition every juror with totals has at least 2 of them and some spread.</source>
        <translation>W tej edycji każdy członek Kapituły z wynikami ma ich co najmniej 2 i nie wszystkie są równe.</translation>
    </message>
    <message numerus="yes">
        <source>Normalisation changes the place of %n dossier(s) (highlighted).</source>
        <translation>
            <numerusform>Normalizacja zmienia miejsce %n teczki (wyróżnione).</numerusform>
            <numerusform>Normalizacja zmienia miejsce %n teczek (wyróżnione).</numerusform>
            <numerusform>Normalizacja zmienia miejsce %n teczek (wyróżnione).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Take the dossier away from the juror</source>
        <translation>Odebranie teczki</translation>
    </message>
    <message>
        <source>e.g. the juror turned out to have worked for this institution</source>
        <translation>np. okazało się, że ta osoba pracowała w tej jednostce</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Powód:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Imię i nazwisko:</translation>
    </message>
    <message>
        <source>Take away</source>
        <translation>Odbierz</translation>
    </message>
</context>
<context>
    <name>ResultsExportDialog</name>
    <message>
        <source>Export results</source>
        <translation>Eksport wyników</translation>
    </message>
    <message>
        <source>The results of the merged scores in one file: completeness, every juror&apos;s points with the statistics per dossier and criterion, agreement, rankings, certification and distinctions. The same data always gives the same file, identical to what “juror-app results” writes.</source>
        <translation>Wyniki ze scalonych ocen w jednym pliku: kompletność, punkty każdego członka Kapituły ze statystykami dla teczek i kryteriów, zgodność, rankingi, certyfikacja i wyróżnienia. Te same dane dają zawsze ten sam plik, identyczny z tym, który zapisuje „juror-app results”.</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV dla Excela</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>opens correctly in Polish Excel: semicolons, decimal commas</source>
        <translation>otwiera się poprawnie w polskim Excelu: średniki, przecinki dziesiętne</translation>
    </message>
    <message>
        <source>for other programs and scripts</source>
        <translation>dla innych programów i skryptów</translation>
    </message>
    <message>
        <source>Add the ranking after normalising each juror&apos;s scores</source>
        <translation>Dodaj ranking po normalizacji ocen każdego członka Kapituły</translation>
    </message>
    <message>
        <source>As on the Rankings tab: per-juror z-scores; the raw ranking stays the official one.</source>
        <translation>Jak na karcie Rankingi: wyniki z dla każdego członka Kapituły; oficjalny pozostaje ranking bez normalizacji.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Plik:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportuj</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV dla Excela (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Give the file to write the results to.</source>
        <translation>Podaj plik, do którego zapisać wyniki.</translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it?</source>
        <translation>Plik „%1” już istnieje. Zastąpić go?</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%2, %n dossier(s)).</source>
        <translation>
            <numerusform>Zapisano %1 (%2, %n teczka).</numerusform>
            <numerusform>Zapisano %1 (%2, %n teczki).</numerusform>
            <numerusform>Zapisano %1 (%2, %n teczek).</numerusform>
        </translation>
    </message>
    <message>
        <source>An unexpected error stopped the export; the details were written to the log file.</source>
        <translation>Nieoczekiwany błąd przerwał eksport; szczegóły zapisano w pliku dziennika.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Niczego nie zapisano.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Teczka</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Jednostka</translation>
    </message>
    <message>
        <source>Stage %1: %2</source>
        <translation>Etap %1: %2</translation>
    </message>
    <message>
        <source>Total %</source>
        <translation>Wynik %</translation>
    </message>
    <message>
        <source>Weighted total as % of the maximum</source>
        <translation>Wynik ważony jako % maksimum</translation>
    </message>
    <message>
        <source>Criteria to discuss: the jurors&apos; range is above the threshold</source>
        <translation>Kryteria do omówienia: rozstęp punktów oceniających przekracza próg</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Ukończone</translation>
    </message>
    <message>
        <source>Jurors who marked the dossier complete, of those assigned</source>
        <translation>Członkowie Kapituły, którzy ukończyli ocenę teczki, spośród przydzielonych</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>Certyfikacja</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kryterium</translation>
    </message>
    <message>
        <source>Criterion name</source>
        <translation>Nazwa kryterium</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Maks.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Średnia</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Trimmed mean</source>
        <translation>Średnia
przycięta</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>Odch.
std.</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Rozstęp</translation>
    </message>
    <message>
        <source>With 4 or more scores the highest and the lowest are dropped; otherwise the mean</source>
        <translation>Przy 4 i więcej ocenach pomija się najwyższą i najniższą; w przeciwnym razie to zwykła średnia</translation>
    </message>
    <message>
        <source>Sample standard deviation (needs 2 or more scores)</source>
        <translation>Odchylenie standardowe z próby (wymaga co najmniej 2 ocen)</translation>
    </message>
    <message>
        <source>To discuss at the meeting: the range is above the threshold</source>
        <translation>Do omówienia na posiedzeniu: rozstęp przekracza próg</translation>
    </message>
    <message>
        <source>Highest minus lowest points; ⚑ = above the disagreement threshold</source>
        <translation>Najwyższa minus najniższa liczba punktów; ⚑ = powyżej progu rozbieżności</translation>
    </message>
    <message>
        <source>Highest minus lowest points, of the criterion&apos;s maximum</source>
        <translation>Najwyższa minus najniższa liczba punktów, na tle maksimum kryterium</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkty</translation>
    </message>
    <message>
        <source>A criterion is flagged for discussion when its jurors&apos; points differ (highest − lowest) by more than this share of the criterion&apos;s maximum.</source>
        <translation>Kryterium trafia na listę do omówienia, gdy punkty oceniających różnią się (najwyższe − najniższe) o więcej niż ta część maksimum kryterium.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Zastosuj</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategoria:</translation>
    </message>
    <message>
        <source>Disagreement threshold:</source>
        <translation>Próg rozbieżności:</translation>
    </message>
    <message>
        <source>Selected dossier</source>
        <translation>Wybrana teczka</translation>
    </message>
    <message>
        <source>To discuss at the meeting</source>
        <translation>Do omówienia na posiedzeniu</translation>
    </message>
    <message numerus="yes">
        <source>To discuss at the meeting: %n criterion score(s)</source>
        <translation>
            <numerusform>Do omówienia na posiedzeniu: %n ocena kryterium</numerusform>
            <numerusform>Do omówienia na posiedzeniu: %n oceny kryteriów</numerusform>
            <numerusform>Do omówienia na posiedzeniu: %n ocen kryteriów</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n dossier(s)</source>
        <translation>
            <numerusform>w %n teczce</numerusform>
            <numerusform>w %n teczkach</numerusform>
            <numerusform>w %n teczkach</numerusform>
        </translation>
    </message>
    <message>
        <source>To discuss at the meeting (%1)</source>
        <translation>Do omówienia na posiedzeniu (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n teczka</numerusform>
            <numerusform>%n teczki</numerusform>
            <numerusform>%n teczek</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to discuss</source>
        <translation>
            <numerusform>%n do omówienia</numerusform>
            <numerusform>%n do omówienia</numerusform>
            <numerusform>%n do omówienia</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a dossier on the left.</source>
        <translation>Wybierz teczkę po lewej.</translation>
    </message>
    <message>
        <source>Stage %1: %2 of %3 points (%4)</source>
        <translation>Etap %1: %2 z %3 pkt (%4)</translation>
    </message>
    <message>
        <source>Weighted total: %1</source>
        <translation>Wynik ważony: %1</translation>
    </message>
    <message>
        <source>The threshold was not changed</source>
        <translation>Nie zmieniono progu</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Missing: %1</source>
        <translation>Brakuje: %1</translation>
    </message>
    <message>
        <source>This step is complete.</source>
        <translation>Ten krok jest ukończony.</translation>
    </message>
</context>
<context>
    <name>SetupTabs</name>
    <message>
        <source>The edition could not be read</source>
        <translation>Nie udało się odczytać edycji</translation>
    </message>
    <message>
        <source>This step is complete.</source>
        <translation>Ten krok jest ukończony.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the results</source>
        <translation>Odblokowanie wyników</translation>
    </message>
    <message>
        <source>Printed copies may already exist, so the reason for unlocking is kept in the lock history.</source>
        <translation>Wydruki mogą już istnieć, dlatego powód odblokowania zostaje zapisany w historii blokady.</translation>
    </message>
    <message>
        <source>e.g. a juror&apos;s corrected package arrived after the meeting</source>
        <translation>np. po posiedzeniu wpłynęła poprawiona paczka członka Kapituły</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Imię i nazwisko:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Powód:</translation>
    </message>
</context>
</TS>
