"""SensitiveImageView: a picture that is never painted before SafeLens has cleared it.

Until the verdict is in, the widget shows a plain surface. Sensitive content is shown
only as a soft blur made from the worker's 8-pixel preview (nothing recognisable) with
a badge; content that could not be checked gets a plain surface and its own badge. The
original file is decoded here only when it was cleared, or when the intervention flow
says the person chose to view it (``reveal``); ``hide_again`` returns to the blur.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.analysis.verdict import Analysis, Preview


class ViewState(enum.StrEnum):
    CHECKING = "checking"
    BLURRED = "blurred"
    COULD_NOT_CHECK = "could_not_check"
    SHOWN = "shown"  # cleared, or revealed after the flow


class SensitiveImageView(QWidget):
    """Signals:
    state_changed(str): the new ViewState value.
    """

    state_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 120))
        self.state = ViewState.CHECKING
        self._blur: QImage | None = None
        self._picture: QImage | None = None
        self._path: Path | None = None
        self.setAccessibleName(self.tr("Picture"))
        self._describe()

    # --- what the caller tells the view ------------------------------------------------

    def show_checking(self) -> None:
        self._picture, self._blur = None, None
        self._set(ViewState.CHECKING)

    def show_result(self, analysis: Analysis, path: Path) -> None:
        """Show what the verdict allows: the picture if cleared, otherwise no original pixel."""
        self._path = path
        self._blur = _blur_image(analysis.preview)
        if analysis.could_not_check:
            self._picture = None
            self._set(ViewState.COULD_NOT_CHECK)
        elif analysis.is_sensitive:
            self._picture = None
            self._set(ViewState.BLURRED)
        else:
            self._show_original()

    def reveal(self) -> None:
        """The flow says the person chose to view (and, under 13, the guardian approved)."""
        if self._path is not None:
            self._show_original()

    def hide_again(self) -> None:
        if self.state is ViewState.SHOWN and self._blur is not None:
            self._picture = None
            self._set(ViewState.BLURRED)

    # --- drawing ------------------------------------------------------------------------

    def _show_original(self) -> None:
        assert self._path is not None
        reader = QImageReader(str(self._path))
        reader.setAutoTransform(True)  # EXIF orientation, as the checker saw it
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(self.size() * 2, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        self._picture = None if image.isNull() else image
        self._set(ViewState.SHOWN if self._picture is not None else ViewState.COULD_NOT_CHECK)

    def _set(self, state: ViewState) -> None:
        self.state = state
        self._describe()
        self.update()
        self.state_changed.emit(state.value)

    def _describe(self) -> None:
        texts = {
            ViewState.CHECKING: self.tr("Checking this picture…"),
            ViewState.BLURRED: self.tr("This may be sensitive. The picture is hidden."),
            ViewState.COULD_NOT_CHECK: self.tr("SafeLens couldn't check this, so it is hidden."),
            ViewState.SHOWN: self.tr("The picture is shown."),
        }
        self.setAccessibleDescription(texts[self.state])

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        area = self.rect()
        painter.fillRect(area, self.palette().color(QPalette.ColorRole.Mid))
        if self.state is ViewState.SHOWN and self._picture is not None:
            self._draw_fitted(painter, self._picture, area, smooth=True)
        elif self.state is ViewState.BLURRED and self._blur is not None:
            self._draw_fitted(painter, self._blur, area, smooth=True)
            painter.fillRect(area, QColor(255, 255, 255, 70))  # frosted: softer still
        if self.state is not ViewState.SHOWN:
            self._draw_badge(painter, area)
        painter.end()

    @staticmethod
    def _draw_fitted(painter: QPainter, image: QImage, area: QRect, *, smooth: bool) -> None:
        mode = (
            Qt.TransformationMode.SmoothTransformation
            if smooth
            else Qt.TransformationMode.FastTransformation
        )
        scaled = image.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio, mode)
        x = area.x() + (area.width() - scaled.width()) // 2
        y = area.y() + (area.height() - scaled.height()) // 2
        painter.drawImage(x, y, scaled)

    def _draw_badge(self, painter: QPainter, area: QRect) -> None:
        text = {
            ViewState.CHECKING: self.tr("Checking…"),
            ViewState.BLURRED: self.tr("May be sensitive"),
            ViewState.COULD_NOT_CHECK: self.tr("Couldn't check"),
        }[self.state]
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        box = metrics.boundingRect(text).adjusted(-12, -6, 12, 6)
        box.moveCenter(area.center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(20, 20, 20, 190))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _blur_image(preview: Preview | None) -> QImage | None:
    """The worker's few pixels as an image; scaling it up smoothly makes the blur."""
    if preview is None or preview.width * preview.height * 3 != len(preview.rgb):
        return None
    image = QImage(
        preview.rgb, preview.width, preview.height, preview.width * 3, QImage.Format.Format_RGB888
    )
    return image.copy()  # own the pixels: the bytes object may go away
