"""The wrapped label measures as QLabel does, only once per width, and shows text as text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from juror_app.ui.common.wrapped_label import WrappedLabel

TEXT = ("Ocenie podlegają rozwiązania ułatwiające klientom załatwianie spraw: organizacja punktu obsługi, "
        "Karta Usług, system kolejkowy, godziny pracy, dostępność dla osób z niepełnosprawnościami.")


def test_heights_match_qlabel_and_follow_text_changes(qtbot) -> None:
    ours, plain = WrappedLabel(TEXT), QLabel(TEXT)
    plain.setWordWrap(True)
    for label in (ours, plain):
        qtbot.addWidget(label)
    for width in (120, 240, 480, 240):
        assert ours.heightForWidth(width) == plain.heightForWidth(width)
    assert ours.heightForWidth(120) > ours.heightForWidth(480)
    ours.setText("krótko")
    plain.setText("krótko")
    assert ours.heightForWidth(120) == plain.heightForWidth(120) == ours.fontMetrics().height()
    assert ours.sizeHint().height() == ours.heightForWidth(ours.sizeHint().width())


def test_font_change_is_measured_again(qtbot) -> None:
    label = WrappedLabel(TEXT)
    qtbot.addWidget(label)
    before = label.heightForWidth(300)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    assert label.heightForWidth(300) > before


def test_markup_is_shown_as_typed(qtbot) -> None:
    label = WrappedLabel("<b>nie pogrubione</b>")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
