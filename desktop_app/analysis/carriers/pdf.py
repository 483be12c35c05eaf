"""PDF documents: every page that draws something, its embedded pictures and attachments.

PDFium (through pypdfium2, BSD-3/Apache-2.0) parses the file in this worker; it runs
no JavaScript (the build has no V8), no XFA and no forms environment (never initialised
here), fetches nothing and does not follow external file references. Order, page by page:

- the page rendered small (long side ``PAGE_SIDE``), because a picture can be drawn
  with vector paths, shadings, inline images, annotations, Type 3 glyphs or tiled from
  many small images, and a render shows it as a viewer does. Even text in an ordinary
  font can be filled with a pattern that paints an image, so every page with any object
  is rendered (a text-only PDF is checked, not "nothing to check"); only an empty page
  is not.
- then each image object at full detail, those in annotations (image stamps) too: a
  grey or colour JPEG stream is handed over as it is (decoded small and fast by the
  image path), anything else (CMYK, JPEG 2000, Flate, CCITT, JBIG2...) is decoded by
  PDFium itself.
  Images under ``MIN_IMAGE_PIXELS`` are left to the page render: they are icons and
  bullets, too small for the models to judge on their own. The same image drawn
  twice is checked once.
- files attached to a page (paper-clip annotations) with that page, and last the files
  attached to the document (they may be photos or other carriers).

Limits fail closed ("could not check"): more than ``MAX_PAGES`` pages, more than
``MAX_IMAGES_PER_PAGE`` images on one page or ``MAX_IMAGES`` in the file (a PDF made of
10,000 tiny images is answered at once instead of decoding them), an image over
``decode.MAX_PIXELS``, and the shared ``Budget`` (time, bytes, members).
"""

from __future__ import annotations

import ctypes
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from ..decode import MAX_PIXELS, pil_to_rgb
from ..verdict import CheckFailed, Kind, Status
from .base import Budget, Member, Source

PAGE_SIDE = 512  # px, long side of a page render
MAX_PAGES = 500
MAX_IMAGES_PER_PAGE = 200
MAX_IMAGES = 1_000
MIN_IMAGE_PIXELS = 64 * 64
MAX_OBJECTS_PER_PAGE = 2_000_000  # text runs, shapes and images, groups drawn again included
MAX_FORM_DEPTH = 8  # groups (form XObjects) inside groups
_JPEG_ONLY = ("DCTDecode",)


@dataclass
class _Seen:
    """What one document has shown so far, across pages."""

    images: int = 0
    digests: set[bytes] = field(default_factory=set)


def pdf_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Yield page renders, embedded images and attachments, lazily, within the budget."""
    document = _open(source)
    try:
        pages = len(document)
        if pages > MAX_PAGES:
            raise _failed(
                Status.UNREADABLE,
                f"This PDF has {pages:,} pages, more than the {MAX_PAGES} SafeLens checks.",
            )
        seen = _Seen()
        for index in range(pages):
            budget.check_time()
            page = _load_page(document, index)
            try:
                yield from _page_members(page, index + 1, budget, seen)
            finally:
                page.close()
        yield from _attachments(document, budget)
    finally:
        document.close()


def _open(source: Source) -> pdfium.PdfDocument:
    """Open from a path or bytes; password and damage become plain reasons."""
    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (
            pdfium_c.FPDF_ERR_PASSWORD,
            pdfium_c.FPDF_ERR_SECURITY,
        ):
            raise _failed(
                Status.UNSUPPORTED,
                "This PDF is protected with a password, so SafeLens could not look inside.",
            ) from exc
        raise _damaged() from exc
    except (OSError, ValueError) as exc:
        raise _damaged() from exc


def _load_page(document: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    try:
        return document[index]
    except (pdfium.PdfiumError, IndexError) as exc:
        raise _damaged() from exc


def _page_members(
    page: pdfium.PdfPage, number: int, budget: Budget, seen: _Seen
) -> Iterator[Member]:
    """The page's render (if it draws anything at all), then its images."""
    images, draws = _survey(page, budget)
    seen.images += len(images)
    if len(images) > MAX_IMAGES_PER_PAGE or seen.images > MAX_IMAGES:
        raise _too_many_images()
    if draws:
        budget.admit(PAGE_SIDE * PAGE_SIDE * 4)
        yield Member(name=f"page {number}", picture=_render(page))
    for position, image in enumerate(images, start=1):
        budget.check_time()
        member = _image_member(image, f"image {position} on page {number}", budget, seen)
        if member is not None:
            yield member
    yield from _annotation_members(page, number, len(images), budget, seen)


def _annotation_members(
    page: pdfium.PdfPage, number: int, position: int, budget: Budget, seen: _Seen
) -> Iterator[Member]:
    """Images in annotations (Acrobat's image stamps): the render shows them only small."""
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page, index)
        if not annotation:
            continue
        try:  # the annotation owns its objects: each becomes a member before it is closed
            attached = _attached_to(page, annotation, budget)
            if attached is not None:
                name, data = attached
                yield Member(name=f"attachment on page {number} ({name})", data=data)
            for image in _annotation_images(page, annotation):
                budget.check_time()
                position += 1
                seen.images += 1
                if seen.images > MAX_IMAGES:
                    raise _too_many_images()
                name = f"image {position} on page {number}"
                member = _image_member(image, name, budget, seen)
                if member is not None:
                    yield member
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)


def _attached_to(
    page: pdfium.PdfPage, annotation: object, budget: Budget
) -> tuple[str, bytes] | None:
    """The file a file-attachment annotation (a paper clip on the page) carries."""
    if pdfium_c.FPDFAnnot_GetSubtype(annotation) != pdfium_c.FPDF_ANNOT_FILEATTACHMENT:
        return None
    raw = pdfium_c.FPDFAnnot_GetFileAttachment(annotation)
    if not raw:
        return None
    attachment = pdfium.PdfAttachment(raw, page.pdf)
    data = _attachment_data(attachment, budget)
    return (attachment.get_name(), data) if data else None


def _annotation_images(page: pdfium.PdfPage, annotation: object) -> Iterator[pdfium.PdfImage]:
    for index in range(pdfium_c.FPDFAnnot_GetObjectCount(annotation)):
        raw = pdfium_c.FPDFAnnot_GetObject(annotation, index)
        if not raw:
            continue
        obj = pdfium.PdfObject(raw, page=page, pdf=page.pdf)
        if isinstance(obj, pdfium.PdfImage):
            yield obj
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            for inner in page.get_objects(form=obj, max_depth=8):
                if isinstance(inner, pdfium.PdfImage):
                    yield inner


def _survey(page: pdfium.PdfPage, budget: Budget) -> tuple[list[pdfium.PdfImage], bool]:
    """The page's image objects, and whether it draws anything at all.

    Any object may show a picture: text in an ordinary font can be filled with a tiling
    pattern that paints an image, and such an image is no page object. So every page with an
    object is rendered (about 5 ms); only an empty page is not. Walks PDFium's object handles
    directly (a Python wrapper per object made a page of 200,000 small shapes take 1.5 s to
    survey, 30 times its render).
    """
    images: list[pdfium.PdfImage] = []
    draws = pdfium_c.FPDFPage_GetAnnotCount(page) > 0 or pdfium_c.FPDFPage_CountObjects(page) > 0
    groups: list[tuple[object, int]] = [(None, 0)]  # (form object or None for the page, depth)
    seen = 0
    while groups:
        form, depth = groups.pop()
        count = (
            pdfium_c.FPDFFormObj_CountObjects(form)
            if form
            else pdfium_c.FPDFPage_CountObjects(page)
        )
        for index in range(max(0, count)):
            seen += 1
            if seen % 1024 == 0:
                budget.check_time()
                if seen > MAX_OBJECTS_PER_PAGE:
                    raise _failed(
                        Status.UNREADABLE,
                        "A page of this PDF is drawn with too many shapes to check safely.",
                    )
            handle = (
                pdfium_c.FPDFFormObj_GetObject(form, index)
                if form
                else pdfium_c.FPDFPage_GetObject(page, index)
            )
            if not handle:
                raise _damaged()
            kind = pdfium_c.FPDFPageObj_GetType(handle)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images.append(pdfium.PdfObject(handle, page=page, pdf=page.pdf))
                if len(images) > MAX_IMAGES_PER_PAGE:
                    return images, True
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                groups.append((handle, depth + 1))
    return images, draws


def _render(page: pdfium.PdfPage) -> np.ndarray:
    """The page as a viewer shows it (annotations included), long side PAGE_SIDE."""
    width, height = page.get_size()
    scale = PAGE_SIDE / max(width, height, 1.0)
    try:
        bitmap = page.render(scale=scale, draw_annots=True, may_draw_forms=False)
        try:
            return pil_to_rgb(bitmap.to_pil(), PAGE_SIDE)
        finally:
            bitmap.close()
    except pdfium.PdfiumError as exc:
        raise _damaged() from exc


def _image_member(image: pdfium.PdfImage, name: str, budget: Budget, seen: _Seen) -> Member | None:
    """One embedded image as a member, or None when it is too small or already seen."""
    try:
        width, height = image.get_px_size()
        filters = tuple(image.get_filters())
    except pdfium.PdfiumError:
        return None  # not a readable image: the page render shows what a viewer shows
    if width * height < MIN_IMAGE_PIXELS:
        return None
    if width * height > MAX_PIXELS:
        raise _failed(
            Status.UNREADABLE,
            f"A picture in this PDF is too large to check safely ({width}x{height}; the "
            f"limit is {MAX_PIXELS // 1_000_000} megapixels).",
        )
    raw = bytes(image.get_data(decode_simple=False))
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    if digest in seen.digests:
        return None
    seen.digests.add(digest)
    if filters == _JPEG_ONLY and _plain_jpeg(raw):
        budget.admit(len(raw), len(raw))
        return Member(name=name, data=raw)
    budget.admit(width * height * 4, len(raw))
    return Member(name=name, picture=_decoded(image))


def _plain_jpeg(raw: bytes) -> bool:
    """A grey or colour JPEG that reads the same alone; CMYK ones are left to PDFium."""
    try:
        with Image.open(io.BytesIO(raw), formats=("JPEG",)) as jpeg:
            return jpeg.mode in ("L", "RGB")
    except Exception:  # PDFium may still read what Pillow cannot
        return False


def _decoded(image: pdfium.PdfImage) -> np.ndarray:
    """PDFium's own decoding of an image object (colour spaces, masks not applied)."""
    try:
        bitmap = image.get_bitmap(render=False)
        try:
            return pil_to_rgb(bitmap.to_pil())  # a copy: nothing points into the buffer
        finally:
            bitmap.warn_on_close = False  # PDFium's own buffer, freed now rather than later
            bitmap.close()
    except pdfium.PdfiumError as exc:
        raise _failed(
            Status.UNREADABLE, "A picture in this PDF is damaged, so it could not be read."
        ) from exc


def _attachments(document: pdfium.PdfDocument, budget: Budget) -> Iterator[Member]:
    """Files attached to the PDF, as members checked like files of their own."""
    for index in range(document.count_attachments()):
        budget.check_time()
        attachment = document.get_attachment(index)
        data = _attachment_data(attachment, budget)
        if data:
            yield Member(name=f"attachment {index + 1} ({attachment.get_name()})", data=data)


def _attachment_data(attachment: pdfium.PdfAttachment, budget: Budget) -> bytes:
    """An attached file's bytes, its size admitted first; empty when it has none."""
    size = ctypes.c_ulong()
    if not pdfium_c.FPDFAttachment_GetFile(attachment, None, 0, ctypes.byref(size)):
        return b""  # an entry without a file: nothing to show
    if size.value == 0:
        return b""
    budget.admit(size.value)
    try:
        return bytes(attachment.get_data())
    except pdfium.PdfiumError as exc:
        raise _failed(
            Status.UNREADABLE, "A file attached to this PDF is damaged, so it could not be read."
        ) from exc


def _too_many_images() -> CheckFailed:
    return _failed(
        Status.UNREADABLE,
        f"This PDF has too many pictures to check (over {MAX_IMAGES_PER_PAGE} on one "
        f"page or {MAX_IMAGES:,} in all).",
    )


def _damaged() -> CheckFailed:
    return _failed(Status.UNREADABLE, "This PDF is damaged, so it could not be read.")


def _failed(status: Status, reason: str) -> CheckFailed:
    return CheckFailed(status, reason, Kind.DOCUMENT)
