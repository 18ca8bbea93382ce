"""PySide6 windows, dialogs, Qt models and workers. Nothing imports this package.

Importing it imports PySide6 and tells PySide6 up front which modules use it, so that it does not
read the source of each module imported after it (``ui.common.feature_scan``).
"""

import PySide6  # noqa: F401  (sets up the import hook whose table is filled below)

from juror_app.ui.common.feature_scan import skip_feature_scan

skip_feature_scan()
