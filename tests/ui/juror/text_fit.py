"""Find every text a window shows cut off: a label, button, field, placeholder, tab, header or list cell
whose text needs more room than it has, unless it is elided ("…") with the whole text in its tooltip.

Used on the juror's window at the screen sizes jurors have and on its dialogs (issue 11, item 11).
It measures with each widget's own font, as Qt draws it; widgets scrolled out of a scroll area are
not cut (they scroll), so only each widget's own size counts.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTabBar,
    QWidget,
)

SLACK = 1  # a pixel of rounding


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '-'})"


def _plain_width(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    margin, indent = label.margin(), max(label.indent(), 0)
    width = rect.width() - 2 * margin - indent
    height = rect.height() - 2 * margin
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
    if label.wordWrap() or rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap if label.wordWrap() else QTextOption.WrapMode.NoWrap)
        document.setDefaultTextOption(option)
        if rich:
            document.setHtml(text)
        else:
            document.setPlainText(text)
        if not label.wordWrap() and document.idealWidth() > width + SLACK:
            return f"needs {document.idealWidth():.0f} px wide, has {width}"
        document.setTextWidth(max(width, 1))
        needed = document.size().height()
        if needed > height + 2 + SLACK:
            return f"needs {needed:.0f} px high at {width} px, has {height}"
        return None
    metrics = label.fontMetrics()
    needed_width = _plain_width(metrics, text)
    lines = text.count("\n") + 1
    if needed_width > width + SLACK:
        return f"needs {needed_width} px wide, has {width}"
    if metrics.height() * lines > height + SLACK:
        return f"needs {metrics.height() * lines} px high, has {height}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    hint = button.sizeHint()  # the text, its icon and the style's padding
    if button.width() + SLACK < hint.width():
        return f"needs {hint.width()} px wide, has {button.width()}"
    if button.height() + SLACK < button.fontMetrics().height():
        return f"needs {button.fontMetrics().height()} px high, has {button.height()}"
    return None


def _line_edit_problem(edit: QLineEdit) -> str | None:
    """The placeholder (the hint shown in an empty field) must be read whole; typed text scrolls in its field."""
    if edit.text() or not edit.placeholderText():
        return None
    text = edit.placeholderText()
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, _line_edit_option(edit), edit)
    margins = edit.textMargins()
    available = rect.width() - margins.left() - margins.right() - 4  # QLineEdit's own horizontal margin
    if edit.isClearButtonEnabled():
        available -= edit.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, edit) + 6
    needed = edit.fontMetrics().horizontalAdvance(text)
    if needed > available + SLACK:
        return f"placeholder needs {needed} px, has {available}"
    return None


def _line_edit_option(edit: QLineEdit) -> QStyleOptionFrame:
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.rect = edit.contentsRect()
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, edit) if edit.hasFrame() else 0
    return option


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > field.width() + SLACK and text not in (combo.toolTip() or ""):
        return f"'{text}' needs {needed} px, has {field.width()}"
    return None


def _tab_problems(bar: QTabBar) -> list[str]:
    problems = []
    metrics = bar.fontMetrics()
    for i in range(bar.count()):
        text = bar.tabText(i).replace("&", "")
        rect: QRect = bar.tabRect(i)
        needed = metrics.horizontalAdvance(text) + 2 * bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace,
                                                                              None, bar) // 2
        hidden = rect.right() > bar.width() or rect.left() < 0  # behind the scroll arrows
        if (hidden or rect.width() + SLACK < needed) and text not in (bar.tabToolTip(i) or ""):
            problems.append(f"tab '{text}' needs {needed} px, has {rect.width()}" + (" (scrolled away)" if hidden else ""))
    return problems


def _header_problems(header: QHeaderView) -> list[str]:
    problems = []
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return problems
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal) or ""
        needed = metrics.horizontalAdvance(str(text)) + 2 * header.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin, None, header)
        if header.sectionSize(section) + SLACK < needed:
            problems.append(f"header '{text}' needs {needed} px, has {header.sectionSize(section)}")
    return problems


def _cell_problems(view: QAbstractItemView) -> list[str]:
    """Visible cells whose text does not fit and whose tooltip does not hold it whole."""
    problems = []
    model = view.model()
    if model is None:
        return problems
    viewport = view.viewport().rect()
    for index in _indexes(view, model, QModelIndex()):
        row, column = index.row(), index.column()
        rect = view.visualRect(index)
        if not rect.isValid() or not rect.intersects(viewport):
            continue
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        text = str(text)
        delegate = view.itemDelegateForIndex(index)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = rect
        option.font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        if view.wordWrap():
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        needed = delegate.sizeHint(option, index)
        tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        cut = needed.width() > rect.width() + SLACK if not view.wordWrap() else False
        if view.wordWrap():
            metrics = QFontMetrics(option.font)
            bound = metrics.boundingRect(QRect(0, 0, max(rect.width() - 8, 1), 10_000),
                                         int(Qt.TextFlag.TextWordWrap), text)
            cut = bound.height() > rect.height() + SLACK
        if cut and text.replace("  ★", "") not in tooltip:
            problems.append(f"cell ({row}, {column}) '{text}' needs {needed.width()} px, has {rect.width()}")
    return problems


def _indexes(view: QAbstractItemView, model, parent: QModelIndex):
    """Every index of ``model`` under ``parent``, the children of expanded tree rows included."""
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and model.hasChildren(index) and getattr(view, "isExpanded", lambda _: False)(index):
                yield from _indexes(view, model, index)


def _clipped(widget: QWidget, root: QWidget) -> str | None:
    """A widget squeezed out of its parent: laid out wider (or higher) than the room its parent has, so its
    far side is cut off. The content of a scroll area is meant to be larger than its viewport."""
    child: QWidget = widget
    while child is not root and child.parentWidget() is not None:
        parent = child.parentWidget()
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            return None
        if isinstance(parent, QAbstractScrollArea):
            return None
        geometry = child.geometry()
        room = parent.rect()
        if geometry.right() > room.right() + SLACK or geometry.bottom() > room.bottom() + SLACK:
            return (f"runs past {_name(parent)}: {geometry.right() + 1}×{geometry.bottom() + 1} in "
                    f"{room.width()}×{room.height()}")
        child = parent
    return None


def cut_texts(root: QWidget) -> list[str]:
    """Every text shown in ``root`` (and the windows it owns) that is cut off without a tooltip holding it."""
    QApplication.processEvents()
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget, root):
            continue
        found: list[str] = []
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
            found += [problem] if problem else []
        elif isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar):
            problem = _button_problem(widget)
            found += [problem] if problem else []
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parent(), (QComboBox,)) and \
                type(widget.parent()).__name__ not in ("QDoubleSpinBox", "QSpinBox", "PointsField"):
            problem = _line_edit_problem(widget)
            found += [problem] if problem else []
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
            found += [problem] if problem else []
        elif isinstance(widget, QTabBar):
            found += _tab_problems(widget)
        elif isinstance(widget, QHeaderView):
            found += _header_problems(widget)
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit, QComboBox)) and _text_of(widget):
            problem = _clipped(widget, root)
            found += [problem] if problem else []
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and \
                type(widget).__name__ in ("QTreeView", "QTableView", "QListView"):
            found += _cell_problems(widget)
        problems += [f"{_name(widget)} {text!r}: {problem}" for problem in found
                     for text in [_text_of(widget)]]
    return problems


def _text_of(widget: QWidget) -> str:
    for attribute in ("text", "placeholderText", "currentText"):
        getter = getattr(widget, attribute, None)
        if callable(getter):
            try:
                value = getter()
            except TypeError:
                continue
            if value:
                return str(value)[:60]
    return ""
