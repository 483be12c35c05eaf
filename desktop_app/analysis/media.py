"""Recognise media by its bytes and decode it small, safely, inside the worker.

Never trust a file's name: the first bytes decide (``formats.sniff``, re-exported here).
Pictures open with Pillow (``decode``: one plugin per format, PostScript and metafiles
never, nothing larger than ``MAX_PIXELS``); camera RAW through LibRaw's embedded preview
(``raw``). The worker makes the blurred preview and the thumbnail here too.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image

from .animation import ANIMATION_BUDGET_S
from .decode import PILLOW_PLUGINS, pillow_frames
from .formats import Sniffed, sniff
from .verdict import Kind, Preview, Thumbnail

# Every IMAGE media_format sniff can return: the Pillow ones, and camera RAW (rawpy).
IMAGE_FORMATS = frozenset([*PILLOW_PLUGINS, "raw"])


def _suffixes(words: str) -> frozenset[str]:
    """File name endings, written as one string of words so the lists stay readable."""
    return frozenset(words.split())


IMAGE_SUFFIXES = _suffixes(
    ".jpg .jpeg .jpe .jfif .png .apng .gif .webp .bmp .dib .tif .tiff .heic .heif .avif "
    ".jp2 .j2k .jpf .jpx .jpm .j2c .jxl .tga .icb .vda .vst .ico .cur .icns .pcx .dcx "
    ".ppm .pgm .pbm .pnm .pam .dds .sgi .rgb .rgba .bw .qoi .psd .ras .sun .xbm .xpm "
    ".dng .cr2 .cr3 .crw .nef .nrw .arw .srf .sr2 .orf .rw2 .raf .pef .srw .3fr .erf "
    ".kdc .dcr .mos .iiq .mrw .x3f .rwl"
)
VIDEO_SUFFIXES = _suffixes(
    ".mp4 .mov .m4v .mkv .webm .avi .3gp .3g2 .ts .mts .m2ts .m2t .mpg .mpeg .mpe .m1v "
    ".m2v .vob .flv .f4v .wmv .asf .ogv .ogg .ogm .rm .rmvb .ivf .y4m .mxf .nut .dv "
    ".divx .xvid .wtv .gifv"
)
ARCHIVE_SUFFIXES = _suffixes(
    ".zip .cbz .tar .tgz .gz .tbz .tbz2 .bz2 .txz .xz .7z .cb7 .rar .cbr .cbt .jar .apk "
    ".zst .lz4 .lz .cab .iso .dmg .arj .lzh .lha .cpio .deb .rpm .z"
)
DOCUMENT_SUFFIXES = _suffixes(
    ".pdf .svg .svgz .html .htm .xhtml .mht .mhtml .eml .mbox .msg .vcf .vcard .epub "
    ".docx .docm .xlsx .xlsm .pptx .pptm .odt .ods .odp .odg .doc .xls .ppt .rtf .ps .eps "
    ".djvu .xps .oxps .pages .key .numbers"
)
# Names a picker treats as "may show a picture" (a tile that needs the worker's check).
# The worker still decides by the bytes: a file with any other name is checked as well.
PICTURE_SUFFIXES = IMAGE_SUFFIXES | VIDEO_SUFFIXES | ARCHIVE_SUFFIXES | DOCUMENT_SUFFIXES


def image_frames(
    source: bytes | str | os.PathLike[str],
    media_format: str,
    budget_s: float = ANIMATION_BUDGET_S,
) -> Iterator[np.ndarray]:
    """Yield RGB frames (HxWx3 uint8, long side <= DECODE_SIDE): every look of an animation.

    Animations: see ``animation.chosen_frames`` (every frame decoded within ``budget_s``).
    """
    if media_format == "raw":
        from .raw import raw_frames  # LibRaw loads only when a camera RAW file arrives

        yield from raw_frames(source)
        return
    yield from pillow_frames(source, media_format, budget_s)


PREVIEW_SIDE = 8


def blur_preview(rgb: np.ndarray) -> Preview:
    """A few pixels of colour (long side 8): enough for a soft blur, nothing recognisable.

    Made in the worker, so the app can show something before (or instead of) the
    real content without ever decoding an unchecked file itself.
    """
    image = Image.fromarray(rgb)
    image.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE), Image.Resampling.BOX)
    return Preview(image.width, image.height, image.tobytes())


MAX_THUMBNAIL_SIDE = 256  # frames are decoded at DECODE_SIDE; thumbnails stay small on the pipe


def thumbnail_of(rgb: np.ndarray, side: int) -> Thumbnail:
    """A small JPEG of a frame, for a picker's grid; the worker attaches it only when cleared."""
    image = Image.fromarray(rgb)
    side = max(8, min(side, MAX_THUMBNAIL_SIDE))
    image.thumbnail((side, side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    encoded = io.BytesIO()
    image.save(encoded, format="JPEG", quality=85)
    return Thumbnail(image.width, image.height, encoded.getvalue())


def misnamed_reason(name: str, sniffed: Sniffed) -> str | None:
    """Words for a file named like a picture or video whose bytes say it is not one."""
    suffix = Path(name).suffix.lower()
    if sniffed.kind is not Kind.OTHER or not (suffix in IMAGE_SUFFIXES or suffix in VIDEO_SUFFIXES):
        return None
    what = "a picture" if suffix in IMAGE_SUFFIXES else "a video"
    looks = "text" if sniffed.media_format == "text" else "something else"
    return (
        f"This file is named like {what} ({suffix}) but it is not one: its content looks "
        f"like {looks}."
    )


__all__ = [
    "IMAGE_FORMATS",
    "PICTURE_SUFFIXES",
    "Sniffed",
    "blur_preview",
    "image_frames",
    "misnamed_reason",
    "sniff",
    "thumbnail_of",
]
