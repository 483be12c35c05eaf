"""Values that cross the worker boundary and the layers: what a check found."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from typing import Any


class Kind(enum.StrEnum):
    """What sort of content a file holds, judged by its bytes, never its name."""

    IMAGE = "image"
    VIDEO = "video"
    ARCHIVE = "archive"  # ZIP, TAR, 7z, RAR, compressed streams: pictures may be inside
    DOCUMENT = "document"  # PDF, office, e-book, SVG, web page, e-mail, vCard
    OTHER = "other"  # cannot show a picture (text, sound, ...) or not known at all


class Status(enum.StrEnum):
    """Whether the check could be done. Anything but OK means 'could not check'.

    ``ok`` with no frame checked means the file cannot show a picture (plain text,
    sound only, a document without images): nothing to check. ``unsupported`` means
    the file can show a picture that SafeLens cannot check (encrypted, unknown, ...).
    """

    OK = "ok"
    UNREADABLE = "unreadable"
    UNSUPPORTED = "unsupported"
    TIMEOUT = "timeout"
    SKIPPED = "skipped"  # the analysis policy is 'disabled'; never produced by the CLI

    @property
    def checked(self) -> bool:
        return self is Status.OK


class Strictness(enum.StrEnum):
    """standard = exposed nudity; strict = lower thresholds plus suggestive signals."""

    STANDARD = "standard"
    STRICT = "strict"


class AnalysisPolicy(enum.StrEnum):
    """How much the caller wants to know (like Apple's SCSensitivityAnalysisPolicy).

    disabled: nothing is analysed; simple: a yes/no and a score;
    descriptive: also the regions and labels that made the verdict.
    """

    DISABLED = "disabled"
    SIMPLE = "simple"
    DESCRIPTIVE = "descriptive"


@dataclass(frozen=True)
class Region:
    """A part of a frame that made the verdict; box is (x, y, w, h) as fractions 0-1."""

    label: str
    score: float
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Preview:
    """A tiny RGB picture (at most 8 px on its long side) for a blurred placeholder."""

    width: int
    height: int
    rgb: bytes


@dataclass(frozen=True)
class Thumbnail:
    """A small JPEG of cleared content (opt-in), so a picker never decodes the original.

    An ``Analysis`` that is not ``cleared`` never holds one (see its ``__post_init__``).
    """

    width: int
    height: int
    jpeg: bytes


@dataclass(frozen=True)
class Analysis:
    """The answer to 'is this sensitive?' for one image, video or byte string.

    ``status`` other than ``ok`` means the content could not be checked; a child's
    surface must then treat it as hidden ('fail closed').
    """

    kind: Kind
    status: Status
    is_sensitive: bool = False
    score: float = 0.0
    reason: str | None = None
    regions: tuple[Region, ...] = ()
    frames_checked: int = 0
    elapsed_ms: float = 0.0
    path: str | None = None
    media_format: str | None = None
    preview: Preview | None = None
    thumbnail: Thumbnail | None = None
    # Inside an archive or document: the name (never the pixels) of the member that made
    # the verdict, e.g. "photos/beach.jpg" or "page 3"; nested ones joined by " / ".
    member: str | None = None

    def __post_init__(self) -> None:
        """The one place the rule lives: only cleared content carries its pixels.

        Holds for whatever builds the value: the worker, ``from_wire``, ``replace``.
        """
        if self.thumbnail is not None and not self.cleared:
            object.__setattr__(self, "thumbnail", None)

    @property
    def sensitive(self) -> bool:
        return self.is_sensitive

    @property
    def could_not_check(self) -> bool:
        return self.status not in (Status.OK, Status.SKIPPED)

    @property
    def nothing_to_check(self) -> bool:
        """Checked, and there is no picture in it at all (text, sound, an empty archive)."""
        return self.status is Status.OK and self.frames_checked == 0 and not self.is_sensitive

    @property
    def cleared(self) -> bool:
        """Checked and not sensitive: the only state whose pixels may be shown unasked."""
        return self.status is Status.OK and not self.is_sensitive

    def to_json(self) -> dict[str, Any]:
        """The CLI contract: exactly these keys, in this order."""
        return {
            "path": self.path,
            "kind": self.kind.value,
            "status": self.status.value,
            "sensitive": self.is_sensitive,
            "score": round(self.score, 4),
            "reason": self.reason,
            "frames_checked": self.frames_checked,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "member": self.member,
        }

    def to_wire(self) -> dict[str, Any]:
        """A plain dict for the worker pipe (no custom classes cross the boundary)."""
        return asdict(self)

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Analysis:
        regions = tuple(
            Region(label=r["label"], score=r["score"], box=tuple(r["box"]))
            for r in data.get("regions", ())
        )
        return cls(
            kind=Kind(data["kind"]),
            status=Status(data["status"]),
            is_sensitive=bool(data["is_sensitive"]),
            score=float(data["score"]),
            reason=data.get("reason"),
            regions=regions,
            frames_checked=int(data.get("frames_checked", 0)),
            elapsed_ms=float(data.get("elapsed_ms", 0.0)),
            path=data.get("path"),
            media_format=data.get("media_format"),
            preview=Preview(**data["preview"]) if data.get("preview") else None,
            thumbnail=Thumbnail(**data["thumbnail"]) if data.get("thumbnail") else None,
            member=data.get("member"),
        )


@dataclass(frozen=True)
class AnalysisOptions:
    """Per-request settings sent to the worker."""

    strictness: Strictness = Strictness.STANDARD
    test_pattern: bool = False
    policy: AnalysisPolicy = AnalysisPolicy.DESCRIPTIVE
    max_video_frames: int = 24
    video_budget_s: float = 8.0
    thumbnail_px: int = 0  # > 0: cleared content comes back with a Thumbnail this size


class CheckFailed(Exception):  # noqa: N818 - it is a verdict, not a bug
    """A file could not be checked; carries the status and a plain-language reason."""

    def __init__(self, status: Status, reason: str, kind: Kind = Kind.OTHER) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.kind = kind


class AnalyzerUnavailable(Exception):  # noqa: N818 - names the state the user sees
    """Nothing can be checked right now (models missing or altered, worker cannot start)."""
