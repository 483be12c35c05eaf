"""Frames of a cleared video, decoded ahead on a thread and shown on time by the GUI.

Only videos the worker cleared (or that the flow revealed) come here. The decoding thread
never touches Qt objects: it fills a small queue with RGB frames; a GUI-thread timer takes
the frames whose time has come. Sound is not played (PySide6-Essentials has no multimedia).
"""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

import av
import numpy as np
from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QImage

_AHEAD = 6  # frames decoded before they are due
_TICK_MS = 15


class VideoFrames(QObject):
    """Signals:
    frame(QImage): the next frame, scaled to fit the requested size.
    ended(): the last frame was shown, or the file could not be played.
    """

    frame = Signal(QImage)
    ended = Signal()

    def __init__(self, path: Path, fit: QSize, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path, self._fit = path, fit
        self._frames: queue.Queue[tuple[float, np.ndarray] | None] = queue.Queue(_AHEAD)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(_TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._started_at = 0.0
        self._due: tuple[float, np.ndarray] | None = None
        self.frames_shown = 0

    def start(self) -> None:
        self._thread = threading.Thread(target=self._decode, name="safelens-video", daemon=True)
        self._thread.start()
        self._started_at = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        while True:  # free the decoder if it waits for room in the queue
            try:
                self._frames.get_nowait()
            except queue.Empty:
                break

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def _tick(self) -> None:
        if self._due is None:
            try:
                self._due = self._frames.get_nowait()
            except queue.Empty:
                return
            if self._due is None:  # the end
                self._timer.stop()
                self.ended.emit()
                return
        when, rgb = self._due
        if time.monotonic() - self._started_at < when:
            return
        self._due = None
        height, width = rgb.shape[:2]
        image = QImage(rgb.data, width, height, width * 3, QImage.Format.Format_RGB888).copy()
        self.frames_shown += 1
        self.frame.emit(image)

    def _decode(self) -> None:  # on the decoding thread: no Qt here
        try:
            with av.open(str(self._path), options={"protocol_whitelist": "file"}) as container:
                stream = container.streams.video[0]
                stream.thread_type = "AUTO"
                width, height = _fitted(stream.width, stream.height, self._fit)
                for frame in container.decode(stream):
                    if self._stop.is_set():
                        return
                    when = float(frame.time or 0.0)
                    rgb = frame.to_ndarray(format="rgb24", width=width, height=height)
                    self._put((when, np.ascontiguousarray(rgb)))
        except (av.FFmpegError, IndexError, OSError, ValueError):
            pass  # a cleared file that cannot be played: it simply ends
        self._put(None)

    def _put(self, item: tuple[float, np.ndarray] | None) -> None:
        while not self._stop.is_set():
            try:
                self._frames.put(item, timeout=0.2)
                return
            except queue.Full:
                continue


def _fitted(width: int, height: int, fit: QSize) -> tuple[int, int]:
    """The largest even size with the video's shape inside ``fit`` (never larger than the video)."""
    scale = min(fit.width() / max(width, 1), fit.height() / max(height, 1), 1.0)
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)
