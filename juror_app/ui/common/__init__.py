"""Pieces both windows share: start-up, translations, error handling, background tasks."""
