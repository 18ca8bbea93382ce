<?xml version='1.0' encoding='utf-8'?>
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
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe and the program goes on.

The details were written to:
%1
Please send this file to the organizer's office.</source>
        <translation>Wystąpił nieoczekiwany błąd. Zapisane oceny są bezpieczne, a program działa dalej.

Szczegóły zapisano w pliku:
%1
Prześlij ten plik do biura organizatora.</translation>
    </message>
</context>
</TS>