<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe and the program goes on.

The details were written to:
%1
Please send this file to the organizer&apos;s office.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
