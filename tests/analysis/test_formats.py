"""Every kind of file, written here with the tools the suite has, is named by its bytes.

sniff's answer decides how a file is checked (issue 9's one rule): images and videos are
decoded, archives and documents are opened, other files cannot show a picture. These
tests build each format and assert what sniff says, and that ``image_frames`` decodes
every picture format sniff can return.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import sqlite3
import struct
import sys
import tarfile
import time
import wave
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from desktop_app.analysis.decode import prepare_decoders
from desktop_app.analysis.media import (
    IMAGE_FORMATS,
    PICTURE_SUFFIXES,
    Sniffed,
    image_frames,
    misnamed_reason,
    sniff,
)
from desktop_app.analysis.verdict import CheckFailed, Kind, Status

HEAD_BYTES = 64 * 1024  # what the worker reads (checking.HEAD_BYTES)


def _picture() -> Image.Image:
    """Left half red, right half blue: easy to recognise after any decoder."""
    rgb = np.zeros((48, 64, 3), np.uint8)
    rgb[:, :32] = (220, 30, 30)
    rgb[:, 32:] = (30, 30, 220)
    return Image.fromarray(rgb)


def _saved(fmt: str, mode: str = "RGB", **params: Any) -> bytes:
    prepare_decoders()  # HEIF, AVIF and JPEG XL writers come with their plugins
    out = io.BytesIO()
    _picture().convert(mode).save(out, format=fmt, **params)
    return out.getvalue()


def _cur() -> bytes:
    ico = bytearray(_saved("ICO", sizes=[(32, 32)], bitmap_format="bmp"))
    ico[2] = 2  # a cursor is an icon with type 2 and a hot spot
    return bytes(ico)


def _dcx() -> bytes:
    pcx = _saved("PCX")
    return struct.pack("<II", 0x3ADE68B1, 12) + struct.pack("<I", 0) + pcx


def _psd(picture: Image.Image | None = None) -> bytes:
    """A flat Photoshop file: header, empty sections, raw RGB planes (the composite)."""
    rgb = np.asarray((picture or _picture()).convert("RGB"))
    height, width = rgb.shape[:2]
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height, width, 8, 3)
    planes = b"".join(rgb[:, :, channel].tobytes() for channel in range(3))
    return header + struct.pack(">III", 0, 0, 0) + struct.pack(">H", 0) + planes


def _sun() -> bytes:
    """Sun raster, 24-bit, rows padded to 16 bits (64 px * 3 is already even), BGR."""
    rgb = np.asarray(_picture())
    height, width = rgb.shape[:2]
    data = rgb[:, :, ::-1].tobytes()
    return struct.pack(">8I", 0x59A66A95, width, height, 24, len(data), 1, 0, 0) + data


def _plain_ppm() -> bytes:
    rgb = np.asarray(_picture().resize((8, 6)))
    values = " ".join(str(v) for v in rgb.flatten())
    return f"P3\n# plain PPM\n8 6\n255\n{values}\n".encode()


def _xpm() -> bytes:
    rows = ['"' + "r" * 4 + "b" * 4 + '",' for _ in range(6)]
    return (
        '/* XPM */\nstatic char *p[] = {\n"8 6 2 1",\n"r c #DC1E1E",\n"b c #1E1EDC",\n'
        + "\n".join(rows)
        + "\n};\n"
    ).encode()


def _tiff_with_make(make: str) -> bytes:
    return _saved("TIFF", tiffinfo={271: make})


# media_format -> bytes of a picture in that format.
IMAGES: dict[str, Callable[[], bytes]] = {
    "jpeg": lambda: _saved("JPEG", quality=95),
    "png": lambda: _saved("PNG"),
    "gif": lambda: _saved("GIF"),
    "webp": lambda: _saved("WEBP", lossless=True),
    "bmp": lambda: _saved("BMP"),
    "tiff": lambda: _saved("TIFF"),
    "heif": lambda: _saved("HEIF"),
    "avif": lambda: _saved("AVIF"),
    "jpeg2000": lambda: _saved("JPEG2000"),
    "j2k codestream": lambda: _saved("JPEG2000", no_jp2=True),
    "jxl": lambda: _saved("JXL", lossless=True),
    "tga (by name)": lambda: _saved("TGA"),
    "ico": lambda: _saved("ICO", sizes=[(32, 32)]),
    "cur": _cur,
    "icns": lambda: _saved("ICNS"),
    "pcx": lambda: _saved("PCX"),
    "dcx": _dcx,
    "pnm (PPM)": lambda: _saved("PPM"),
    "pnm (PGM)": lambda: _saved("PPM", mode="L"),
    "pnm (PBM)": lambda: _saved("PPM", mode="1"),
    "pnm (plain)": _plain_ppm,
    "dds": lambda: _saved("DDS"),
    "sgi": lambda: _saved("SGI"),
    "qoi": lambda: _saved("QOI"),
    "psd": _psd,
    "sun": _sun,
    "xbm": lambda: _saved("XBM", mode="1"),
    "xpm": _xpm,
}
_NAMES = {"tga (by name)": "picture.tga"}
# Pictures whose colours a decoder keeps (1-bit and palette ones are checked for size only).
_COLOURLESS = {"pnm (PGM)", "pnm (PBM)", "xbm", "gif"}


def _format_of(case: str) -> str:
    """The media_format a test case's name stands for: its first word."""
    return case.partition(" ")[0].replace("j2k", "jpeg2000")


@pytest.mark.parametrize("case", sorted(IMAGES))
def test_every_picture_format_is_an_image_by_its_bytes(case: str) -> None:
    data = IMAGES[case]()
    sniffed = sniff(data[:HEAD_BYTES], _NAMES.get(case, "holiday.txt"))
    assert sniffed == Sniffed(Kind.IMAGE, _format_of(case))
    assert sniffed.media_format in IMAGE_FORMATS


@pytest.mark.parametrize("case", sorted(IMAGES))
def test_image_frames_decodes_every_picture_format(case: str) -> None:
    data = IMAGES[case]()
    frames = list(image_frames(data, _format_of(case)))
    assert len(frames) == 1
    frame = frames[0]
    assert frame.dtype == np.uint8 and frame.ndim == 3 and frame.shape[2] == 3
    if case in ("ico", "cur", "icns"):
        return  # icons are square: the 64x48 picture was resized to fit
    assert frame.shape[:2] == ((6, 8) if case in ("pnm (plain)", "xpm") else (48, 64))
    if case not in _COLOURLESS:
        left, right = frame[:, : frame.shape[1] // 4], frame[:, -frame.shape[1] // 4 :]
        assert left[..., 0].mean() > 150 > left[..., 2].mean(), case
        assert right[..., 2].mean() > 150 > right[..., 0].mean(), case


def test_tga_is_tried_only_by_its_name_and_never_passes_unchecked() -> None:
    tga = _saved("TGA")
    assert sniff(tga, "picture.tga") == Sniffed(Kind.IMAGE, "tga")
    # Without the name it is unknown binary: carved and probed, else could not check.
    assert sniff(tga, "picture.bin") == Sniffed(Kind.OTHER, "unknown")


def test_a_picture_named_like_another_format_is_still_what_its_bytes_say() -> None:
    assert sniff(_saved("PNG"), "photo.jpg") == Sniffed(Kind.IMAGE, "png")
    assert sniff(_saved("JPEG"), "notes.txt") == Sniffed(Kind.IMAGE, "jpeg")


# --- camera RAW --------------------------------------------------------------------------


def _ifd(tags: list[tuple[int, int, Any]], at: int) -> bytes:
    """A little-endian TIFF IFD at offset ``at``, its long values right after it."""
    base = at + 2 + 12 * len(tags) + 4
    body, extra = bytearray(struct.pack("<H", len(tags))), bytearray()
    for tag, kind, values in sorted(tags):
        if kind == 2:
            payload, count = values.encode() + b"\0", len(values) + 1
        elif kind in (5, 10):
            flat = [x for pair in values for x in pair]
            payload, count = struct.pack(f"<{len(flat)}i", *flat), len(values)
        else:
            code = {1: "B", 3: "H", 4: "I"}[kind]
            payload, count = struct.pack(f"<{len(values)}{code}", *values), len(values)
        if len(payload) <= 4:
            body += struct.pack("<HHI", tag, kind, count) + payload.ljust(4, b"\0")
        else:
            body += struct.pack("<HHII", tag, kind, count, base + len(extra))
            extra += payload + b"\0" * (len(payload) % 2)
    return bytes(body + struct.pack("<I", 0) + extra)


def _dng(
    picture: Image.Image | None = None,
    *,
    preview: bool = False,
    turned: bool = False,
    side: int = 64,
) -> bytes:
    """A DNG LibRaw reads: RGGB sensor data of the red|blue picture, and maybe a JPEG preview.

    With a preview (as cameras write them): IFD0 is the preview, a SubIFD the sensor data.
    ``turned``: the camera was held upright (Orientation 6: turn a quarter clockwise).
    """
    picture = (picture or _picture()).convert("RGB")
    # Sensors record linear light: undo sRGB's curve, 12 bits, one colour per photosite.
    srgb = np.asarray(picture.resize((side // 2, side // 2))) / 255.0
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    rgb = np.round(linear * 4095).astype(np.uint16)
    mosaic = np.zeros((side, side), np.uint16)
    mosaic[0::2, 0::2] = rgb[..., 0]
    mosaic[0::2, 1::2] = rgb[..., 1]
    mosaic[1::2, 0::2] = rgb[..., 1]
    mosaic[1::2, 1::2] = rgb[..., 2]
    raw = mosaic.astype("<u2").tobytes()
    jpeg_out = io.BytesIO()
    picture.save(jpeg_out, format="JPEG", quality=95)
    jpeg = jpeg_out.getvalue()
    sub_at, raw_at = 1024, 2048
    jpeg_at = raw_at + len(raw)
    # The "camera" sees linear sRGB: ColorMatrix1 is XYZ -> linear sRGB, white at 4095.
    xyz_to_srgb = (3.2406, -1.5372, -0.4986, -0.9689, 1.8758, 0.0415, 0.0557, -0.2040, 1.0570)
    colour_matrix = [(round(v * 10_000), 10_000) for v in xyz_to_srgb]
    dng_tags = [
        (271, 2, "SafeLens"),
        (272, 2, "Test"),
        (274, 3, [6 if turned else 1]),
        (50706, 1, [1, 4, 0, 0]),
        (50708, 2, "SafeLens Test"),
        (50717, 3, [4095]),
        (50721, 10, colour_matrix),
        (50728, 5, [(1, 1), (1, 1), (1, 1)]),
    ]
    sensor_tags = [
        (254, 4, [0]),
        (256, 4, [side]),
        (257, 4, [side]),
        (258, 3, [16]),
        (259, 3, [1]),
        (262, 3, [32803]),
        (273, 4, [raw_at]),
        (277, 3, [1]),
        (278, 4, [side]),
        (279, 4, [len(raw)]),
        (33421, 3, [2, 2]),
        (33422, 1, [0, 1, 1, 2]),
    ]
    preview_tags = [
        (254, 4, [1]),
        (256, 4, [picture.width]),
        (257, 4, [picture.height]),
        (258, 3, [8, 8, 8]),
        (259, 3, [7]),
        (262, 3, [6]),
        (273, 4, [jpeg_at]),
        (277, 3, [3]),
        (278, 4, [picture.height]),
        (279, 4, [len(jpeg)]),
        (330, 4, [sub_at]),
    ]
    out = bytearray(jpeg_at + (len(jpeg) if preview else 0))
    out[:8] = b"II*\0" + struct.pack("<I", 8)
    ifd0 = _ifd(dng_tags + (preview_tags if preview else sensor_tags), 8)
    out[8 : 8 + len(ifd0)] = ifd0
    if preview:
        sub = _ifd(sensor_tags, sub_at)
        out[sub_at : sub_at + len(sub)] = sub
        out[jpeg_at:] = jpeg
    out[raw_at : raw_at + len(raw)] = raw
    return bytes(out)


RAW_HEADS = {
    "dng": _dng,
    "dng with a preview": lambda: _dng(preview=True),
    "cr2": lambda: b"II*\x00\x10\x00\x00\x00CR\x02\x00" + bytes(64),
    "cr3": lambda: b"\x00\x00\x00\x18ftypcrx \x00\x00\x00\x01crx isom" + bytes(64),
    "nef": lambda: _tiff_with_make("NIKON CORPORATION"),
    "arw": lambda: _tiff_with_make("SONY"),
    "pef": lambda: _tiff_with_make("PENTAX Corporation"),
    "orf": lambda: b"IIRO\x08\x00\x00\x00" + bytes(64),
    "rw2": lambda: b"IIU\x00\x08\x00\x00\x00" + bytes(64),
    "raf": lambda: b"FUJIFILMCCD-RAW 0201FF383501" + bytes(64),
    "mrw": lambda: b"\x00MRM\x00\x00\x00\x10" + bytes(64),
    "x3f": lambda: b"FOVb\x00\x00\x02\x00" + bytes(64),
}


@pytest.mark.parametrize("case", sorted(RAW_HEADS))
def test_camera_raw_is_told_apart_from_plain_tiff(case: str) -> None:
    assert sniff(RAW_HEADS[case]()[:HEAD_BYTES], "x.tif") == Sniffed(Kind.IMAGE, "raw")


def test_a_tiff_from_a_scanner_stays_tiff() -> None:
    assert sniff(_tiff_with_make("Epson Perfection V600"), "") == Sniffed(Kind.IMAGE, "tiff")


def test_raw_without_a_preview_is_developed_at_half_size_by_libraw(tmp_path: Path) -> None:
    path = tmp_path / "shot.dng"
    path.write_bytes(_dng())
    for source in (_dng(), str(path)):
        (frame,) = image_frames(source, "raw")
        assert frame.shape == (32, 32, 3)
        assert frame[:, :8, 0].mean() > frame[:, :8, 2].mean()
        assert frame[:, -8:, 2].mean() > frame[:, -8:, 0].mean()


def test_raw_checks_the_cameras_preview_turned_upright() -> None:
    (frame,) = image_frames(_dng(preview=True), "raw")
    assert frame.shape == (48, 64, 3)
    assert frame[:, :8, 0].mean() > 150 > frame[:, :8, 2].mean()
    (upright,) = image_frames(_dng(preview=True, turned=True), "raw")
    assert upright.shape == (64, 48, 3)  # turned a quarter clockwise: red on top
    assert upright[:8, :, 0].mean() > 150 > upright[:8, :, 2].mean()


def test_a_makers_plain_tiff_taken_for_raw_is_read_as_tiff() -> None:
    nikon_tiff = _tiff_with_make("NIKON CORPORATION")
    assert sniff(nikon_tiff).media_format == "raw"
    (frame,) = image_frames(nikon_tiff, "raw")
    assert frame.shape == (48, 64, 3)


def test_damaged_raw_is_could_not_check() -> None:
    with pytest.raises(CheckFailed) as caught:
        list(image_frames(b"FOVb" + bytes(100), "raw"))
    assert caught.value.status is Status.UNREADABLE and caught.value.kind is Kind.IMAGE


# --- videos ------------------------------------------------------------------------------


def _video(tmp_path: Path, fmt: str, codec: str, suffix: str, frames: int = 5) -> bytes:
    import av

    path = tmp_path / f"clip{suffix}"
    with av.open(str(path), mode="w", format=fmt) as container:
        stream = container.add_stream(codec, rate=25)
        stream.width, stream.height = 64, 48
        stream.pix_fmt = "yuv420p"
        for _ in range(frames):
            frame = av.VideoFrame.from_ndarray(np.asarray(_picture()), format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path.read_bytes()


VIDEOS = {
    "mpegts": ("mpegts", "mpeg2video", ".ts"),
    "mpeg": ("mpeg", "mpeg1video", ".mpg"),
    "mpeg (vob)": ("vob", "mpeg2video", ".vob"),
    "mpegvideo": ("mpeg1video", "mpeg1video", ".m1v"),
    "flv": ("flv", "flv", ".flv"),
    "asf": ("asf", "wmv2", ".wmv"),
    "ogg": ("ogg", "libvpx", ".ogv"),
    "rm": ("rm", "rv10", ".rm"),
    "ivf": ("ivf", "libvpx", ".ivf"),
    "mp4": ("mp4", "libx264", ".mp4"),
    "mkv": ("matroska", "mpeg4", ".mkv"),
    "avi": ("avi", "mpeg4", ".avi"),
}


@pytest.mark.parametrize("case", sorted(VIDEOS))
def test_video_containers_are_videos_by_their_bytes(tmp_path: Path, case: str) -> None:
    data = _video(tmp_path, *VIDEOS[case])
    assert sniff(data[:HEAD_BYTES], "clip.txt") == Sniffed(Kind.VIDEO, _format_of(case))


def test_m2ts_with_its_four_byte_timestamps_is_a_transport_stream() -> None:
    packet = b"\x00\x00\x00\x00\x47" + bytes(187)
    assert sniff(packet * 20) == Sniffed(Kind.VIDEO, "mpegts")


def test_yuv4mpeg_is_video() -> None:
    assert sniff(b"YUV4MPEG2 W64 H48 F10:1 Ip A1:1\nFRAME\n" + bytes(64)).kind is Kind.VIDEO


# --- sound --------------------------------------------------------------------------------


def _sound(tmp_path: Path, fmt: str, codec: str, suffix: str) -> bytes:
    import av

    path = tmp_path / f"sound{suffix}"
    with av.open(str(path), mode="w", format=fmt) as container:
        stream = container.add_stream(codec, rate=48000)
        stream.layout = "mono"
        if codec == "vorbis":
            stream.codec_context.options = {"strict": "experimental"}
        samples = (np.sin(np.arange(48000) / 10) * 0.3).astype(np.float32)[None, :]
        for start in range(0, 48000, 960):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(samples[:, start : start + 960]), format="flt", layout="mono"
            )
            frame.sample_rate = 48000
            frame.pts = start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path.read_bytes()


def _wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(bytes(1600))
    return out.getvalue()


def _mp3_frame_without_id3() -> bytes:
    # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: a 417-byte frame.
    return (b"\xff\xfb\x90\x00" + bytes(413)) * 3


SOUNDS: dict[str, Callable[[Path], bytes]] = {
    "wav": lambda _: _wav(),
    "mp3 (ID3)": lambda tmp: b"ID3\x04\x00\x00\x00\x00\x00\x00" + _sound(tmp, "mp3", "mp3", ".mp3"),
    "mp3 (frames)": lambda _: _mp3_frame_without_id3(),
    "flac": lambda tmp: _sound(tmp, "flac", "flac", ".flac"),
    "ogg opus": lambda tmp: _sound(tmp, "ogg", "libopus", ".opus"),
    "aac adts": lambda tmp: _sound(tmp, "adts", "aac", ".aac"),
    "aiff": lambda _: b"FORM\x00\x00\x00\x2eAIFFCOMM\x00\x00\x00\x12" + bytes(40),
    "midi": lambda _: b"MThd\x00\x00\x00\x06\x00\x00\x00\x01\x00\x60MTrk" + bytes(8),
}


@pytest.mark.parametrize("case", sorted(SOUNDS))
def test_sound_cannot_show_a_picture(tmp_path: Path, case: str) -> None:
    assert sniff(SOUNDS[case](tmp_path)[:HEAD_BYTES], "song.jpg") == Sniffed(Kind.OTHER, "audio")


def test_ogg_with_a_video_stream_is_a_video_even_with_sound(tmp_path: Path) -> None:
    ogv = _video(tmp_path, "ogg", "libvpx", ".ogv")
    assert sniff(ogv[:HEAD_BYTES]) == Sniffed(Kind.VIDEO, "ogg")


# --- archives -----------------------------------------------------------------------------


def _zip(names: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            compress = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, b"x" * 100, compress_type=compress)
    return out.getvalue()


def _tar(fmt: int = tarfile.USTAR_FORMAT) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as archive:
        info = tarfile.TarInfo("photo.jpg")
        data = _saved("JPEG")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _v7_tar() -> bytes:
    """An old tar: no 'ustar' magic, only a header whose checksum adds up."""
    data = bytearray(_tar())
    data[257:265] = bytes(8)
    data[148:156] = b" " * 8
    data[148:156] = b"%06o\0 " % sum(data[:512])
    return bytes(data)


def _sevenzip(tmp_path: Path) -> bytes:
    import py7zr

    path = tmp_path / "a.7z"
    with py7zr.SevenZipFile(path, "w") as archive:
        archive.writestr(_saved("PNG"), "photo.png")
    return path.read_bytes()


ARCHIVES: dict[str, Callable[[Path], bytes]] = {
    "zip": lambda _: _zip(["photos/beach.jpg"]),
    "zip (empty)": lambda _: _zip([]),
    "tar": lambda _: _tar(),
    "tar (gnu)": lambda _: _tar(tarfile.GNU_FORMAT),
    "tar (v7)": lambda _: _v7_tar(),
    "gzip": lambda _: gzip.compress(_tar()),
    "bzip2": lambda _: bz2.compress(_tar()),
    "xz": lambda _: lzma.compress(_tar()),
    "7z": _sevenzip,
    "rar (RAR4)": lambda _: b"Rar!\x1a\x07\x00\xcf\x90\x73\x00\x00\x0d" + bytes(32),
    "rar (RAR5)": lambda _: b"Rar!\x1a\x07\x01\x00\x33\x92\xb5\xe5\x0a\x01" + bytes(32),
}


@pytest.mark.parametrize("case", sorted(ARCHIVES))
def test_archives_are_archives(tmp_path: Path, case: str) -> None:
    data = ARCHIVES[case](tmp_path)
    assert sniff(data[:HEAD_BYTES], "x.jpg") == Sniffed(Kind.ARCHIVE, _format_of(case))


@pytest.mark.parametrize(
    ("first_member", "rest"),
    [("mimetype", ["OEBPS/content.opf"]), ("[Content_Types].xml", ["word/document.xml"])],
)
def test_ebooks_and_office_files_are_documents(first_member: str, rest: list[str]) -> None:
    assert sniff(_zip([first_member, *rest])) == Sniffed(Kind.DOCUMENT, "zip")


UNOPENABLE = {
    "Zstandard": b"\x28\xb5\x2f\xfd\x24\x05\x29\x00",
    "LZ4": b"\x04\x22\x4d\x18\x64\x40\xa7",
    "lzip": b"LZIP\x01\x0c",
    "CAB": b"MSCF\0\0\0\0\x80\x00\x00\x00",
    "ARJ": b"\x60\xea\x2a\x00",
    "cpio": b"070701" + b"0" * 104,
    "Unix ar": b"!<arch>\ndebian-binary   ",
    "LHA": b"\x24\x9a-lh5-\x10\x00",
    "ISO 9660": bytes(32769) + b"CD001\x01",
}


@pytest.mark.parametrize("name", sorted(UNOPENABLE))
def test_archives_safelens_cannot_open_are_could_not_check(name: str) -> None:
    with pytest.raises(CheckFailed) as caught:
        sniff(UNOPENABLE[name] + bytes(600))
    failed = caught.value
    assert (failed.status, failed.kind) == (Status.UNSUPPORTED, Kind.ARCHIVE)
    assert name in failed.reason and "could not check" in failed.reason


# --- documents ----------------------------------------------------------------------------

_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'
DOCUMENTS: dict[str, bytes] = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "pdf (late header)": b"junk before the header\n" * 20 + b"%PDF-1.4\n",
    "svg": _SVG,
    "svg (declaration)": b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn -->\n'
    b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n' + _SVG,
    "svg (BOM)": b"\xef\xbb\xbf  \n" + _SVG,
    "html": b"<!DOCTYPE html><html><body><p>hi</p></body></html>",
    "html (case)": b"\n\n  <!-- page -->\n<HTML><HEAD><TITLE>x</TITLE></HEAD></HTML>",
    "html (fragment)": b'<img src="data:image/png;base64,iVBORw0KGgo=">',
    "html (xhtml)": b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>',
    "html (picture later)": b"Notes for today\n" * 30 + b'<img src="cat.jpg">\n',
    "mhtml": b"From: <Saved by Blink>\r\nSubject: page\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n--b\r\n'
    b"Content-Location: https://example.org/\r\n\r\n<html></html>\r\n--b--\r\n",
    "eml": b"Return-Path: <a@example.org>\r\nReceived: from mx by mx; Mon, 1 Jan 2024\r\n"
    b"From: A <a@example.org>\r\nTo: b@example.org\r\nSubject: photos\r\n"
    b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x--\r\n",
    "eml (folded)": b"Subject: a long\r\n subject line\r\nFrom: a@example.org\r\n\r\nbody\r\n",
    "mbox": b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\nFrom: a@example.org\n"
    b"Subject: x\n\nbody\n",
    "vcard": b"\xef\xbb\xbf\r\n\r\nbegin:vcard\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n",
    "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
    "rtf": b"{\\rtf1\\ansi{\\pict\\pngblip 89504e47}}",
}


@pytest.mark.parametrize("case", sorted(DOCUMENTS))
def test_documents_that_can_carry_pictures_are_documents(case: str) -> None:
    assert sniff(DOCUMENTS[case], "photo.jpg") == Sniffed(Kind.DOCUMENT, _format_of(case))


@pytest.mark.parametrize(
    ("head", "words"),
    [
        (b"%!PS-Adobe-3.0 EPSF-3.0\n", "PostScript"),
        (b"\xc5\xd0\xd3\xc6" + bytes(28), "PostScript"),
        (b"AT&TFORM\x00\x00\x01\x00DJVU", "DjVu"),
    ],
)
def test_documents_safelens_cannot_open_are_could_not_check(head: bytes, words: str) -> None:
    with pytest.raises(CheckFailed) as caught:
        sniff(head)
    assert (caught.value.status, caught.value.kind) == (Status.UNSUPPORTED, Kind.DOCUMENT)
    assert words in caught.value.reason


@pytest.mark.parametrize(
    ("head", "words"),
    [
        (b"\x76\x2f\x31\x01\x02\x00\x00\x00", "OpenEXR"),
        (b"II\xbc\x01" + bytes(8), "JPEG XR"),
        (b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n", "Radiance"),
        (b"gimp xcf v011\0", "GIMP"),
        (b"8BPS\x00\x02" + bytes(20), "PSB"),
        (b"\xd7\xcd\xc6\x9a" + bytes(20), "WMF"),
        (bytes(128) + b"DICM" + bytes(16), "DICOM"),
    ],
)
def test_pictures_safelens_cannot_read_are_could_not_check(head: bytes, words: str) -> None:
    with pytest.raises(CheckFailed) as caught:
        sniff(head)
    assert (caught.value.status, caught.value.kind) == (Status.UNSUPPORTED, Kind.IMAGE)
    assert words in caught.value.reason


# --- files that cannot show a picture ------------------------------------------------------


def _sqlite(tmp_path: Path) -> bytes:
    path = tmp_path / "a.db"
    with sqlite3.connect(path) as db:
        db.execute("create table t (x)")
    db.close()
    return path.read_bytes()


def _font() -> bytes:
    fonts = sorted(Path("/usr/share/fonts").rglob("*.ttf"))
    if fonts:
        return fonts[0].read_bytes()[:HEAD_BYTES]
    return b"\x00\x01\x00\x00\x00\x0c\x00\x80\x00\x03\x00\x40cmap" + bytes(64)


OTHERS: dict[str, tuple[Callable[[Path], bytes], str]] = {
    "utf-8 text": (lambda _: "Grüße aus Köln, 10 € — ok\n".encode() * 50, "text"),
    "utf-8 cut mid-character": (lambda _: ("é" * 3000).encode()[:4095], "text"),
    "utf-16 text": (lambda _: "\ufeffhello, world\r\n".encode("utf-16-le") * 10, "text"),
    "latin-1 text": (lambda _: "caf\xe9 cr\xe8me br\xfbl\xe9e\n".encode("latin-1") * 10, "text"),
    "csv": (lambda _: b"name,age\nann,7\nbob,9\n", "text"),
    "json": (lambda _: b'{"pictures": [], "note": "<b>not a page</b>"}', "text"),
    "xml": (lambda _: b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "text"),
    "python": (lambda _: b"#!/usr/bin/env python3\nprint('hello')\n", "text"),
    "a note that starts with P1": (lambda _: b"P1 is the first priority\n", "text"),
    "a note that starts like a format": (lambda _: b"icns and qoif are formats\n", "text"),
    "a number like cpio's magic": (lambda _: b"070701 is a date\n", "text"),
    "font": (lambda _: _font(), "font"),
    "woff2": (lambda _: b"wOF2\x00\x01\x00\x00" + bytes(40), "font"),
    "program": (lambda _: Path(sys.executable).resolve().read_bytes()[:HEAD_BYTES], "program"),
    "windows program": (lambda _: b"MZ\x90\x00\x03\x00\x00\x00" + bytes(120), "program"),
    "database": (_sqlite, "database"),
    "random bytes": (lambda _: bytes(range(256)) * 16, "unknown"),
}


@pytest.mark.parametrize("case", sorted(OTHERS))
def test_files_that_cannot_show_a_picture_are_other(tmp_path: Path, case: str) -> None:
    make, fmt = OTHERS[case]
    assert sniff(make(tmp_path)[:HEAD_BYTES], "x.dat") == Sniffed(Kind.OTHER, fmt)


def test_text_named_like_a_web_page_is_tried_as_one() -> None:
    assert sniff(b"just words\n", "page.html") == Sniffed(Kind.DOCUMENT, "html")
    assert sniff(b"just words\n", "page.txt") == Sniffed(Kind.OTHER, "text")


def test_text_named_like_a_drawing_is_tried_as_one() -> None:
    # A long comment can push <svg> past the head sniff looks at; the SVG reader decides.
    late = b'<?xml version="1.0"?>\n<!-- ' + b"x" * 70_000 + b" -->\n" + _SVG
    assert sniff(late[:HEAD_BYTES], "a.svg") == Sniffed(Kind.DOCUMENT, "svg")
    assert sniff(b"just words\n", "drawing.SVGZ") == Sniffed(Kind.DOCUMENT, "svg")
    assert sniff(late[:HEAD_BYTES], "a.txt") == Sniffed(Kind.OTHER, "text")


def test_a_plain_ppm_with_a_long_comment_is_still_an_image() -> None:
    ppm = _plain_ppm().replace(b"# plain PPM", b"# " + b"made by hand " * 40)
    assert sniff(ppm[:HEAD_BYTES], "x.dat") == Sniffed(Kind.IMAGE, "pnm")


def test_a_pnm_like_head_of_many_spaces_is_answered_quickly() -> None:
    start = time.perf_counter()
    assert sniff(b"P3" + b" " * 5_000 + b"x", "x.dat").kind is Kind.OTHER
    assert time.perf_counter() - start < 1.0


def test_empty_file_is_unreadable() -> None:
    with pytest.raises(CheckFailed) as caught:
        sniff(b"", "photo.jpg")
    assert caught.value.status is Status.UNREADABLE


def test_misnamed_text_and_unknown_files_say_what_they_are_named_like() -> None:
    text = misnamed_reason("photo.jpg", Sniffed(Kind.OTHER, "text"))
    assert text is not None and ".jpg" in text and "text" in text
    clip = misnamed_reason("clip.MP4", Sniffed(Kind.OTHER, "unknown"))
    assert clip is not None and "a video (.mp4)" in clip
    assert misnamed_reason("notes.txt", Sniffed(Kind.OTHER, "text")) is None
    assert misnamed_reason("photo.jpg", Sniffed(Kind.IMAGE, "png")) is None


def test_the_picker_treats_every_carrier_as_a_picture() -> None:
    for suffix in (".jpg", ".jp2", ".jxl", ".dng", ".ts", ".wmv", ".zip", ".cbz", ".pdf"):
        assert suffix in PICTURE_SUFFIXES
    for suffix in (".svg", ".eml", ".docx", ".epub", ".vcf", ".7z", ".tar", ".gz"):
        assert suffix in PICTURE_SUFFIXES
    assert ".txt" not in PICTURE_SUFFIXES and ".mp3" not in PICTURE_SUFFIXES


# --- probing what sniff could not name ------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "demuxer"),
    [("mpegts", "mpegts"), ("flv", "flv"), ("asf", "asf"), ("ogg", "ogg"), ("rm", "rm")],
)
def test_probe_names_any_container_with_a_video_stream(
    tmp_path: Path, case: str, demuxer: str
) -> None:
    from desktop_app.analysis.probe import probe

    _video(tmp_path, *VIDEOS[case], frames=50)
    (path,) = tmp_path.glob("clip.*")
    assert probe(str(path)) == Sniffed(Kind.VIDEO, demuxer)


def test_probe_says_sound_only_cannot_show_a_picture(tmp_path: Path) -> None:
    from desktop_app.analysis.probe import probe

    path = tmp_path / "sound.bin"
    path.write_bytes(_wav())
    assert probe(str(path)) == Sniffed(Kind.OTHER, "audio")


def _id3_with_cover(picture: bytes) -> bytes:
    """An ID3v2.3 tag holding a front cover (APIC frame), as music players show it."""
    frame = b"\x00image/jpeg\x00\x03\x00" + picture
    body = b"APIC" + struct.pack(">I", len(frame)) + b"\x00\x00" + frame
    size = len(body)
    syncsafe = bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))
    return b"ID3\x03\x00\x00" + syncsafe + body


def test_probe_counts_a_cover_picture_attached_to_sound_as_a_picture(tmp_path: Path) -> None:
    from desktop_app.analysis.probe import probe

    mp3 = _sound(tmp_path, "mp3", "mp3", ".mp3")
    path = tmp_path / "song.bin"
    path.write_bytes(_id3_with_cover(_saved("JPEG")) + mp3)
    assert probe(str(path)) == Sniffed(Kind.VIDEO, "mp3")


def test_probe_never_follows_playlists_or_concat_lists(tmp_path: Path) -> None:
    """Unguarded, FFmpeg opens these and reads the other files they name."""
    import av

    from desktop_app.analysis.probe import probe

    _video(tmp_path, *VIDEOS["mpegts"], frames=50)
    playlists = {
        "list.m3u8": "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:1,\nclip.ts\n#EXT-X-ENDLIST\n",
        "list.ffconcat": "ffconcat version 1.0\nfile clip.ts\n",
    }
    for name, text in playlists.items():
        path = tmp_path / name
        path.write_text(text)
        with av.open(str(path), options={"protocol_whitelist": "file"}) as unguarded:
            assert unguarded.streams.video  # it reached clip.ts
        assert probe(str(path)) is None


def test_probe_finds_nothing_in_random_bytes(tmp_path: Path) -> None:
    from desktop_app.analysis.probe import probe

    path = tmp_path / "noise.bin"
    path.write_bytes(np.random.default_rng(1).bytes(20_000))
    assert probe(str(path)) is None


# --- end to end: the admin test pattern in the formats only this module builds ------------

END_TO_END: dict[str, Callable[[Image.Image], bytes]] = {
    "camera RAW preview (DNG)": lambda picture: _dng(picture, preview=True),
    "camera RAW developed (DNG)": lambda picture: _dng(picture, side=640),
    "Photoshop (PSD)": _psd,
}


@pytest.mark.parametrize("case", sorted(END_TO_END))
def test_the_pattern_is_sensitive_and_its_twin_clean_end_to_end(
    analyzer: Any, tmp_path: Path, case: str
) -> None:
    from tests.helpers import carriers

    for picture, sensitive in (
        (carriers.pattern_picture(), True),
        (carriers.twin_picture(), False),
    ):
        path = tmp_path / f"{sensitive}.bin"
        path.write_bytes(END_TO_END[case](picture))
        result = analyzer.analyze_file(path)
        assert result.status is Status.OK and result.kind is Kind.IMAGE, result.reason
        assert result.is_sensitive is sensitive and result.frames_checked == 1, case
