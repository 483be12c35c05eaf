"""Ask FFmpeg (through PyAV) what a file is, when its first bytes did not say.

Decided by probing, not by a list of brands: any container FFmpeg demuxes with a video
stream is a video (a cover picture attached to sound counts: it is a picture a player
shows), sound only cannot show a picture, anything else is not FFmpeg's. Demuxers that
open other files or the network (playlists, concat, SDP, IMF), that draw any text file as
ANSI art ("tty"), or that read pictures SafeLens decodes itself are never used: FFmpeg's
own ``format_whitelist`` keeps them out before they read a byte past the probe.
"""

from __future__ import annotations

import functools

from .formats import Sniffed
from .verdict import Kind

PROBE_TIMEOUT_S = 5.0
# How much FFmpeg may read and how far it may look into the streams to find them.
_OPTIONS = {
    "protocol_whitelist": "file",
    "probesize": str(8 * 1024 * 1024),
    "analyzeduration": str(5_000_000),
}


def _names(words: str) -> frozenset[str]:
    """Demuxer names, written as one string of words."""
    return frozenset(words.split())


# Demuxers that reach other files or the network, or make a picture out of any text.
_DANGEROUS = _names(
    "hls applehttp concat dash imf sdp rtsp rtp sap srtp tty bin xbin adf idf ffmetadata "
    "lavfi dvdvideo image2 image2pipe"
)
# Picture demuxers for formats SafeLens decodes itself (sniff names them first).
_OWN_PICTURES = _names(
    "bmp_pipe dds_pipe gif gif_pipe j2k_pipe jpeg_pipe jpegxl_pipe pam_pipe pbm_pipe pcx_pipe "
    "pgm_pipe pgmyuv_pipe ppm_pipe png_pipe psd_pipe qoi_pipe sgi_pipe sunrast_pipe "
    "tiff_pipe webp_pipe xbm_pipe xpm_pipe apng"
)
REFUSED = _DANGEROUS | _OWN_PICTURES


def probe(path: str) -> Sniffed | None:
    """A video (any container FFmpeg demuxes), sound only, or None when FFmpeg sees neither."""
    import av

    options = _OPTIONS | {"format_whitelist": _allowed_demuxers()}
    try:
        container = av.open(path, options=options, timeout=PROBE_TIMEOUT_S)
    except (av.error.FFmpegError, OSError, ValueError):
        return None
    with container:
        names = str(container.format.name).split(",")
        if REFUSED.intersection(names):
            return None  # the whitelist already refuses these; never trust one guard alone
        if container.streams.video:
            return Sniffed(Kind.VIDEO, names[0])
        if container.streams.audio:
            return Sniffed(Kind.OTHER, "audio")
    return None


@functools.cache
def _allowed_demuxers() -> str:
    """Every format this FFmpeg knows but the refused ones, for its format_whitelist."""
    import av

    allowed = (name for name in av.formats_available if not REFUSED.intersection(name.split(",")))
    return ",".join(sorted(allowed))
