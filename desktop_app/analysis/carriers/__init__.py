"""Archives and documents: the pictures they carry, as members the worker checks.

One extractor per carrier format (the ``media_format`` that ``media.sniff`` gives for
kinds ``archive`` and ``document``). Modules are imported only when a file of that
kind arrives, so checking a photo never pays for the PDF or 7z libraries.
"""

from __future__ import annotations

import importlib

from .base import Budget, Extractor, LimitReached, Limits, Member, Source, bounded_read

# media_format -> "module:function" inside this package.
EXTRACTORS: dict[str, str] = {
    "zip": "archives:zip_members",
    "tar": "archives:tar_members",
    "gzip": "archives:gzip_members",
    "bzip2": "archives:bzip2_members",
    "xz": "archives:xz_members",
    "7z": "archives:sevenzip_members",
    "rar": "archives:rar_members",
    "pdf": "pdf:pdf_members",
    "svg": "svg:svg_members",
    "html": "mime:html_members",
    "mhtml": "mime:mime_members",
    "eml": "mime:mime_members",
    "mbox": "mime:mbox_members",
    "vcard": "vcard:vcard_members",
    "ole": "ole:ole_members",
    "rtf": "rtf:rtf_members",
    "carve": "carve:carved_members",
}


def extractor_for(media_format: str) -> Extractor | None:
    """The extractor of a carrier format, or None when it is not a carrier."""
    target = EXTRACTORS.get(media_format)
    if target is None:
        return None
    module_name, function = target.split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    extractor: Extractor = getattr(module, function)
    return extractor


__all__ = [
    "EXTRACTORS",
    "Budget",
    "Extractor",
    "LimitReached",
    "Limits",
    "Member",
    "Source",
    "bounded_read",
    "extractor_for",
]
