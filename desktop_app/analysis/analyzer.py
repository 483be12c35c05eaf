"""SensitivityAnalyzer: the one front door to checking content, for the app and other apps."""

from __future__ import annotations

import os
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from PIL import Image

from .decode import pil_to_rgb
from .sources import BytesSource, CheckSource, PathSource, PixelsSource, path_of
from .supervisor import BULK, INTERACTIVE, WorkerPool
from .verdict import Analysis, AnalysisOptions, AnalysisPolicy, Kind, Status, Strictness

ImageSource = str | os.PathLike[str] | bytes | bytearray | Image.Image
IMAGE_TIMEOUT_S = 20.0
VIDEO_EXTRA_TIMEOUT_S = 20.0
# Background workers get little CPU while the computer is busy; a check that only waited
# for its turn must not be answered "timeout" (which hides a child's ordinary file).
BACKGROUND_PATIENCE = 3.0


class SensitivityAnalyzer:
    """Checks images and videos on this device, in supervised worker processes.

    >>> with SensitivityAnalyzer() as analyzer:
    ...     result = analyzer.analyze_image("photo.jpg")
    ...     result.is_sensitive, result.status

    ``policy`` follows Apple's analysis policy: ``disabled`` checks nothing,
    ``simple`` answers yes/no with a score, ``descriptive`` adds regions.
    ``test_pattern`` makes the admin test pattern count as sensitive.
    ``background`` runs the workers at background CPU and disk priority (bulk scans of
    the per-machine service; `core.background`), with time limits ``BACKGROUND_PATIENCE``
    times longer; interactive checks belong to an analyzer without it.
    Results never raise for bad files: they carry a status and a reason.
    """

    def __init__(
        self,
        strictness: Strictness | str = Strictness.STANDARD,
        policy: AnalysisPolicy | str = AnalysisPolicy.DESCRIPTIVE,
        *,
        test_pattern: bool = False,
        manifest: Path | None = None,
        workers: int | None = None,
        image_timeout_s: float = IMAGE_TIMEOUT_S,
        video_budget_s: float = 8.0,
        background: bool = False,
    ) -> None:
        self.options = AnalysisOptions(
            strictness=Strictness(strictness),
            test_pattern=test_pattern,
            policy=AnalysisPolicy(policy),
            video_budget_s=video_budget_s,
        )
        self.image_timeout_s = image_timeout_s
        self.background = background
        self._patience = BACKGROUND_PATIENCE if background else 1.0
        self._pool: WorkerPool | None = None
        if self.options.policy is not AnalysisPolicy.DISABLED:
            self._pool = WorkerPool(manifest=manifest, workers=workers, background=background)

    @property
    def worker_pids(self) -> list[int]:
        """The worker processes running now (none before the first has started)."""
        return self._pool.pids if self._pool is not None else []

    # -- futures (for the GUI and bulk scans) ---------------------------------------
    def submit_image(
        self, image: ImageSource, *, interactive: bool = False, thumbnail_px: int = 0
    ) -> Future[Analysis]:
        """Queue an image check; interactive checks jump ahead of bulk ones.

        ``thumbnail_px`` > 0 asks for ``Analysis.thumbnail`` (a small JPEG, at most that
        many pixels on its long side), made by the worker only for cleared content.
        """
        source: CheckSource
        if isinstance(image, Image.Image):
            source = PixelsSource(pil_to_rgb(image))
        elif isinstance(image, bytes | bytearray):
            source = BytesSource(bytes(image))
        else:
            source = PathSource(os.fspath(image))
        return self._submit(source, self.image_timeout_s, interactive, Kind.IMAGE, thumbnail_px)

    def submit_video(
        self, path: str | os.PathLike[str], *, interactive: bool = False, thumbnail_px: int = 0
    ) -> Future[Analysis]:
        """Queue a video check; a requested thumbnail is its poster (first sampled) frame."""
        timeout = self.options.video_budget_s + VIDEO_EXTRA_TIMEOUT_S
        source = PathSource(os.fspath(path))
        return self._submit(source, timeout, interactive, Kind.VIDEO, thumbnail_px)

    def submit_file(
        self, path: str | os.PathLike[str], *, interactive: bool = False, thumbnail_px: int = 0
    ) -> Future[Analysis]:
        """Any file: its bytes decide whether it is an image, a video or neither."""
        timeout = max(self.image_timeout_s, self.options.video_budget_s + VIDEO_EXTRA_TIMEOUT_S)
        source = PathSource(os.fspath(path))
        return self._submit(source, timeout, interactive, Kind.OTHER, thumbnail_px)

    # -- blocking forms ------------------------------------------------------------
    def analyze_image(self, image: ImageSource) -> Analysis:
        """Check a path, encoded bytes or a PIL image and wait for the answer."""
        return self.submit_image(image, interactive=True).result()

    def analyze_video(self, path: str | os.PathLike[str]) -> Analysis:
        """Check a video file (sampled frames, stopping at the first sensitive one)."""
        return self.submit_video(path, interactive=True).result()

    def analyze_file(self, path: str | os.PathLike[str]) -> Analysis:
        return self.submit_file(path, interactive=True).result()

    def _submit(
        self,
        source: CheckSource,
        timeout_s: float,
        interactive: bool,
        kind: Kind,
        thumbnail_px: int = 0,
    ) -> Future[Analysis]:
        if self._pool is None:
            done: Future[Analysis] = Future()
            done.set_result(Analysis(kind=kind, status=Status.SKIPPED, path=path_of(source)))
            return done
        priority = INTERACTIVE if interactive else BULK
        options = replace(self.options, thumbnail_px=thumbnail_px) if thumbnail_px else self.options
        return self._pool.submit(source, options, timeout_s * self._patience, priority, kind)

    def close(self) -> None:
        """Stop the worker processes (pending checks finish first)."""
        if self._pool is not None:
            self._pool.close()

    def __enter__(self) -> SensitivityAnalyzer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
