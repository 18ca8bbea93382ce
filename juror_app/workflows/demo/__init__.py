"""The simulated edition (``juror-app demo``): it plays every part through the real workflows."""
