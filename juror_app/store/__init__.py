"""SQLite stores (sqlite-utils): the juror workstation database and the organizer database."""
