"""What a juror does on the laptop: profile and key, bundle import, scoring, export, search."""
