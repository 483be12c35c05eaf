"""Ask FFmpeg (through PyAV) what a file is, when its first bytes did not say."""

from __future__ import annotations

from .media import Sniffed
from .verdict import Kind


def probe(path: str) -> Sniffed | None:
    """A video (any container FFmpeg demuxes), sound only, or None when FFmpeg sees neither."""
    import av

    try:
        container = av.open(path, options={"protocol_whitelist": "file"}, timeout=5.0)
    except (av.error.FFmpegError, OSError, ValueError):
        return None
    with container:
        name = str(container.format.name).split(",")[0]
        if container.streams.video:
            return Sniffed(Kind.VIDEO, name)
        if container.streams.audio:
            return Sniffed(Kind.OTHER, "audio")
    return None
