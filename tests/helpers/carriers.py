"""One file of every kind that can show a picture, built around a given picture.

Given the admin test pattern (``testpattern.render(640, 480)``) a builder writes a
*carrier*; given an ordinary photo (``twin_picture()``) it writes the carrier's benign
*twin*. Only what the suite already has is used: the stdlib, Pillow (+ pillow_jxl),
numpy, PyAV and py7zr. ``KINDS`` lists every builder with the ``Kind`` a check should
report and, for containers, the name of the member that holds the picture.
"""

from __future__ import annotations

import base64
import gzip
import io
import mailbox
import tarfile
import tempfile
import wave
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import numpy as np
from PIL import Image

from desktop_app.analysis import testpattern
from desktop_app.analysis.verdict import Kind
from tests.helpers import media, vcards

Builder = Callable[[Image.Image, Path], Path]
SIZE = (640, 480)
ANY_MEMBER = ""  # a member must be named, whatever its name


@dataclass(frozen=True)
class Carrier:
    """How to build one kind, and what a check of it should say.

    ``member``: None = nothing asserted (the file is the picture itself); otherwise a
    text the reported member must contain (``ANY_MEMBER``: any name at all).
    """

    build: Builder
    kind: Kind
    member: str | None = None


def pattern_picture() -> Image.Image:
    """The admin test pattern at carrier size: sensitive in test mode."""
    return testpattern.render(*SIZE)


def twin_picture() -> Image.Image:
    """An ordinary photo of a person at the same size: checked clean."""
    return Image.fromarray(media.people_photos()["astronaut"]).resize(SIZE)


def encoded(picture: Image.Image, fmt: str = "PNG", **params: object) -> bytes:
    """The picture as bytes of an image format (PNG unless told)."""
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, format=fmt, **params)
    return buffer.getvalue()


def _neutral() -> Image.Image:
    """A plain page with nothing on it (the pages before the picture)."""
    return Image.new("RGB", SIZE, (150, 150, 160))


# -- images ------------------------------------------------------------------------------


def _image(suffix: str, fmt: str, mode: str = "RGB", **params: object) -> Builder:
    def build(picture: Image.Image, folder: Path) -> Path:
        path = folder / f"picture{suffix}"
        picture.convert(mode).save(path, format=fmt, **params)
        return path

    build.__doc__ = f"The picture as {fmt}."
    return build


def cursor(picture: Image.Image, folder: Path) -> Path:
    """A Windows cursor (.cur): a BMP icon whose header says type 2 (Pillow cannot write one).

    BMP inside, as cursors traditionally are (Pillow reads no PNG-in-CUR).
    """
    data = bytearray(encoded(picture, "ICO", sizes=[(256, 192)], bitmap_format="bmp"))
    data[2:4] = (2).to_bytes(2, "little")  # type 1 = icon, 2 = cursor; hotspot 0,0 follows
    path = folder / "pointer.cur"
    path.write_bytes(bytes(data))
    return path


def psd(picture: Image.Image, folder: Path) -> Path:
    """A Photoshop file with only its composite image (written by hand: Pillow reads PSD only)."""
    rgb = np.asarray(picture.convert("RGB"))
    height, width = rgb.shape[:2]
    header = b"8BPS" + (1).to_bytes(2, "big") + bytes(6) + (3).to_bytes(2, "big")
    header += height.to_bytes(4, "big") + width.to_bytes(4, "big")
    header += (8).to_bytes(2, "big") + (3).to_bytes(2, "big")  # 8 bits, RGB
    sections = bytes(4) * 3  # no colour table, no resources, no layers
    planes = np.ascontiguousarray(rgb.transpose(2, 0, 1)).tobytes()  # R, G, B planes, raw
    path = folder / "picture.psd"
    path.write_bytes(header + sections + (0).to_bytes(2, "big") + planes)
    return path


def jpeg_xl(picture: Image.Image, folder: Path) -> Path:
    """JPEG XL through the pillow_jxl plugin (importing it registers the format)."""
    import pillow_jxl  # noqa: F401

    path = folder / "picture.jxl"
    picture.convert("RGB").save(path, format="JXL", quality=90)
    return path


def svg_drawing(picture: Image.Image, folder: Path) -> Path:
    """The picture drawn with <rect>s: the pattern's own 12x8 grid, or a 24x16 mosaic."""
    width, height = SIZE
    rects = _pattern_rects() if _is_pattern(picture) else _mosaic_rects(picture, 24, 16)
    body = "\n".join(
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="rgb({r},{g},{b})"/>'
        for x, y, w, h, (r, g, b) in rects
    )
    path = folder / "drawing.svg"
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">\n<rect width="{width}" height="{height}" '
        f'fill="white"/>\n{body}\n</svg>\n'
    )
    return path


def svg_with_doctype(picture: Image.Image, folder: Path) -> Path:
    """The drawing as design programs save it: an XML prolog and the SVG 1.1 DOCTYPE."""
    text = svg_drawing(picture, folder).read_text()
    path = folder / "exported.svg"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC '
        '"-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + text
    )
    return path


def svgz(picture: Image.Image, folder: Path) -> Path:
    """The drawing gzip-compressed (.svgz), which browsers and viewers open as an SVG."""
    path = folder / "drawing.svgz"
    path.write_bytes(gzip.compress(svg_drawing(picture, folder).read_bytes(), mtime=0))
    return path


Rect = tuple[int, int, int, int, tuple[int, int, int]]


def _is_pattern(picture: Image.Image) -> bool:
    return testpattern.matches(np.asarray(picture.convert("RGB")))


def _pattern_rects() -> list[Rect]:
    """testpattern's grid, cell by cell, in the top 75 % like the rendered pattern."""
    width, height = SIZE
    grid_h = int(height * testpattern.GRID_HEIGHT)
    rects: list[Rect] = []
    for row in range(testpattern.ROWS):
        for col in range(testpattern.COLUMNS):
            x0, x1 = col * width // testpattern.COLUMNS, (col + 1) * width // testpattern.COLUMNS
            y0, y1 = row * grid_h // testpattern.ROWS, (row + 1) * grid_h // testpattern.ROWS
            r, g, b = (int(c) for c in testpattern.PALETTE[testpattern.CODE[row, col]])
            rects.append((x0, y0, x1 - x0, y1 - y0, (r, g, b)))
    return rects


def _mosaic_rects(picture: Image.Image, columns: int, rows: int) -> list[Rect]:
    """A photo as a columns x rows mosaic of rects (its downscale, cell by cell)."""
    width, height = SIZE
    small = np.asarray(picture.convert("RGB").resize((columns, rows), Image.Resampling.BOX))
    cell_w, cell_h = width // columns, height // rows
    rects: list[Rect] = []
    for row in range(rows):
        for col in range(columns):
            r, g, b = (int(c) for c in small[row, col])
            rects.append((col * cell_w, row * cell_h, cell_w, cell_h, (r, g, b)))
    return rects


def svg_data_uri(picture: Image.Image, folder: Path) -> Path:
    """An SVG whose only content is an embedded PNG (a data: URI <image>)."""
    width, height = SIZE
    data = base64.b64encode(encoded(picture)).decode("ascii")
    path = folder / "embedded.svg"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{width}" height="{height}">\n'
        f'<image x="0" y="0" width="{width}" height="{height}" '
        f'xlink:href="data:image/png;base64,{data}"/>\n</svg>\n'
    )
    return path


# -- documents and mail --------------------------------------------------------------------


def pdf(picture: Image.Image, folder: Path) -> Path:
    """A one-page PDF of the picture (Pillow writes it as an embedded image)."""
    path = folder / "scan.pdf"
    picture.convert("RGB").save(path, format="PDF", resolution=96.0)
    return path


def web_page(picture: Image.Image, folder: Path) -> Path:
    """A saved web page showing the picture from a data: URI."""
    data = base64.b64encode(encoded(picture)).decode("ascii")
    path = folder / "page.html"
    path.write_text(
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Holiday</title></head>\n"
        "<body><h1>Our holiday</h1><p>Look at this:</p>\n"
        f'<img alt="holiday" src="data:image/png;base64,{data}">\n</body></html>\n'
    )
    return path


def mhtml(picture: Image.Image, folder: Path) -> Path:
    """A page saved as one MHTML file (like a browser's "Save as single file")."""
    page = EmailMessage()
    page["From"] = "<Saved by Blink>"
    page["Snapshot-Content-Location"] = "https://example.org/holiday.html"
    page["Subject"] = "Holiday"
    page["Date"] = format_datetime(datetime(2026, 6, 1, 12, 0, tzinfo=UTC))
    page.set_content(
        '<html><body><h1>Holiday</h1><img src="picture.png"></body></html>', subtype="html"
    )
    page.add_related(
        encoded(picture),
        maintype="image",
        subtype="png",
        filename="picture.png",
        headers=["Content-Location: picture.png"],
    )
    path = folder / "page.mhtml"
    path.write_bytes(page.as_bytes())
    return path


def _mail(subject: str, picture: Image.Image | None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Aunt May <may@example.org>"
    message["To"] = "Sam <sam@example.org>"
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime(2026, 6, 1, 12, 0, tzinfo=UTC))
    message.set_content(f"{subject}\n\nLove, May\n")
    if picture is not None:
        message.add_attachment(
            encoded(picture), maintype="image", subtype="png", filename="picture.png"
        )
    return message


def eml(picture: Image.Image, folder: Path) -> Path:
    """An e-mail with the picture attached."""
    path = folder / "message.eml"
    path.write_bytes(_mail("Photos from the beach", picture).as_bytes())
    return path


def mbox(picture: Image.Image, folder: Path) -> Path:
    """A mailbox of three messages; only the last carries the picture."""
    path = folder / "inbox.mbox"
    box = mailbox.mbox(str(path), create=True)
    try:
        box.lock()
        for subject in ("Dinner on Sunday?", "Re: Dinner on Sunday?"):
            box.add(_mail(subject, None))
        box.add(_mail("Photos from the beach", picture))
        box.flush()
        box.unlock()
    finally:
        box.close()
    return path


def vcard(picture: Image.Image, folder: Path) -> Path:
    """A contact whose PHOTO is the picture (base64, vCard 3.0)."""
    path = folder / "contact.vcf"
    path.write_text(vcards.card30("Sam Example", encoded(picture)), newline="")
    return path


# -- archives ---------------------------------------------------------------------------------


def _zip_bytes(entries: list[tuple[str, bytes]], stored: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            kind = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=kind)
    return buffer.getvalue()


def zip_file(picture: Image.Image, folder: Path) -> Path:
    """A ZIP with a note and the picture in a folder."""
    path = folder / "photos.zip"
    path.write_bytes(
        _zip_bytes([("readme.txt", b"Holiday photos\n"), ("holiday/picture.png", encoded(picture))])
    )
    return path


def cbz(picture: Image.Image, folder: Path) -> Path:
    """A comic book: a plain first page, the picture on the second."""
    path = folder / "comic.cbz"
    pages = [
        ("page001.jpg", encoded(_neutral(), "JPEG")),
        ("page002.jpg", encoded(picture, "JPEG")),
    ]
    path.write_bytes(_zip_bytes(pages))
    return path


def _tar_bytes(entries: list[tuple[str, bytes]], mode: str = "w") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), 1_780_000_000
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _tar(suffix: str, mode: str) -> Builder:
    def build(picture: Image.Image, folder: Path) -> Path:
        path = folder / f"photos{suffix}"
        entries = [
            ("photos/notes.txt", b"Holiday\n"),
            ("photos/picture.jpg", encoded(picture, "JPEG")),
        ]
        path.write_bytes(_tar_bytes(entries, mode))
        return path

    build.__doc__ = f"A {suffix} archive with the picture in a folder."
    return build


def sevenzip(picture: Image.Image, folder: Path) -> Path:
    """A 7z archive (py7zr, LZMA2) with the picture."""
    import py7zr

    path = folder / "photos.7z"
    with py7zr.SevenZipFile(path, "w") as archive:
        archive.writestr(b"Holiday\n", "notes.txt")
        archive.writestr(encoded(picture), "picture.png")
    return path


# OOXML main parts: file name, folder, main part, its content type, its minimal body.
_OOXML = {
    "docx": (
        "letter.docx",
        "word",
        "document.xml",
        "wordprocessingml.document.main+xml",
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Our holiday</w:t></w:r></w:p></w:body></w:document>",
    ),
    "xlsx": (
        "scores.xlsx",
        "xl",
        "workbook.xml",
        "spreadsheetml.sheet.main+xml",
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheets/></workbook>",
    ),
    "pptx": (
        "talk.pptx",
        "ppt",
        "presentation.xml",
        "presentationml.presentation.main+xml",
        '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    ),
}


def _ooxml(which: str) -> Callable[[Image.Image | None, Path], Path]:
    file_name, folder_name, main, content_type, body = _OOXML[which]

    def build(picture: Image.Image | None, folder: Path) -> Path:
        content_types = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="png" ContentType="image/png"/>'
            f'<Override PartName="/{folder_name}/{main}" ContentType="application/'
            f'vnd.openxmlformats-officedocument.{content_type}"/></Types>'
        )
        rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/officeDocument" Target="{folder_name}/{main}"/></Relationships>'
        )
        xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body
        path = folder / file_name
        entries = [
            ("[Content_Types].xml", content_types.encode()),
            ("_rels/.rels", rels.encode()),
            (f"{folder_name}/{main}", xml.encode()),
        ]
        if picture is not None:  # None: a document of text only
            entries.append((f"{folder_name}/media/image1.png", encoded(picture)))
        path.write_bytes(_zip_bytes(entries))
        return path

    build.__doc__ = f"A minimal {which} (OOXML) with the picture in {folder_name}/media/."
    return build


docx = _ooxml("docx")


def odt(picture: Image.Image, folder: Path) -> Path:
    """A minimal OpenDocument text: 'mimetype' first and stored, the picture in Pictures/."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="Pictures/image1.png" '
        'manifest:media-type="image/png"/></manifest:manifest>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:text><text:p>Our holiday</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    path = folder / "letter.odt"
    path.write_bytes(
        _zip_bytes(
            [
                ("mimetype", b"application/vnd.oasis.opendocument.text"),
                ("META-INF/manifest.xml", manifest.encode()),
                ("content.xml", content.encode()),
                ("Pictures/image1.png", encoded(picture)),
            ],
            stored=("mimetype",),
        )
    )
    return path


def epub(picture: Image.Image, folder: Path) -> Path:
    """A minimal e-book: 'mimetype' first and stored, a container, a cover picture."""
    container = (
        '<?xml version="1.0"?>\n'
        '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="OEBPS/content.opf" '
        'media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:identifier id="id">x</dc:identifier>'
        "<dc:title>Holiday</dc:title><dc:language>en</dc:language></metadata>"
        '<manifest><item id="cover" href="cover.jpg" media-type="image/jpeg" '
        'properties="cover-image"/><item id="c1" href="chapter1.xhtml" '
        'media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="c1"/></spine></package>'
    )
    chapter = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><title>One</title></head><body><p>Once upon a time.</p></body></html>"
    )
    path = folder / "book.epub"
    path.write_bytes(
        _zip_bytes(
            [
                ("mimetype", b"application/epub+zip"),
                ("META-INF/container.xml", container.encode()),
                ("OEBPS/content.opf", opf.encode()),
                ("OEBPS/chapter1.xhtml", chapter.encode()),
                ("OEBPS/cover.jpg", encoded(picture, "JPEG")),
            ],
            stored=("mimetype",),
        )
    )
    return path


def video_in_zip(picture: Image.Image, folder: Path) -> Path:
    """A ZIP holding a 2-s clip of the picture (the worker must write it out to read it)."""
    with tempfile.TemporaryDirectory() as scratch:
        clip = _video(".mkv", "libx264")(picture, Path(scratch))
        data = clip.read_bytes()
    path = folder / "clips.zip"
    path.write_bytes(_zip_bytes([("notes.txt", b"From the party\n"), ("clips/party.mkv", data)]))
    return path


def rar(picture: Image.Image, folder: Path) -> Path:
    """A RAR5 archive with the picture stored (tests/helpers/archives.py writes RAR5)."""
    from tests.helpers import archives

    path = folder / "photos.rar"
    path.write_bytes(archives.rar5(archives.rar5_file("photos/picture.png", encoded(picture))))
    return path


def zip_in_tar_gz(picture: Image.Image, folder: Path) -> Path:
    """A .tar.gz holding a ZIP that holds the picture (nested containers)."""
    inner = _zip_bytes([("picture.png", encoded(picture))])
    path = folder / "nested.tar.gz"
    path.write_bytes(_tar_bytes([("inner.zip", inner)], "w:gz"))
    return path


# -- videos and animations --------------------------------------------------------------------


def _video(suffix: str, codec: str, fps: int = 25) -> Builder:
    def build(picture: Image.Image, folder: Path) -> Path:
        path = folder / f"clip{suffix}"
        encode_video(path, [np.asarray(picture.convert("RGB"))] * (2 * fps), fps, codec)
        return path

    build.__doc__ = f"2 s of the picture, {codec} in {suffix}."
    return build


def encode_video(path: Path, frames: list[np.ndarray], fps: int, codec: str) -> Path:
    """Encode RGB frames (container from the name); VP8/VP9 at realtime speed."""
    import av

    height, width = frames[0].shape[:2]
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        if codec.startswith("libvpx"):
            stream.options = {"deadline": "realtime", "cpu-used": "8", "b": "800k"}
        for rgb in frames:
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def _animation(suffix: str, fmt: str, **params: object) -> Builder:
    def build(picture: Image.Image, folder: Path) -> Path:
        path = folder / f"animation{suffix}"
        frames = [_neutral(), picture.convert("RGB"), picture.convert("RGB")]
        frames[0].save(
            path,
            format=fmt,
            save_all=True,
            append_images=frames[1:],
            duration=500,
            loop=0,
            **params,
        )
        return path

    build.__doc__ = f"A 3-frame animated {fmt}: a plain frame, then the picture."
    return build


KINDS: dict[str, Carrier] = {
    # images
    "jpeg2000": Carrier(_image(".jp2", "JPEG2000"), Kind.IMAGE),
    "tga": Carrier(_image(".tga", "TGA"), Kind.IMAGE),
    "ico": Carrier(_image(".ico", "ICO", sizes=[(256, 192)]), Kind.IMAGE),
    "cur": Carrier(cursor, Kind.IMAGE),
    "pcx": Carrier(_image(".pcx", "PCX"), Kind.IMAGE),
    "ppm": Carrier(_image(".ppm", "PPM"), Kind.IMAGE),
    "dds": Carrier(_image(".dds", "DDS"), Kind.IMAGE),
    "sgi": Carrier(_image(".sgi", "SGI"), Kind.IMAGE),
    "qoi": Carrier(_image(".qoi", "QOI"), Kind.IMAGE),
    "psd": Carrier(psd, Kind.IMAGE),
    "jpeg_xl": Carrier(jpeg_xl, Kind.IMAGE),
    # animations
    "gif_animated": Carrier(_animation(".gif", "GIF"), Kind.IMAGE),
    "apng": Carrier(_animation(".png", "PNG"), Kind.IMAGE),
    "webp_animated": Carrier(_animation(".webp", "WEBP", lossless=True), Kind.IMAGE),
    # vector and markup
    "svg_drawing": Carrier(svg_drawing, Kind.DOCUMENT),
    "svg_data_uri": Carrier(svg_data_uri, Kind.DOCUMENT, ANY_MEMBER),
    "svg_with_doctype": Carrier(svg_with_doctype, Kind.DOCUMENT),
    "svgz": Carrier(svgz, Kind.ARCHIVE),  # by its bytes a gzip stream, with a drawing inside
    "pdf": Carrier(pdf, Kind.DOCUMENT, "page 1"),
    "html": Carrier(web_page, Kind.DOCUMENT, ANY_MEMBER),
    "mhtml": Carrier(mhtml, Kind.DOCUMENT, "picture.png"),
    "eml": Carrier(eml, Kind.DOCUMENT, "picture.png"),
    "mbox": Carrier(mbox, Kind.DOCUMENT, "picture.png"),
    "vcard": Carrier(vcard, Kind.DOCUMENT, ANY_MEMBER),
    # archives and documents built on them
    "zip": Carrier(zip_file, Kind.ARCHIVE, "holiday/picture.png"),
    "cbz": Carrier(cbz, Kind.ARCHIVE, "page002.jpg"),
    "tar_gz": Carrier(_tar(".tar.gz", "w:gz"), Kind.ARCHIVE, "photos/picture.jpg"),
    "tar_bz2": Carrier(_tar(".tar.bz2", "w:bz2"), Kind.ARCHIVE, "photos/picture.jpg"),
    "tar_xz": Carrier(_tar(".tar.xz", "w:xz"), Kind.ARCHIVE, "photos/picture.jpg"),
    "7z": Carrier(sevenzip, Kind.ARCHIVE, "picture.png"),
    "rar_stored": Carrier(rar, Kind.ARCHIVE, "photos/picture.png"),
    "docx": Carrier(docx, Kind.DOCUMENT, "word/media/image1.png"),
    "xlsx": Carrier(_ooxml("xlsx"), Kind.DOCUMENT, "xl/media/image1.png"),
    "pptx": Carrier(_ooxml("pptx"), Kind.DOCUMENT, "ppt/media/image1.png"),
    "odt": Carrier(odt, Kind.DOCUMENT, "Pictures/image1.png"),
    "epub": Carrier(epub, Kind.DOCUMENT, "OEBPS/cover.jpg"),
    "zip_in_tar_gz": Carrier(zip_in_tar_gz, Kind.ARCHIVE, "inner.zip / picture.png"),
    "video_in_zip": Carrier(video_in_zip, Kind.ARCHIVE, "clips/party.mkv"),
    # videos
    "mpeg_ts": Carrier(_video(".ts", "mpeg2video"), Kind.VIDEO),
    "flv": Carrier(_video(".flv", "flv"), Kind.VIDEO),
    "wmv": Carrier(_video(".wmv", "wmv2"), Kind.VIDEO),
    "mpeg1": Carrier(_video(".mpg", "mpeg1video"), Kind.VIDEO),
    "vob": Carrier(_video(".vob", "mpeg2video"), Kind.VIDEO),
    "ogg_vp8": Carrier(_video(".ogv", "libvpx", fps=10), Kind.VIDEO),  # no Theora encoder in av
    "mkv": Carrier(_video(".mkv", "libx264"), Kind.VIDEO),
    "webm_vp8": Carrier(_video(".webm", "libvpx", fps=10), Kind.VIDEO),
    "webm_vp9": Carrier(_video(".webm", "libvpx-vp9", fps=10), Kind.VIDEO),
    "avi": Carrier(_video(".avi", "mpeg4"), Kind.VIDEO),
}


def build_all(picture: Image.Image, folder: Path) -> dict[str, Path]:
    """Every kind in KINDS, one file each, in subfolders named after the kind."""
    paths = {}
    for name, carrier in KINDS.items():
        where = folder / name
        where.mkdir(parents=True, exist_ok=True)
        paths[name] = carrier.build(picture, where)
    return paths


# -- files that cannot show a picture ---------------------------------------------------------


def text_only_pdf() -> bytes:
    """A one-page PDF with a line of text and no image at all (written by hand)."""
    stream = b"BT /F1 24 Tf 72 720 Td (Shopping list: apples, bread) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    return assemble_pdf(objects)


def assemble_pdf(objects: list[bytes]) -> bytes:
    """Number the objects 1..n, write them with a correct xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _wav(path: Path) -> Path:
    """One second of a 440 Hz tone."""
    tone = (np.sin(np.arange(8000) * 2 * np.pi * 440 / 8000) * 12000).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(tone.tobytes())
    return path


def no_picture_files(folder: Path) -> dict[str, Path]:
    """Files that cannot show a picture: a check has nothing to look at.

    Except ``pdf_text_only``: a PDF page of text is rendered and checked all the same (its
    text could be filled with a pattern that paints an image), so it is checked clean.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "text": folder / "notes.txt",
        "csv": folder / "scores.csv",
        "wav": folder / "tone.wav",
        "zip_of_text": folder / "letters.zip",
        "pdf_text_only": folder / "list.pdf",
        "m4a": folder / "tone.m4a",
    }
    paths["text"].write_text("see you at four\nbring the ball\n")
    paths["csv"].write_text("name,score\nSam,12\nAlex,9\n")
    _wav(paths["wav"])
    paths["zip_of_text"].write_bytes(
        _zip_bytes([("letter1.txt", b"Dear Sam,\n"), ("sub/letter2.txt", b"Dear Alex,\n")])
    )
    paths["pdf_text_only"].write_bytes(text_only_pdf())
    _m4a(paths["m4a"])
    paths["docx_text_only"] = _ooxml("docx")(None, folder)
    return paths


def _m4a(path: Path) -> Path:
    """One second of a tone as AAC in an MP4 container: sound only, no video stream."""
    import av

    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("aac", rate=44100)
        tone = np.sin(np.arange(44100) * 2 * np.pi * 440 / 44100).astype(np.float32)
        frame = av.AudioFrame.from_ndarray(tone.reshape(1, -1), format="fltp", layout="mono")
        frame.sample_rate = 44100
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


# -- hostile containers -----------------------------------------------------------------------


def zip_bomb(path: Path, megabytes: int = 200) -> Path:
    """A small ZIP whose one member unpacks to ``megabytes`` of zeros (ratio ~1000:1)."""
    block = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("picture.png", "w", force_zip64=True) as member,
    ):
        for _ in range(megabytes):
            member.write(block)
    return path


def nested_zips(path: Path, picture: Image.Image, levels: int = 10) -> Path:
    """The picture in a ZIP in a ZIP ... ``levels`` deep."""
    data = _zip_bytes([("picture.png", encoded(picture))])
    for level in range(levels - 1):
        data = _zip_bytes([(f"level{levels - 1 - level}.zip", data)])
    path.write_bytes(data)
    return path


def pdf_of_many_images(path: Path, count: int = 10_000) -> Path:
    """One page drawing ``count`` small distinct images (64x64, flate-compressed)."""
    first_image = 5
    names = " ".join(f"/Im{i} {first_image + i} 0 R" for i in range(count))
    drawing = b"".join(
        b"q 6 0 0 6 %d %d cm /Im%d Do Q\n" % (i % 100 * 6, i // 100 * 7, i) for i in range(count)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << " + names.encode() + b" >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(drawing) + drawing + b"\nendstream",
    ]
    for i in range(count):
        pixels = bytes([i % 256, (i * 7) % 256, (i * 13) % 256]) * (64 * 64)
        packed = zlib.compress(pixels, 9)
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
            % len(packed)
            + packed
            + b"\nendstream"
        )
    path.write_bytes(assemble_pdf(objects))
    return path


def svg_billion_laughs(path: Path) -> Path:
    """XML entities that expand to 10^9 'lol's if a parser lets them."""
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n'
        + "\n".join(entities)
        + '\n]>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
        "<text x='0' y='20'>&lol9;</text></svg>\n"
    )
    return path


def svg_huge(path: Path) -> Path:
    """An SVG that declares itself 1e9 x 1e9 pixels."""
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1000000000" height="1000000000">'
        '<rect width="1000000000" height="1000000000" fill="rgb(220,30,40)"/></svg>\n'
    )
    return path


def plain_jpeg(path: Path) -> Path:
    """An ordinary photo as JPEG (to see the checker still works after a hostile file)."""
    path.write_bytes(encoded(twin_picture(), "JPEG", quality=90))
    return path
