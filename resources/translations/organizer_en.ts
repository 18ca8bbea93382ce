<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AgreementView</name>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers with points from at least two jurors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval metric; 1 = full agreement, 0 = no better than chance. Below 0.667 (shown in amber) conclusions are doubtful.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICC(1,1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-way ICC: how reliable one juror&apos;s points are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICC(1,k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-way ICC: how reliable the mean of the dossier&apos;s jurors is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurors per dossier (the mean used by ICC(1,k))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z-score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept raw (fewer than 2 totals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pooled mean (no spread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean deviation (pp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The juror&apos;s weighted total minus the co-jurors&apos; on the same dossiers, in percentage points: + more lenient, − stricter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute deviation (pp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each dossier has its own jurors, so agreement is measured with coefficients that allow it: Krippendorff&apos;s α (interval) and the one-way ICC. Values near 1 mean the jurors agree; amber marks values below 0.667.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement per criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juror leniency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score distribution per criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of the criterion&apos;s maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scores merged yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean deviation from co-jurors (percentage points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dossier scored by two jurors yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more lenient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stricter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmsDialog</name>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alarm means a juror&apos;s own signed packages contradict each other. While it is open, no package of that juror is merged. Clarify it with the juror (by phone), then resolve it here: say who decides, why, and which package is to be trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the juror explained, and why this package (or neither) is trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust neither package (the merged data stays as it is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted package:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve the alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1 resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The trusted package was merged: %n score(s) written.</source>
        <translation>
            <numerusform>The trusted package was merged: %n score written.</numerusform>
            <numerusform>The trusted package was merged: %n scores written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Juror %1 still has %n open alarm(s): their packages stay held.</source>
        <translation>
            <numerusform>Juror %1 still has %n open alarm: their packages stay held.</numerusform>
            <numerusform>Juror %1 still has %n open alarms: their packages stay held.</numerusform>
        </translation>
    </message>
    <message>
        <source>Juror %1&apos;s packages can be imported again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error stopped the work; the details were written to the log file. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust package %1: %2… (revision %3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alarm has been raised in this edition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until this alarm is resolved, every package of this juror is held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither package was trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1 was trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was merged by the resolution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to see the alarms and resolve them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentModel</name>
    <message>
        <source>assigned by the plan (not sent yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned by hand (not sent yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued in a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recused (conflict declared by the juror)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barred by a known conflict of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken away by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dossier&apos;s id; a warning sign when one of its constraints is not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dossier&apos;s category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurors who count towards the number each dossier needs (recusals do not), of that number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no bundle yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Load: %n dossier(s)</source>
        <translation>
            <numerusform>Load: %n dossier</numerusform>
            <numerusform>Load: %n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left the jury: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left the jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories covered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories covered: none set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest bundle: revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest bundle: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued in bundle revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be assigned: a known conflict of interest with this institution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later plans do not give it back to this juror; assigning it by hand lifts that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This juror left the jury.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 jurors counted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentProblems</name>
    <message>
        <source>Not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentScreen</name>
    <message>
        <source>Plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the assignment: preview what is kept, added and released, then apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only dossiers with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juror:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All jurors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a constraint is not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 dossiers shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 assigned to %2 by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 taken away from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the juror&apos;s merged package holds work on this dossier (scores, a status or a nomination). Taking the dossier away deletes that work from the edition database; the packages stay as evidence. The juror&apos;s bundle becomes out of date, and a later plan gives the dossier to someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I confirm: take the dossier away and delete the juror&apos;s work on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the juror declared a conflict of interest with this dossier. Taking the assignment away deletes that declaration from the edition database (the package stays as evidence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I confirm: take the assignment away and delete the recusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the dossier went out in the juror&apos;s bundle (revision %2). Taking it away makes that bundle out of date: issue a new revision so the juror&apos;s app drops it. A later plan does not give it back to this juror.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I confirm: take the sent dossier away from the juror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a new bundle revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of merged work removed.</source>
        <translation>
            <numerusform>%n row of merged work removed.</numerusform>
            <numerusform>%n rows of merged work removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Returned to the jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is available again and the next plan may give them dossiers. Assignments released while they were away are not given back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories covered by %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left the jury…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 returned to the jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the dossiers of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %1 away from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan saved: kept %1, added %2, released %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New bundle revisions needed for: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <source>Award a special distinction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organizer decides; the jurors&apos; nominations are advice. The decision is recorded with your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. the Kapituła&apos;s justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories covered by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plan made with &quot;only jurors who cover the category&quot; gives this juror only dossiers of the ticked categories. Assignments already made stay; the problems list names those outside the categories.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryCombo</name>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompletenessView</name>
    <message>
        <source>no package yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers complete or recused, of those assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurors who completed the dossier or recused themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each cell: the juror&apos;s state on a dossier assigned to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurors: progress and the latest package merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers × jurors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages merged from %1 of %2 jurors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM — juror %1 (%2): the package with revision %3 does not continue the merged edit log (noticed %4). It is kept as evidence; clarify it with the juror.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM — juror %1 (%2) signed two different packages with revision %3 (noticed %4). Both are kept as evidence; clarify it with the juror.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionsView</name>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurors who marked the dossier complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinctions awarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominated by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the results for printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking per category and certification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award the selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award to any dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special distinctions: the jurors&apos; nominations and your decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Certified: %n dossier(s)</source>
        <translation>
            <numerusform>Certified: %n dossier</numerusform>
            <numerusform>Certified: %n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>incomplete assessment: %n</source>
        <translation>
            <numerusform>incomplete assessment: %n</numerusform>
            <numerusform>incomplete assessment: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>stage %1 ≥ %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification rule: weighted total ≥ %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at least %n juror(s) marked the dossier complete.</source>
        <translation>
            <numerusform>at least %n juror marked the dossier complete.</numerusform>
            <numerusform>at least %n jurors marked the dossier complete.</numerusform>
        </translation>
    </message>
    <message>
        <source>The results are open: imports and decisions are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked for printing by %1 on %2. Imports, the threshold and distinctions are refused until the results are unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the distinction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw “%1” from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The distinction was not withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JurorPanel</name>
    <message>
        <source>Juror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a cell or a column to see its juror here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left the jury…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeftDialog</name>
    <message>
        <source>%1 left the jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dossier can be assigned to a juror who left. The next plan releases their work that nobody scored and gives it to others; dossiers they already scored stay and wait for your decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. resigned from the jury for health reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Lock the results for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locking freezes the results for printing: imports, the threshold and distinctions are refused until the results are unlocked (with a reason). Who is locking them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizerActions</name>
    <message>
        <source>&amp;Import score packages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and merge the jurors&apos; score packages (.pu-scores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the results as CSV for Excel or as JSON (as “juror-app results” does)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Printouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protocol of the jury meeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summaries per institution…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ranking per category…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The jurors&apos; &amp;score sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laureates, special distinctions, the packages merged and the data code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each institution on its own page: the jurors&apos; points, a chart, the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ranking of each category, with a chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sheet per juror, to be signed at the meeting</source>
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
        <source>&amp;How the organizer works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About juror-app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizerHelp</name>
    <message>
        <source>The edition database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window works on one edition database (a .sqlite file); the status line at the bottom names it, and one database can be open in only one window at a time. Setting up an edition — categories and criteria, applicants and their documents, the jurors, the assignment and the jurors&apos; bundles — is not done in this window yet: today “juror-app demo” makes a complete demo edition, and “juror-app --demo --role organizer” opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Import the jurors&apos; score packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File → Import score packages (or drop .pu-scores files or a folder on the window). Every file is checked first — signature, contents, roster, edition, the bundle it was made against, revision history — and nothing changes while checking. The preview says per file: new, update (with every change, old → new), already imported, stale, refused with the reason, or an ALARM when one juror signed two different packages with the same revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Merge” applies every acceptable file in one transaction; “Cancel” changes nothing. The packages are kept beside the database as evidence. Importing the same files again changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. See who is missing and where the jurors disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completeness: each juror&apos;s progress and latest package, and the dossiers × jurors matrix. Results: every dossier with its stage subtotals, weighted total and certification; for the selected dossier each juror&apos;s points per criterion with the mean, median, trimmed mean, standard deviation and range. A criterion is flagged for discussion when its range is above the disagreement threshold, which you may change; “To discuss at the meeting” lists them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement: Krippendorff&apos;s α and the one-way ICC per criterion, and how lenient or strict each juror is compared with the co-jurors of the same dossiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Rankings and decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rankings: per category, by the weighted total; “Normalise” adds the ranking after normalising each juror&apos;s scores beside it and highlights every place that changes. The raw ranking stays the official one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions: certification by the edition&apos;s rule, and the special distinctions: the jurors&apos; nominations, and your decision, recorded with your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Lock, print, export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions → “Lock the results for printing” freezes them: imports, the threshold and distinctions are refused until they are unlocked with a reason, which is kept in the lock history. Printouts made while the results are not locked say “working copy” on every page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printouts: the protocol of the jury meeting, a summary per institution, the ranking per category and the jurors&apos; score sheets — previewed, then printed or saved as PDF; every page carries the code of the data it was made from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File → Export results: CSV for Excel or JSON, the same file as “juror-app results” writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same work can be scripted: “juror-app merge”, “juror-app results”, “juror-app report” and “juror-app verify” (each with --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drag and drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score packages or a folder onto the window: import them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set up (the window was started without the error handler)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no error has been recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python, Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organizer&apos;s side of the program for the Kapituła of the “Przyjazny Urząd” competition: merging the jurors&apos; signed score packages, results, agreement, rankings, decisions and printouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the organizer works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About juror-app</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizerLaunch</name>
    <message>
        <source>Demo edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo edition: dossiers, jurors, their score packages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an edition database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition database (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the edition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizerNames</name>
    <message>
        <source>certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizerWindow</name>
    <message>
        <source>Organizer — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rankings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No score package has been merged yet. Import the packages the jurors sent to see completeness, results and rankings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import score packages…</source>
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
        <source>Reading the results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · packages from %2 of %3 jurors · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n alarm</numerusform>
            <numerusform>%n alarms</numerusform>
        </translation>
    </message>
    <message>
        <source>The results could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageImportDialog</name>
    <message>
        <source>Import score packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the score packages (.pu-scores) that the jurors sent: drop them here, or pick files or a whole folder. Every file is checked first (signature, contents, roster, revision history); nothing is merged until you press “Merge”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the demo&apos;s packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score packages (*%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder with score packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new score package (%1) was found there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking %n file(s)…</source>
        <translation>
            <numerusform>Checking %n file…</numerusform>
            <numerusform>Checking %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>Merging in one transaction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM — juror %1 signed two DIFFERENT packages with the same revision. Both are kept as evidence and nothing of this juror is merged. Clarify it with the juror before the meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM — the edit log of juror %1&apos;s package does not continue the earlier one: edits already made would be lost. The package is kept as evidence and nothing of this juror is merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: juror %1 has an alarm that is not resolved; their packages are not merged until it is (the alarm badge in the status bar).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file added yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking was cancelled; nothing was changed. “Check again” checks the list once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error stopped the work; the details were written to the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“Merge” merges %n file(s) in one transaction.</source>
        <translation>
            <numerusform>“Merge” merges %n file in one transaction.</numerusform>
            <numerusform>“Merge” merges %n files in one transaction.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be merged; “Keep as evidence” records the alarm and keeps the packages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to merge: the database stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Merged %n package(s).</source>
        <translation>
            <numerusform>Merged %n package.</numerusform>
            <numerusform>Merged %n packages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) written.</source>
        <translation>
            <numerusform>%n score written.</numerusform>
            <numerusform>%n scores written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) kept as evidence in %1.</source>
        <translation>
            <numerusform>%n package kept as evidence in %1.</numerusform>
            <numerusform>%n packages kept as evidence in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) recorded: clarify them with the jurors.</source>
        <translation>
            <numerusform>%n alarm recorded: clarify it with the juror.</numerusform>
            <numerusform>%n alarms recorded: clarify them with the jurors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n file(s)</source>
        <translation>
            <numerusform>Merge %n file</numerusform>
            <numerusform>Merge %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep as evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan the assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan keeps every assignment already sent in a bundle, scored or recused, and fills only what is missing: new dossiers, a recusal, the work of a juror who left. Nothing is written until you apply it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed and the same edition give the same plan; it only breaks ties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only jurors who cover the dossier&apos;s category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurors per dossier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the rules and press Preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left the jury</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Save the partial plan anyway: %n constraint(s) stay unmet</source>
        <translation>
            <numerusform>Save the partial plan anyway: %n constraint stays unmet</numerusform>
            <numerusform>Save the partial plan anyway: %n constraints stay unmet</numerusform>
        </translation>
    </message>
    <message>
        <source>dossiers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept %1, added %2, released %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loads after the plan: %1–%2 dossiers per juror.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n juror(s) will need a new bundle revision.</source>
        <translation>
            <numerusform>%n juror will need a new bundle revision.</numerusform>
            <numerusform>%n jurors will need a new bundle revision.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to change; applying saves the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n constraint(s) cannot be met: see Problems.</source>
        <translation>
            <numerusform>%n constraint cannot be met: see Problems.</numerusform>
            <numerusform>%n constraints cannot be met: see Problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every constraint is met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) wait for you: see Decisions.</source>
        <translation>
            <numerusform>%n decision waits for you: see Decisions.</numerusform>
            <numerusform>%n decisions wait for you: see Decisions.</numerusform>
        </translation>
    </message>
    <message>
        <source>The rules changed since the preview: press Preview again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some constraints stay unmet: tick the box to save the partial plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (merged: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to the merged data</source>
        <translation>
            <numerusform>%n change to the merged data</numerusform>
            <numerusform>%n changes to the merged data</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to do: this package is already merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
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
        <source>%n score(s)</source>
        <translation>
            <numerusform>%n score</numerusform>
            <numerusform>%n scores</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Juror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM: this juror signed two different packages with the same revision. Both are kept as evidence and nothing of this juror is merged; clarify it with the juror before anything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM: this package&apos;s edit log does not continue the juror&apos;s earlier one, so edits already made would be lost. It is kept as evidence and nothing of this juror is merged; clarify it with the juror and resolve the alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: this juror has an alarm that is not resolved yet. Nothing of this juror is merged until the alarm is resolved (click the alarm badge in the status bar).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changes (merged → this package):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more change(s).</source>
        <translation>
            <numerusform>… and %n more change.</numerusform>
            <numerusform>… and %n more changes.</numerusform>
        </translation>
    </message>
    <message>
        <source>No score, status, conflict or nomination changes: only the revision is newer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Problems: %n</numerusform>
            <numerusform>Problems: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems: none, every constraint is met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many jurors score each dossier has not been set yet: make a plan (Plan…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loads: %1–%2 dossiers per available juror; %3 per dossier; %4 dossiers, %5 jurors available</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n left</source>
        <translation>
            <numerusform>, %n left</numerusform>
            <numerusform>, %n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankingsView</name>
    <message numerus="yes">
        <source>up %n</source>
        <translation>
            <numerusform>up %n</numerusform>
            <numerusform>up %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down %n</source>
        <translation>
            <numerusform>down %n</numerusform>
            <numerusform>down %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage II %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaks ties of the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalised place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalised %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How normalisation moves the dossier within its category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalise jurors&apos; scores and show both rankings side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offsets lenient and strict jurors; the raw ranking stays the official one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalisation: each juror&apos;s weighted totals become z-scores (the juror&apos;s own mean and standard deviation) and are rescaled to the mean and standard deviation of all jurors&apos; totals; a dossier&apos;s normalised total is the mean over its jurors. A juror with fewer than 2 totals keeps the raw values; a juror whose totals are all equal gets the pooled mean. The raw ranking remains the official one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept raw (fewer than 2 totals): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set to the pooled mean (no spread): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this edition every juror with totals has at least 2 of them and some spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Normalisation changes the place of %n dossier(s) (highlighted).</source>
        <translation>
            <numerusform>Normalisation changes the place of %n dossier (highlighted).</numerusform>
            <numerusform>Normalisation changes the place of %n dossiers (highlighted).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Take the dossier away from the juror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the juror turned out to have worked for this institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsExportDialog</name>
    <message>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results of the merged scores in one file: completeness, every juror&apos;s points with the statistics per dossier and criterion, agreement, rankings, certification and distinctions. The same data always gives the same file, identical to what “juror-app results” writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opens correctly in Polish Excel: semicolons, decimal commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for other programs and scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the ranking after normalising each juror&apos;s scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on the Rankings tab: per-juror z-scores; the raw ranking stays the official one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the file to write the results to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%2, %n dossier(s)).</source>
        <translation>
            <numerusform>Saved %1 (%2, %n dossier).</numerusform>
            <numerusform>Saved %1 (%2, %n dossiers).</numerusform>
        </translation>
    </message>
    <message>
        <source>An unexpected error stopped the export; the details were written to the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted total as % of the maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria to discuss: the jurors&apos; range is above the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurors who marked the dossier complete, of those assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trimmed mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With 4 or more scores the highest and the lowest are dropped; otherwise the mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample standard deviation (needs 2 or more scores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To discuss at the meeting: the range is above the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest minus lowest points; ⚑ = above the disagreement threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest minus lowest points, of the criterion&apos;s maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A criterion is flagged for discussion when its jurors&apos; points differ (highest − lowest) by more than this share of the criterion&apos;s maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreement threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To discuss at the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>To discuss at the meeting: %n criterion score(s)</source>
        <translation>
            <numerusform>To discuss at the meeting: %n criterion score</numerusform>
            <numerusform>To discuss at the meeting: %n criterion scores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n dossier(s)</source>
        <translation>
            <numerusform>on %n dossier</numerusform>
            <numerusform>on %n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>To discuss at the meeting (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to discuss</source>
        <translation>
            <numerusform>%n to discuss</numerusform>
            <numerusform>%n to discuss</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a dossier on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1: %2 of %3 points (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threshold was not changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step is complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupTabs</name>
    <message>
        <source>The edition could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step is complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed copies may already exist, so the reason for unlocking is kept in the lock history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. a juror&apos;s corrected package arrived after the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
