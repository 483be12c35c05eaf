"""vCard files for the contacts tests: every version's way of carrying a picture."""

from __future__ import annotations

import base64
import io

from PIL import Image

from desktop_app.analysis import testpattern
from tests.helpers import media


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def pattern_png() -> bytes:
    """The admin test pattern, small enough for a contact photo, still recognised."""
    return png(testpattern.render(320, 240))


def photo_png() -> bytes:
    """An ordinary photo of a person (scikit-image's astronaut), as a contact photo."""
    return png(Image.fromarray(media.people_photos()["astronaut"]).resize((192, 192)))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def folded(line: str) -> str:
    parts = [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n".join(parts)


def card21(name: str, photo: bytes | None = None, *, indented: bool = True) -> str:
    lines = ["BEGIN:VCARD", "VERSION:2.1", f"N:{name};;;;", f"FN:{name}"]
    if photo is not None:
        data = b64(photo)
        chunks = [data[i : i + 72] for i in range(0, len(data), 72)]
        pad = "  " if indented else ""
        lines += ["PHOTO;ENCODING=BASE64;TYPE=PNG:", *[pad + c for c in chunks], ""]
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def card30(
    name: str, photo: bytes | None = None, *, logo: bytes | None = None, extra: str = ""
) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{name};;;;",
        f"FN:{name}",
        "TEL;TYPE=CELL:+1 555 0100",
    ]
    if photo is not None:
        lines.append(folded(f"PHOTO;ENCODING=b;TYPE=PNG:{b64(photo)}"))
    if logo is not None:
        lines.append(folded(f"LOGO;ENCODING=b;TYPE=PNG:{b64(logo)}"))
    if extra:
        lines.append(extra)
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def card40(name: str, photo: bytes | None = None, *, extra: str = "") -> str:
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{name}", "EMAIL:someone@example.org"]
    if photo is not None:
        lines.append(folded(f"PHOTO:data:image/png;base64,{b64(photo)}"))
    if extra:
        lines.append(extra)
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
