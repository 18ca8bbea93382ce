"""The juror's workstation: review the assigned dossiers' PDFs, score them, export signed packages.

``launch.start`` opens it; ``main_window`` assembles the parts (dossier list, document viewer,
scoring panel); every change goes through ``session.Session`` to the Qt-free workflows.
"""
