"""What the organizer does: setting up the edition, merging packages, results and reports."""
