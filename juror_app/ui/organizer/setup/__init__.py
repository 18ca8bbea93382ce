"""The organizer's setup screens, one per step, in the order an organizer works (see ``screens.py``)."""
