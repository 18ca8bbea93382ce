"""PySide6 windows, dialogs, Qt models and workers. Nothing imports this package."""
