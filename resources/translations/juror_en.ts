<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import assignment bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the file with your assigned dossiers from the organizer (.pu-bundle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export score package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign and save your scores to send to the organizer (.pu-scores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print my score sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your scores and justifications as they are now, to check or print before you export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save enrollment file again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key&apos;s enrollment file, if the organizer needs it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My profile and key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, key fingerprint and profile folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the last saved edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the undone edit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next criterion&apos;s points (type a number, Enter saves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous c&amp;riterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare a &amp;conflict of interest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominate for a &amp;distinction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search all dossiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next / previous dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next / previous criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type the points; Enter saves them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the points to the justification, then to the next criterion&apos;s points (Shift+Tab: back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the points field: remove the score and its justification (the × beside the field does the same; Ctrl+Z brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo / redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find in the open document (F3: next hit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search all dossiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export the score package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflict of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare a conflict of interest for &lt;b&gt;%1&lt;/b&gt; if you cannot assess it impartially (for example you work with it, advise it, or someone close to you does). You will not score this dossier; the organizer sees the declaration and its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n score(s) you already gave this dossier will be withdrawn (undo brings them back).</source>
        <translation>
            <numerusform>The %n score you already gave this dossier will be withdrawn (undo brings it back).</numerusform>
            <numerusform>The %n scores you already gave this dossier will be withdrawn (undo brings them back).</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason, e.g. “I worked in this office until 2023.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CriterionEditor</name>
    <message>
        <source>0–%1 points, in steps of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points for %1: type a number and press Enter (— means not scored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this score and its justification (Ctrl+Delete in the points field; Ctrl+Z brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification: what in the documents supports this score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the old justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the justification you wrote before the scale changed into the field; it is saved with the new points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-score needed: you gave %1 before the scale changed to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your justification then: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the scale changed to %2 you gave %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The points field is empty, so nothing was changed. To remove this score, press Ctrl+Delete in the field or click ×.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is more than this criterion&apos;s maximum of %2 points: not saved. Type a number from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is less than 0: not saved. Type a number from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on this criterion&apos;s scale (steps of %3): not saved. Type, for example, %4 or %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved yet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A justification is required at the lowest and the highest level of the scale (at least %n characters).</source>
        <translation>
            <numerusform>A justification is required at the lowest and the highest level of the scale (at least %n character).</numerusform>
            <numerusform>A justification is required at the lowest and the highest level of the scale (at least %n characters).</numerusform>
        </translation>
    </message>
    <message>
        <source>Justification required at this level: written ✓</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeclarationsBar</name>
    <message>
        <source>Conflict of interest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare that you cannot assess this dossier impartially (recusal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominate for a distinction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose this institution for a special distinction, e.g. the statuette “Innowacyjny Urząd”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You recused yourself (conflict of interest):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw your conflict-of-interest declaration for %1? You will be able to score it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>About you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organizer sees this in your enrollment file and on your score sheets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. dr hab. Anna Kowalska</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Uniwersytet Wrocławski</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. anna.kowalska@uwr.edu.pl (may stay empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affiliation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>The document&apos;s outline: click a heading to go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the document&apos;s outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this PDF in the computer&apos;s default PDF reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the system&apos;s PDF viewer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a dossier on the left to read its documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>This dossier has no documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To keep this window safe it does not open this document. You can go on reading the other documents and scoring; ask the organizer for a corrected copy, or open it in the system&apos;s PDF viewer at your own risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document could not be checked, so it is not opened here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this document before it is opened…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not opened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF is protected with a password, so it cannot be shown here. You can go on reading the other documents and scoring; ask the organizer for an unprotected copy, or open it in another program if you know the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s file is missing. Import the assignment bundle again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PDF is damaged and cannot be shown. You can go on reading the other documents and scoring; tell the organizer which document it is, or try opening it in another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a document that did not pass the check?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document did not pass the safety check:

%1

Another program may hang or crash on it too, and a crafted file can attack the program that opens it. Open it only if you trust where it came from; the organizer can send a corrected copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierList</name>
    <message>
        <source>Filter by name or town…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only dossiers whose institution, town or category contains these words (letters with or without Polish diacritics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only one category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only dossiers with this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n complete</source>
        <translation>
            <numerusform>%1 of %n complete</numerusform>
            <numerusform>%1 of %n complete</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierModel</name>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria scored so far, of all criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ nominated for a special distinction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollmentPage</name>
    <message>
        <source>Your enrollment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this file to the organizer: it tells them your key, so they can trust your scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the enrollment file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key&apos;s fingerprint. When the organizer calls to confirm your enrollment, read it out; it must match what they see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the enrollment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment file (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1
Send it to the organizer by e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the score package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package holds all your scores, declarations and nominations so far, signed with your key. You can export at any time; a later export replaces this one at the organizer&apos;s (it gets a higher version).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) not complete yet: this will be a partial package.</source>
        <translation>
            <numerusform>%n dossier is not complete yet: this will be a partial package.</numerusform>
            <numerusform>%n dossiers are not complete yet: this will be a partial package.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to save the package; send this file to the organizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the passphrase of your signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo edition: the key&apos;s passphrase is “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the score package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score package (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved the signed package, version %1, with %n score(s):</source>
        <translation>
            <numerusform>Saved the signed package, version %1, with %n score:</numerusform>
            <numerusform>Saved the signed package, version %1, with %n scores:</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this file to the organizer (by e-mail or on a USB stick).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error stopped the export; the details were written to the log file. No file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Kapituła “Przyjazny Urząd”: first start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import the assignment bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first bundle imported into this profile. Compare the organizer&apos;s key fingerprint below with the one the organizer gave you by phone, letter or in person. Import only if every character matches: from then on, only bundles signed with this key will be accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I compared the fingerprint: it matches the one the organizer gave me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error stopped the check; the details were written to the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked %1 of %n document(s).</source>
        <translation>
            <numerusform>Checked %1 of %n document.</numerusform>
            <numerusform>Checked %1 of %n documents.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking “%1”: the organizer&apos;s signature and every document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle has been imported. Checking its documents before they can be opened…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle has been imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle “%1” was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error stopped the import; the details were written to the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in your profile was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bundle is already imported; there is nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer version of your assignment. Your scores are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle is genuine and complete. Check what it holds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents could not be checked now (%1); each is checked when you first open it, and opens only if it passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you have %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n PDF file(s), %1</source>
        <translation>
            <numerusform>%n PDF file, %1</numerusform>
            <numerusform>%n PDF files, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) assigned to you.</source>
        <translation>
            <numerusform>%n dossier assigned to you.</numerusform>
            <numerusform>%n dossiers assigned to you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New since the previous version: %n dossier(s).</source>
        <translation>
            <numerusform>New since the previous version: %n dossier.</numerusform>
            <numerusform>New since the previous version: %n dossiers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No longer assigned: %n dossier(s) (your scores for them stay in your profile).</source>
        <translation>
            <numerusform>No longer assigned: %n dossier (your scores for it stay in your profile).</numerusform>
            <numerusform>No longer assigned: %n dossiers (your scores for them stay in your profile).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <source>%1 %2: %3 → %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of your scores no longer fit the new scale: they will be taken out and shown beside the criterion with their justification, for you to score again.</source>
        <translation>
            <numerusform>%n of your scores no longer fits the new scale: it will be taken out and shown beside the criterion with its justification, for you to score again.</numerusform>
            <numerusform>%n of your scores no longer fit the new scale: they will be taken out and shown beside the criterion with their justification, for you to score again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) still fit and are kept: check that they still say what you meant.</source>
        <translation>
            <numerusform>%n score still fits and is kept: check that it still says what you meant.</numerusform>
            <numerusform>%n scores still fit and are kept: check that they still say what you meant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The organizer changed the scale of %n criterion/criteria since your previous version:</source>
        <translation>
            <numerusform>The organizer changed the scale of %n criterion since your previous version:</numerusform>
            <numerusform>The organizer changed the scale of %n criteria since your previous version:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) no longer fit a changed scale: they were taken out (the organizer will see that) and are shown beside their criterion with your old justification. Score them again.</source>
        <translation>
            <numerusform>%n score no longer fits a changed scale: it was taken out (the organizer will see that) and is shown beside its criterion with your old justification. Score it again.</numerusform>
            <numerusform>%n scores no longer fit a changed scale: they were taken out (the organizer will see that) and are shown beside their criteria with your old justifications. Score them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) not checked yet: each is checked when you first open it, and opens only if it passes.</source>
        <translation>
            <numerusform>%n document not checked yet: it is checked when you first open it, and opens only if it passes.</numerusform>
            <numerusform>%n documents not checked yet: each is checked when you first open it, and opens only if it passes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Documents checked: %n.</source>
        <translation>
            <numerusform>Documents checked: %n.</numerusform>
            <numerusform>Documents checked: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The window will not open %n document(s): each shows its reason in place of the document, with a way to open it in the system&apos;s PDF viewer at your own risk.</source>
        <translation>
            <numerusform>The window will not open %n document: it shows its reason in place of the document, with a way to open it in the system&apos;s PDF viewer at your own risk.</numerusform>
            <numerusform>The window will not open %n documents: each shows its reason in place of the document, with a way to open it in the system&apos;s PDF viewer at your own risk.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · “%3”: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Demo edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo edition: dossiers, documents, keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile database reports problems; export your scores now and tell the organizer:

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dossiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A made-up edition in a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dossiers yet. Import the assignment bundle you received from the organizer (a .pu-bundle file): use the button below, or drag the file onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import assignment bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My score sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my-score-sheet.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These justifications have no points yet, so they cannot be saved:

%1

Give the points to keep them, or discard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the assignment bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment bundle (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n not started</source>
        <translation>
            <numerusform>%n not started</numerusform>
            <numerusform>%n not started</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation>
            <numerusform>%n in progress</numerusform>
            <numerusform>%n in progress</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complete</source>
        <translation>
            <numerusform>%n complete</numerusform>
            <numerusform>%n complete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recused</source>
        <translation>
            <numerusform>%n recused</numerusform>
            <numerusform>%n recused</numerusform>
        </translation>
    </message>
    <message>
        <source>No criterion scored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some scores or required justifications are still missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every criterion is scored and every required justification written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declared a conflict of interest: this dossier takes no scores from you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mystery client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0–%1 in steps of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 county</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 voivodeship</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NominationDialog</name>
    <message>
        <source>Nominate for a special distinction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose &lt;b&gt;%1&lt;/b&gt; for a special distinction. The jury decides at its meeting; your reason helps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (already nominated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this institution deserves the distinction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Your signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your scores are signed with a key made on this computer. A passphrase protects it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Remember this passphrase.&lt;/b&gt; Nobody can recover it, not even the organizer. If it is lost, you make a new key and enroll again; your scores stay on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfFindBar</name>
    <message>
        <source>Find in this document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights every occurrence in the document (Ctrl+F); Enter goes to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous occurrence (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next occurrence (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <translation>
            <numerusform>%1 of %n</numerusform>
            <numerusform>%1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfToolbar</name>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juror id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSH fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My profile and key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save enrollment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of your signing key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment file (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>No dossier open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a dossier from the list to score it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete: every criterion is scored and justified where required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Still missing (%n):</source>
        <translation>
            <numerusform>Still missing (%n):</numerusform>
            <numerusform>Still missing (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Stage %1: %2 of %3 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n criteria scored</source>
        <translation>
            <numerusform>%1 of %n criterion scored</numerusform>
            <numerusform>%1 of %n criteria scored</numerusform>
        </translation>
    </message>
    <message>
        <source>No weighted total from you: you declared a conflict of interest, so this dossier is excluded from your scoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted total: shown when every criterion is scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted total: %1% of the maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the points first: a justification is saved together with its points.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all dossiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds pages containing every word (beginnings of words are enough; case and Polish diacritics do not matter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preparing the documents for searching: %1 of %n…</source>
        <translation>
            <numerusform>Preparing the documents for searching: %1 of %n…</numerusform>
            <numerusform>Preparing the documents for searching: %1 of %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n documents can be searched.</source>
        <translation>
            <numerusform>%1 of %n document can be searched.</numerusform>
            <numerusform>%1 of %n documents can be searched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searches the text of %n document(s).</source>
        <translation>
            <numerusform>Searches the text of %n document.</numerusform>
            <numerusform>Searches the text of %n documents.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2, page %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) found.</source>
        <translation>
            <numerusform>%n page found.</numerusform>
            <numerusform>%n pages found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found yet; the documents are still being prepared for searching.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found. Try fewer or shorter words.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declare conflict of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdraw conflict declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nominate for a distinction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdraw nomination</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create my juror profile and signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just look around: open the demo edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program lets you read the dossiers of the “Przyjazny Urząd” competition, score them with justifications, and send your signed scores to the organizer. It works without the Internet; your work is saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will need a few minutes and a passphrase you can remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A made-up edition with a few dossiers, for trying things out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
