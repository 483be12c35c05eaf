"""What a file is, from its first bytes: the one rule that decides how it is checked.

Every file is an image, a video, an archive or a document (each can show a picture, so
each is checked or else "could not check"), or OTHER: text, sound, fonts, programs and
databases cannot show a picture themselves ("unknown" binary is carved and probed by the
worker). A format that can show a picture but SafeLens cannot read raises
``CheckFailed(UNSUPPORTED)`` with its name. The file's name never lets anything through:
it only breaks ties for formats without a signature (TGA) or for markup in plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .verdict import CheckFailed, Kind, Status

# Pictures that the bytes alone cannot name (TGA has no signature), tried by the name.
# How much of a file sniff looks at: enough for every signature it knows (TAR's at 257,
# ISO 9660's at 32769, Ogg's stream headers, the markup scan).
HEAD_BYTES = 64 * 1024
_TGA_SUFFIXES = frozenset([".tga", ".icb", ".vda", ".vst"])
_MARKUP_SUFFIXES = frozenset([".html", ".htm", ".xhtml", ".shtml"])
_SVG_SUFFIXES = frozenset([".svg", ".svgz"])


@dataclass(frozen=True)
class Sniffed:
    kind: Kind
    media_format: str  # e.g. "jpeg", "mp4", "zip", "pdf", "text", "unknown"


def sniff(head: bytes, name: str = "") -> Sniffed:
    """Decide what the bytes are; raise CheckFailed only for empty or uncheckable formats."""
    if not head:
        raise CheckFailed(Status.UNREADABLE, "The file is empty (0 bytes).")
    for recognise in (_image, _video, _archive, _document, _uncheckable, _binary_other):
        found = recognise(head)
        if found is not None:
            return found
    text = _as_text(head)
    if text is not None:
        return _text_format(text, Path(name).suffix.lower())
    if Path(name).suffix.lower() in _TGA_SUFFIXES and _plausible_tga(head):
        return Sniffed(Kind.IMAGE, "tga")
    return Sniffed(Kind.OTHER, "unknown")


# --- images -----------------------------------------------------------------------------

_SIMPLE_IMAGES = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "jpeg2000"),
    (b"\xff\x4f\xff\x51", "jpeg2000"),
    (b"\xff\x0a", "jxl"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "jxl"),
    (b"DDS \x7c\x00\x00\x00", "dds"),
    (b"8BPS\x00\x01", "psd"),
    (b"\x59\xa6\x6a\x95", "sun"),
    (b"\xb1\x68\xde\x3a", "dcx"),
    (b"/* XPM */", "xpm"),
    # Camera RAW that is not TIFF-shaped: Olympus, Panasonic, Fujifilm, Minolta, Sigma.
    (b"IIRO\x08\x00\x00\x00", "raw"),
    (b"IIRS\x08\x00\x00\x00", "raw"),
    (b"MMOR\x00\x00\x00\x08", "raw"),
    (b"IIU\x00", "raw"),
    (b"FUJIFILMCCD-RAW ", "raw"),
    (b"\x00MRM", "raw"),
    (b"FOVb", "raw"),
)


def _image(head: bytes) -> Sniffed | None:
    for magic, fmt in _SIMPLE_IMAGES:
        if head.startswith(magic):
            return Sniffed(Kind.IMAGE, fmt)
    by_header = _image_by_header(head)
    return Sniffed(Kind.IMAGE, by_header) if by_header else None


def _image_by_header(head: bytes) -> str | None:
    """Signatures that need a field or two checked, so stray bytes are not taken for one."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:2] == b"BM" and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES:
        return "bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "raw" if _camera_raw_tiff(head) else "tiff"
    if head[4:8] == b"ftyp":
        return _iso_bmff_image(head)
    if head[:4] in (b"qoif", b"icns") and head[4] == 0:  # sizes, not words of a text
        return "qoi" if head[:4] == b"qoif" else "icns"
    if head[:4] in (b"\0\0\1\0", b"\0\0\2\0") and _plausible_icon(head):
        return "ico" if head[2] == 1 else "cur"
    if head[0] == 0x0A and len(head) > 3 and head[1] in (0, 2, 3, 4, 5) and head[2] in (0, 1):
        return "pcx" if head[3] in (1, 2, 4, 8) else None
    if head[:2] == b"\x01\xda" and len(head) > 5 and head[2] in (0, 1) and head[3] in (1, 2):
        return "sgi"
    if _PNM.match(head):
        return "pnm"
    if re.match(rb"#define[ \t]+\S*_width[ \t]+\d+[\r\n]+#define[ \t]+\S*_height", head[:512]):
        return "xbm"
    return None


_BMP_HEADER_SIZES = (12, 16, 40, 52, 56, 64, 108, 124)
# Netpbm: the magic, then (past comments of any length) the width and height; PAM names
# its fields. One space or one comment per repeat: ``(\s+)+`` took exponential time.
_PNM = re.compile(rb"P(?:[1-6](?:\s|#[^\n]*\n)+\d+(?:\s|#[^\n]*\n)+\d|7\s+(?:#|[A-Z]))")


def _plausible_icon(head: bytes) -> bool:
    count = int.from_bytes(head[4:6], "little")
    return 0 < count < 256 and len(head) >= 22 and head[9] == 0


def _plausible_tga(head: bytes) -> bool:
    if len(head) < 18 or head[1] not in (0, 1) or head[2] not in (1, 2, 3, 9, 10, 11):
        return False
    width, height = int.from_bytes(head[12:14], "little"), int.from_bytes(head[14:16], "little")
    return width > 0 and height > 0 and head[16] in (1, 8, 15, 16, 24, 32)


# Makers whose TIFF-shaped files are RAW (NEF, ARW/SR2, PEF, SRW, 3FR, ERF, DCR/KDC, MOS,
# IIQ, ...). A maker's plain TIFF taken for RAW still decodes: the RAW path falls back.
_RAW_MAKERS = (
    b"NIKON",
    b"SONY",
    b"PENTAX",
    b"RICOH",
    b"SAMSUNG",
    b"HASSELBLAD",
    b"SEIKO EPSON",
    b"EASTMAN KODAK",
    b"KODAK",
    b"LEAF",
    b"PHASE ONE",
    b"MAMIYA",
    b"LEICA",
    b"CANON",
    b"OLYMPUS",
    b"PANASONIC",
    b"FUJIFILM",
    b"SIGMA",
)
_DNG_VERSION, _MAKE = 0xC612, 0x010F


def _camera_raw_tiff(head: bytes) -> bool:
    """A TIFF that is camera RAW: CR2's marker, a DNGVersion tag or a camera maker."""
    if head[8:10] == b"CR":
        return True
    tags = _ifd0_tags(head)
    if _DNG_VERSION in tags:
        return True
    make = tags.get(_MAKE, b"").upper()
    return any(make.startswith(maker) for maker in _RAW_MAKERS)


def _ifd0_tags(head: bytes) -> dict[int, bytes]:
    """The first IFD's tags, with the bytes of ASCII values found inside the head."""
    order: Literal["little", "big"] = "little" if head[:2] == b"II" else "big"
    at = int.from_bytes(head[4:8], order)
    if at < 8 or at + 2 > len(head):
        return {}
    count = min(int.from_bytes(head[at : at + 2], order), 512)
    tags: dict[int, bytes] = {}
    for entry in range(at + 2, min(at + 2 + 12 * count, len(head) - 11), 12):
        tag = int.from_bytes(head[entry : entry + 2], order)
        kind = int.from_bytes(head[entry + 2 : entry + 4], order)
        size = int.from_bytes(head[entry + 4 : entry + 8], order)
        value = head[entry + 8 : entry + 12]
        if kind == 2 and size > 4:
            offset = int.from_bytes(value, order)
            value = head[offset : offset + min(size, 64)]
        tags[tag] = value[:size].rstrip(b"\0")
    return tags


_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
_VIDEO_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"M4VH",
    b"M4VP",
    b"qt  ",
    b"3gp4",
    b"3gp5",
    b"3gp6",
    b"3gp7",
    b"3g2a",
    b"3g2b",
    b"3g2c",
    b"mmp4",
    b"dash",
    b"MSNV",
    b"XAVC",
    b"f4v ",
    b"M4A ",
}


def _brands(head: bytes) -> tuple[bytes, set[bytes]]:
    box_size = int.from_bytes(head[0:4], "big")
    end = min(max(box_size, 16), len(head))
    return head[8:12], {head[8:12]} | {head[i : i + 4] for i in range(16, end - 3, 4)}


def _iso_bmff_image(head: bytes) -> str | None:
    major, brands = _brands(head)
    if major == b"crx ":
        return "raw"  # Canon CR3
    if major in _AVIF_BRANDS:
        return "avif"
    if major in _HEIF_BRANDS:
        return "heif"
    if major in _VIDEO_BRANDS or brands & _VIDEO_BRANDS:
        return None
    if brands & _AVIF_BRANDS:
        return "avif"
    if brands & _HEIF_BRANDS:
        return "heif"
    return None


# --- videos -----------------------------------------------------------------------------


def _video(head: bytes) -> Sniffed | None:
    fmt = _video_format(head)
    return Sniffed(Kind.VIDEO, fmt) if fmt else None


def _video_format(head: bytes) -> str | None:
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "avi"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm" if b"webm" in head[:64] else "mkv"
    if head[4:8] == b"ftyp":
        return _iso_bmff_video(head)
    if head[:4] == b"\x00\x00\x01\xba":
        return "mpeg"  # MPEG program stream (.mpg, .vob)
    if head[:4] == b"\x00\x00\x01\xb3":
        return "mpegvideo"  # MPEG-1/2 elementary video stream (.m1v, .m2v, some .mpg)
    if head[:3] == b"FLV" and len(head) > 4 and head[3] == 1:
        return "flv"
    if head[:8] == b"\x30\x26\xb2\x75\x8e\x66\xcf\x11":
        return "asf"  # WMV, WMA (a WMA is sound only; the video check says so)
    if head[:4] == b".RMF":
        return "rm"
    if head[:4] == b"DKIF":
        return "ivf"
    if head[:9] == b"YUV4MPEG2":
        return "yuv4mpegpipe"
    if _mpegts(head):
        return "mpegts"
    return None


def _iso_bmff_video(head: bytes) -> str | None:
    major, brands = _brands(head)
    if major == b"qt  ":
        return "mov"
    if major[:3] in (b"3gp", b"3g2"):
        return "3gp"
    if major in _VIDEO_BRANDS or brands & _VIDEO_BRANDS:
        return "mp4"
    return None


def _mpegts(head: bytes) -> bool:
    """Transport stream: a sync byte every 188 bytes (192 in Blu-ray's M2TS)."""
    for start, step in ((0, 188), (4, 192)):
        syncs = range(start, min(len(head), start + step * 8), step)
        if len(syncs) >= 3 and all(head[i] == 0x47 for i in syncs):
            return True
    return False


# --- archives ---------------------------------------------------------------------------

_ARCHIVES = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07\x00", "rar"),
    (b"Rar!\x1a\x07\x01\x00", "rar"),
    (b"PK\x05\x06", "zip"),  # an empty ZIP
    (b"PK\x07\x08", "zip"),  # a spanned ZIP's first part
)
# Archives SafeLens knows but cannot open, with the name a person would use.
_UNOPENABLE_ARCHIVES = (
    (b"\x28\xb5\x2f\xfd", "Zstandard"),
    (b"\x04\x22\x4d\x18", "LZ4"),
    (b"LZIP", "lzip"),
    (b"MSCF\0\0\0\0", "CAB"),
    (b"\x60\xea", "ARJ"),
    (b"\xc7\x71", "cpio"),
    (b"\x71\xc7", "cpio"),
    (b"!<arch>\n", "Unix ar (or .deb)"),
    (b"xar!", "XAR (.pkg)"),
    (b"\x1f\x9d", "Unix compress (.Z)"),
    (b"hsqs", "SquashFS"),
    (b"MSWIM\0\0\0", "WIM"),
)


def _archive(head: bytes) -> Sniffed | None:
    if head[:4] == b"PK\x03\x04":
        return _zip(head)
    for magic, fmt in _ARCHIVES:
        if head.startswith(magic):
            return Sniffed(Kind.ARCHIVE, fmt)
    if head[257:262] == b"ustar" or _v7_tar(head):
        return Sniffed(Kind.ARCHIVE, "tar")
    name = _unopenable_archive(head)
    if name is not None:
        raise CheckFailed(
            Status.UNSUPPORTED,
            f"This is a {name} archive. SafeLens can't open it, so it could not check what "
            "is inside.",
            Kind.ARCHIVE,
        )
    return None


def _unopenable_archive(head: bytes) -> str | None:
    for magic, name in _UNOPENABLE_ARCHIVES:
        if head.startswith(magic):
            return name
    if re.match(rb"0707(?:07[0-7]{70}|0[12][0-9a-fA-F]{104})", head[:110]):
        return "cpio"
    if head[:4] == b"ZOO " and head[20:24] == b"\xdc\xa7\xc4\xfd":
        return "ZOO"
    if re.match(rb"..-l[hz][0-9a-z ]-", head[:7], re.DOTALL):
        return "LHA"
    if head[7:14] == b"**ACE**":
        return "ACE"
    if head[32769:32774] == b"CD001":
        return "ISO 9660 (disc image)"
    return None


def _zip(head: bytes) -> Sniffed:
    """ZIP; an e-book, OpenDocument or Office file (also ZIP inside) is a document."""
    name_length = int.from_bytes(head[26:28], "little")
    first = head[30 : 30 + name_length]
    if first == b"mimetype" or b"[Content_Types].xml" in head:
        return Sniffed(Kind.DOCUMENT, "zip")
    return Sniffed(Kind.ARCHIVE, "zip")


def _v7_tar(head: bytes) -> bool:
    """An old (pre-POSIX) tar: no magic, but the header's checksum adds up."""
    if len(head) < 512 or not head[0] or head[0] in b"/":
        return False
    field = head[148:156].replace(b"\0", b" ").strip()
    if not field or not all(48 <= b <= 55 for b in field):
        return False
    total = sum(head[:148]) + 8 * 32 + sum(head[156:512])
    return int(field, 8) == total


# --- documents --------------------------------------------------------------------------


def _document(head: bytes) -> Sniffed | None:
    if b"%PDF-" in head[:1024]:
        return Sniffed(Kind.DOCUMENT, "pdf")
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return Sniffed(Kind.DOCUMENT, "ole")  # .doc, .xls, .ppt, .msg, .msi
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return Sniffed(Kind.DOCUMENT, "rtf")
    if head.lstrip()[:4] == b"%!PS" or head[:4] == b"\xc5\xd0\xd3\xc6":
        raise CheckFailed(
            Status.UNSUPPORTED,
            "This is a PostScript document. SafeLens can't open those safely, so it could "
            "not check it.",
            Kind.DOCUMENT,
        )
    if head[:8] == b"AT&TFORM":
        raise CheckFailed(
            Status.UNSUPPORTED,
            "This is a DjVu document. SafeLens can't open those, so it could not check it.",
            Kind.DOCUMENT,
        )
    return None


# --- pictures SafeLens knows but cannot read --------------------------------------------

_UNCHECKABLE_IMAGES = (
    (b"\x76\x2f\x31\x01", "an OpenEXR picture"),
    (b"II\xbc\x01", "a JPEG XR picture"),
    (b"BPG\xfb", "a BPG picture"),
    (b"FLIF", "a FLIF picture"),
    (b"#?RADIANCE", "a Radiance HDR picture"),
    (b"#?RGBE", "a Radiance HDR picture"),
    (b"gimp xcf", "a GIMP picture (XCF)"),
    (b"8BPS\x00\x02", "a large Photoshop document (PSB)"),
    (b"\xd7\xcd\xc6\x9a", "a Windows Metafile drawing (WMF)"),
    (b"\x01\x00\x09\x00\x00\x03", "a Windows Metafile drawing (WMF)"),
    (b"\x02\x00\x09\x00\x00\x03", "a Windows Metafile drawing (WMF)"),
)


def _uncheckable(head: bytes) -> Sniffed | None:
    words = next((w for magic, w in _UNCHECKABLE_IMAGES if head.startswith(magic)), None)
    if words is None and head[:4] == b"\x01\0\0\0" and head[40:44] == b" EMF":
        words = "a Windows Metafile drawing (EMF)"
    if words is None and head[128:132] == b"DICM":
        words = "a medical (DICOM) picture"
    if words is None:
        return None
    raise CheckFailed(
        Status.UNSUPPORTED,
        f"This is {words}. SafeLens can't read those, so it could not check it.",
        Kind.IMAGE,
    )


# --- cannot show a picture --------------------------------------------------------------

_OTHER_BINARY = (
    (b"ID3", "audio"),
    (b"fLaC", "audio"),
    (b"MThd", "audio"),
    (b"#!AMR", "audio"),
    (b".snd", "audio"),
    (b"wvpk", "audio"),
    (b"MAC ", "audio"),
    (b"caff", "audio"),
    (b"\x00\x01\x00\x00\x00", "font"),
    (b"OTTO", "font"),
    (b"true\x00", "font"),
    (b"ttcf", "font"),
    (b"wOFF", "font"),
    (b"wOF2", "font"),
    (b"\x7fELF", "program"),
    (b"MZ", "program"),
    (b"\xfe\xed\xfa\xce", "program"),
    (b"\xfe\xed\xfa\xcf", "program"),
    (b"\xce\xfa\xed\xfe", "program"),
    (b"\xcf\xfa\xed\xfe", "program"),
    (b"\xca\xfe\xba\xbe", "program"),  # a Mach-O universal binary or a Java class
    (b"\x00asm", "program"),
    (b"SQLite format 3\x00", "database"),
)


def _binary_other(head: bytes) -> Sniffed | None:
    for magic, fmt in _OTHER_BINARY:
        if head.startswith(magic):
            return Sniffed(Kind.OTHER, fmt)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Sniffed(Kind.OTHER, "audio")
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return Sniffed(Kind.OTHER, "audio")
    if head[:4] == b"OggS":
        return _ogg(head)
    if _mpeg_audio(head):
        return Sniffed(Kind.OTHER, "audio")
    return None


_OGG_VIDEO = (b"\x80theora", b"OVP80", b"\x01video", b"BBCD\x00", b"fishead")
_OGG_AUDIO = (b"\x01vorbis", b"OpusHead", b"\x7fFLAC", b"Speex   ")


def _ogg(head: bytes) -> Sniffed:
    """Ogg: video if any stream's first packet is video; sound only when all are sound."""
    codecs: list[bytes] = []
    at = 0
    while head[at : at + 4] == b"OggS" and at + 27 <= len(head) and head[at + 5] & 0x02:
        segments = head[at + 26]
        lacing = head[at + 27 : at + 27 + segments]
        body = at + 27 + segments
        codecs.append(head[body : body + 8])
        at = body + sum(lacing)
    if codecs and all(c.startswith(_OGG_AUDIO) for c in codecs):
        return Sniffed(Kind.OTHER, "audio")
    return Sniffed(Kind.VIDEO, "ogg")


_MPEG_AUDIO_BITRATE_BAD = (0x0, 0xF)


def _mpeg_audio(head: bytes) -> bool:
    """An MPEG audio (MP3) frame header, or AAC's ADTS header, at the very start."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0 or head[1] == 0xFE:
        return False
    if head[1] & 0xF6 == 0xF0:  # ADTS: layer bits 00
        return (head[2] >> 2) & 0x0F < 13
    version, layer = (head[1] >> 3) & 0x03, (head[1] >> 1) & 0x03
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 0x03
    return version != 1 and layer != 0 and bitrate not in _MPEG_AUDIO_BITRATE_BAD and rate != 3


# --- text and markup --------------------------------------------------------------------


_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")


def _as_text(head: bytes) -> str | None:
    """The head as text, or None when it is binary (UTF-8/16 with BOM, UTF-8, Latin-1)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le")):
        if head.startswith(bom):
            return _decoded(head[len(bom) :], codec)
    if head.startswith(b"\xfe\xff"):
        return _decoded(head[2:], "utf-16-be")
    # Without a byte order mark: no NUL, and (nearly) no control characters but layout.
    if b"\0" in head:
        return None
    text = _decoded(head, "utf-8")
    if text is None:
        text = head.decode("latin-1")
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return text if controls <= len(head) // 100 else None


def _decoded(data: bytes, codec: str) -> str | None:
    for cut in range(4):  # the head may end in the middle of a character
        try:
            return data[: len(data) - cut].decode(codec)
        except UnicodeDecodeError:
            continue
    return None


_LEADING = re.compile(
    # A DOCTYPE may carry an internal subset in [...] with '>' inside (Illustrator's SVGs).
    r"^(?:\s|<!--.*?-->|<\?xml.*?\?>|<!doctype[^>\[]*(?:\[.*?\]\s*)?>)*",
    re.IGNORECASE | re.DOTALL,
)
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p"
    r"|img|meta|link|picture|frameset)[\s>/]",
    re.IGNORECASE,
)
# Markup anywhere in the head that makes a browser show a picture.
_HTML_PICTURE = re.compile(
    r"<(?:img|picture|svg|video|object|embed|iframe|body|html)[\s>/]|data:image/", re.IGNORECASE
)
_HEADER = re.compile(r"^[!-9;-~]+:[ \t]", re.MULTILINE)
_MAIL_HEADERS = re.compile(
    r"^(?:received|from|return-path|message-id|mime-version|delivered-to|x-mailer)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)


def _text_format(text: str, suffix: str) -> Sniffed:
    document = _markup(text.lstrip("\ufeff"))
    if document is None and suffix in _MARKUP_SUFFIXES:
        document = "html"  # trying the page's reader costs nothing; text shows no picture
    if document is None and suffix in _SVG_SUFFIXES:
        document = "svg"  # <svg> may come after the head; the reader fails closed if not one
    if document is not None:
        return Sniffed(Kind.DOCUMENT, document)
    return Sniffed(Kind.OTHER, "text")


def _markup(text: str) -> str | None:
    """svg, html, mhtml, eml, mbox or vcard: text that can show a picture."""
    stripped = text.lstrip()
    if stripped[:11].upper() == "BEGIN:VCARD":
        return "vcard"
    if stripped.startswith("From ") and _is_mail(stripped.partition("\n")[2]):
        return "mbox"
    if _is_mail(stripped):
        lowered = stripped[:8192].lower()
        if "multipart/related" in lowered and (
            "content-location:" in lowered or "from: <saved by" in lowered
        ):
            return "mhtml"
        return "eml"
    body = _LEADING.sub("", text[:8192], count=1)
    if re.match(r"<(?:svg|svg:svg)[\s>]", body, re.IGNORECASE):
        return "svg"
    if _HTML_START.match(body) or _HTML_PICTURE.search(text):
        return "html"
    return None


def _is_mail(text: str) -> bool:
    """RFC 822 headers at the start, with at least one only mail has."""
    block = text.replace("\r\n", "\n").split("\n\n", 1)[0]
    lines = [line for line in block.split("\n")[:40] if line]
    if not lines or not _HEADER.match(lines[0]):
        return False
    fields = [line for line in lines if not line[:1].isspace()]
    if any(not _HEADER.match(line) for line in fields):
        return False
    return _MAIL_HEADERS.search(block) is not None
