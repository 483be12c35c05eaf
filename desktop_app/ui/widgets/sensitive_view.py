"""SensitiveImageView: a picture that is never painted before SafeLens has cleared it.

Until the verdict is in, the widget shows a plain surface. Sensitive content is shown
only as a soft blur made from the worker's 8-pixel preview (nothing recognisable) with
a badge; content that could not be checked gets a plain surface and its own badge. The
original file is decoded only when it was cleared, or when the intervention flow says the
person chose to view it (``reveal``) — on a worker thread, scaled to the widget, so a huge
picture never stalls the window. Animated GIF/WebP play and videos play (frames from PyAV,
no sound) only then; ``hide_again`` stops them and returns to the blur.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageReader,
    QMovie,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.analysis.verdict import Analysis, Kind, Preview

from ..tasks import BackgroundWork
from .video_frames import VideoFrames


class ViewState(enum.StrEnum):
    CHECKING = "checking"
    BLURRED = "blurred"
    COULD_NOT_CHECK = "could_not_check"
    SHOWN = "shown"  # cleared, or revealed after the flow
    # cleared or revealed, but not a picture this window can draw (a PDF, an archive, a
    # format Qt cannot read): the file is handed to its own app instead
    ELSEWHERE = "elsewhere"


class SensitiveImageView(QWidget):
    """Signals:
    state_changed(str): the new ViewState value.
    open_elsewhere(str): the path of a cleared (or revealed) file this view cannot draw,
        for its own app to open.
    """

    state_changed = Signal(str)
    open_elsewhere = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 120))
        self.state = ViewState.CHECKING
        self._blur: QImage | None = None
        self._picture: QImage | None = None
        self._path: Path | None = None
        self._kind = Kind.IMAGE
        self._generation = 0  # a decode that finishes after hide_again is dropped
        self.movie: QMovie | None = None
        self.video: VideoFrames | None = None
        self.work = BackgroundWork(self)
        self.setAccessibleName(self.tr("Picture"))
        self._describe()

    # --- what the caller tells the view ------------------------------------------------

    def show_checking(self) -> None:
        self._stop_playing()
        self._picture, self._blur = None, None
        self._set(ViewState.CHECKING)

    def show_result(self, analysis: Analysis, path: Path) -> None:
        """Show what the verdict allows: the picture if cleared, otherwise no original pixel."""
        self._stop_playing()
        self._path, self._kind = path, analysis.kind
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
            self._stop_playing()
            self._picture = None
            self._set(ViewState.BLURRED)

    # --- the original, once allowed -------------------------------------------------------

    def _show_original(self) -> None:
        assert self._path is not None
        self._generation += 1
        if self._kind not in (Kind.IMAGE, Kind.VIDEO):
            self._hand_over()
            return
        if self._kind is Kind.VIDEO:
            self._play_video()
            return
        generation, fit = self._generation, self.size() * max(2.0, self.devicePixelRatioF())
        self.work.run(
            _read_picture,
            self._path,
            fit,
            on_result=lambda found: self._picture_read(generation, found),
            on_error=lambda _error: self._picture_read(generation, None),
        )

    def _picture_read(self, generation: int, found: tuple[QImage, bytes | None] | None) -> None:
        if generation != self._generation:
            return  # hidden again (or another file) while it was being read
        if found is None or found[0].isNull():  # checked, but not a format Qt draws
            self._hand_over()
            return
        image, animation = found
        self._picture = image
        if animation is not None:
            self._play_movie(animation)
        self._set(ViewState.SHOWN)

    def _hand_over(self) -> None:
        assert self._path is not None
        self._picture = None
        self._set(ViewState.ELSEWHERE)
        self.open_elsewhere.emit(str(self._path))

    def _play_movie(self, data: bytes) -> None:
        self._movie_data = QByteArray(data)
        buffer = QBuffer(self._movie_data, self)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.movie = QMovie(buffer, QByteArray(), self)
        self.movie.frameChanged.connect(self._movie_frame)
        self.movie.start()

    def _movie_frame(self, _number: int) -> None:
        if self.movie is not None and self.state is ViewState.SHOWN:
            self._picture = self.movie.currentImage()
            self.update()

    def _play_video(self) -> None:
        assert self._path is not None
        fit = self.size() * max(1.0, self.devicePixelRatioF())
        self.video = VideoFrames(self._path, fit, self)
        self.video.frame.connect(self._video_frame)
        self.video.start()
        self._set(ViewState.SHOWN)

    def _video_frame(self, image: QImage) -> None:
        if self.state is ViewState.SHOWN:
            self._picture = image
            self.update()

    def _stop_playing(self) -> None:
        self._generation += 1
        if self.movie is not None:
            self.movie.stop()
            self.movie.deleteLater()
            self.movie = None
        if self.video is not None:
            self.video.stop()
            self.video.deleteLater()
            self.video = None

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
            ViewState.ELSEWHERE: self.tr("Checked. This file opens in its own app."),
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
            ViewState.ELSEWHERE: self.tr("Opens in its own app"),
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


def _read_picture(path: Path, fit: QSize) -> tuple[QImage, bytes | None]:
    """On a worker thread: the first frame scaled to fit, and the bytes if it is animated."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # EXIF orientation, as the checker saw it
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    animated = reader.supportsAnimation() and reader.imageCount() != 1
    image = reader.read()
    return image, (path.read_bytes() if animated and not image.isNull() else None)


def _blur_image(preview: Preview | None) -> QImage | None:
    """The worker's few pixels as an image; scaling it up smoothly makes the blur."""
    if preview is None or preview.width * preview.height * 3 != len(preview.rgb):
        return None
    image = QImage(
        preview.rgb, preview.width, preview.height, preview.width * 3, QImage.Format.Format_RGB888
    )
    return image.copy()  # own the pixels: the bytes object may go away
