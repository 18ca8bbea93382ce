<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>Nie można tego zrobić</translation>
    </message>
    <message>
        <source>the log file</source>
        <translation>plik dziennika błędów</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; the last action may not have been completed. The program goes on, and what is already saved in the edition database is kept: a merge and each decision are saved whole or not at all.

The details were written to:
%1
Before repeating the last action, check in the window whether it took effect. If the error comes back, give this file to whoever looks after the program for your office.</source>
        <translation>Wystąpił nieoczekiwany błąd; ostatnia czynność mogła nie zostać wykonana. Program działa dalej, a to, co już zapisano w bazie edycji, pozostaje: scalenie paczek i każda decyzja zapisują się w całości albo wcale.

Szczegóły zapisano w pliku:
%1
Zanim powtórzysz ostatnią czynność, sprawdź w oknie, czy przyniosła skutek. Jeśli błąd się powtórzy, przekaż ten plik osobie, która opiekuje się programem w Twoim biurze.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe and the program goes on.

The details were written to:
%1
Please send this file to the organizer&apos;s office.</source>
        <translation>Wystąpił nieoczekiwany błąd. Zapisane oceny są bezpieczne, a program działa dalej.

Szczegóły zapisano w pliku:
%1
Prześlij ten plik do biura organizatora.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Hide this message</source>
        <translation>Ukryj ten komunikat</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Szukaj w:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Pliki &amp;rodzaju:</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>%1 — preview of the first %2 of %3 pages (printing and saving take all)</source>
        <translation>%1 — podgląd pierwszych %2 z %3 stron (drukowanie i zapis obejmują wszystkie)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Zapisz jako PDF…</translation>
    </message>
    <message>
        <source>Save this document as a PDF file (bookmarks and the attached results included)</source>
        <translation>Zapisz ten dokument jako plik PDF (z zakładkami i dołączonymi wynikami)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Zapisz jako PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumenty PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nie zapisano</translation>
    </message>
    <message>
        <source>The file could not be saved: %1. Check the folder, the free disk space and your permission to write there.</source>
        <translation>Nie udało się zapisać pliku: %1. Sprawdź folder, wolne miejsce na dysku i prawo zapisu w tym folderze.</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Drukowanie…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Nie wydrukowano</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Nie udało się uruchomić drukarki.</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Przygotowywanie dokumentu…</translation>
    </message>
</context>
</TS>
