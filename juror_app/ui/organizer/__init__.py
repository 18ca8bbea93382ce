"""The organizer's window: import and merge score packages, completeness, results, agreement, rankings, decisions."""
