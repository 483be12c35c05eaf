"""Web pages, e-mail, saved pages and mailboxes: the pictures inside them are members."""

from __future__ import annotations

import base64
import binascii
import io
import mailbox
import time
import urllib.parse
import xml.etree.ElementTree as ET
from email.message import EmailMessage
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app.analysis import testpattern
from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.analysis.carriers.base import Budget, Limits, Member
from desktop_app.analysis.carriers.mime import html_members, mbox_members, mime_members
from desktop_app.analysis.carriers.webpage import decode_data_uri
from desktop_app.analysis.verdict import CheckFailed, Kind, Status
from tests.helpers import media


def pattern(fmt: str = "PNG", size: tuple[int, int] = (160, 120)) -> bytes:
    out = io.BytesIO()
    testpattern.render(*size).convert("RGB").save(out, format=fmt)
    return out.getvalue()


def data_uri(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def shows_pattern(data: bytes | None) -> bool:
    assert data is not None
    with Image.open(io.BytesIO(data)) as image:
        return testpattern.matches(np.asarray(image.convert("RGB")))


def page(html: str) -> list[Member]:
    return list(html_members(html.encode(), Budget()))


# --- web pages ---------------------------------------------------------------------------


def test_a_data_uri_img_is_an_inline_image() -> None:
    found = page(f'<html><body><p>Hi</p><img alt="x" src="{data_uri(pattern())}"></body></html>')
    assert [m.name for m in found] == ["inline image 1"]
    assert shows_pattern(found[0].data)


def test_every_place_a_page_can_draw_a_data_uri_is_looked_at() -> None:
    png = pattern()
    uri = data_uri(png)
    html = f"""<!DOCTYPE html><html><head>
    <link rel="icon" href="{uri}">
    <style>body {{ background: url("{uri}") }} .a {{ background-image:url({uri}) }}</style>
    </head><body>
    <img srcset="{uri} 1x, {uri} 2x">
    <picture><source srcset="{uri}"><img src="https://example.org/remote.png"></picture>
    <object data="{uri}"></object><embed src="{uri}">
    <video poster="{uri}"></video>
    <div style="background: url('{uri}')"></div>
    <script>const icon = "{uri}";</script>
    </body></html>"""
    found = page(html)
    assert [m.name for m in found] == [f"inline image {n}" for n in range(1, 12)]
    assert all(m.data == png for m in found)


def test_remote_and_relative_pictures_are_not_part_of_the_page() -> None:
    html = (
        '<img src="https://example.org/a.png"><img src="http://example.org/b.jpg">'
        '<img src="photos/c.jpg"><div style="background:url(d.png)"></div>'
        '<img src="//cdn.example.org/e.png">'
    )
    assert page(html) == []  # and no socket was opened: the suite has them disabled


def test_an_inline_svg_is_a_member_that_stands_on_its_own() -> None:
    html = (
        '<p>before</p><svg width="20" height="10" viewBox="0 0 20 10">'
        '<rect width="20" height="10" fill="red"/><svg x="1"><circle r="2"/></svg>'
        '<use xlink:href="#a"/></svg><p>after</p>'
    )
    found = page(html)
    assert [m.name for m in found] == ["inline image 1"]
    assert found[0].data is not None
    root = ET.fromstring(found[0].data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 20 10"  # case kept, as SVG needs
    assert found[0].data.endswith(b"</svg>")


def test_a_percent_encoded_svg_data_uri_is_decoded() -> None:
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'><rect/></svg>"
    found = page(f'<img src="data:image/svg+xml;utf8,{urllib.parse.quote(svg)}">')
    assert [m.data for m in found] == [svg.encode()]


def test_broken_markup_still_gives_its_pictures() -> None:
    uri = data_uri(pattern())
    html = f"<html><body><div><p><b>unclosed <img src={uri}><table><tr><td><img src='{uri}'><p"
    found = page(html)
    assert len(found) == 2
    assert all(shows_pattern(m.data) for m in found)


def test_undecodable_data_uris_show_nothing_and_hold_nothing() -> None:
    assert page('<img src="data:image/png;base64,@@@@"><img src="data:image/png">') == []


@pytest.mark.parametrize("unit", ["</", "<?", "<!", "<a x='", "<"])
def test_markup_that_never_closes_is_answered_quickly(unit: str) -> None:
    """Python's HTML parser re-reads unclosed constructs: a quadratic trap for a hostile page."""
    started = time.monotonic()
    assert page(unit * 500_000) == []
    assert time.monotonic() - started < 3.0


def test_a_style_block_left_open_at_the_end_still_counts() -> None:
    found = page(f"<p>hi</p><style>body {{ background: url({data_uri(pattern())}) }}")
    assert [m.name for m in found] == ["inline image 1"]
    assert shows_pattern(found[0].data)


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("data:image/png;base64,aGVsbG8=", b"hello"),
        ("data:image/png;base64,aGVsbG8", b"hello"),  # padding is optional
        ("data:image/png;base64,aGVs bG8=\n", b"hello"),  # spaces are dropped
        ("data:image/png;base64,aGVs%62G8=", b"hello"),  # percent-decoded first
        ("DATA:,a%20b", b"a b"),
        ("data:image/png;base64,a", None),
        ("data:image/png;base64,a$b=", None),
        ("data:no-comma", None),
    ],
)
def test_data_uris_are_read_as_browsers_read_them(uri: str, expected: bytes | None) -> None:
    assert decode_data_uri(uri) == expected


def test_a_page_with_many_inline_pictures_is_bounded_by_the_budget() -> None:
    uri = data_uri(b"x" * 10)
    html = "".join(f'<img src="{uri}">' for _ in range(200))
    with pytest.raises(CheckFailed) as failed:
        list(html_members(html.encode(), Budget(Limits(max_members=50))))
    assert "too many" in failed.value.reason


# --- e-mail and saved pages ----------------------------------------------------------------


def mail(attachment: bytes | None = None, filename: str = "beach.png") -> EmailMessage:
    """A message with body text, an HTML alternative with a cid: picture, and an attachment."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Hi"
    message.set_content("Look at this.")
    message.add_alternative('<p>Look:</p><img src="cid:pic1">', subtype="html")
    html_part = message.get_body(("html",))
    assert isinstance(html_part, EmailMessage)
    html_part.add_related(pattern("JPEG"), "image", "jpeg", cid="<pic1>")
    if attachment is not None:
        message.add_attachment(attachment, maintype="image", subtype="png", filename=filename)
    return message


def test_an_email_gives_its_inline_picture_and_its_attachment() -> None:
    attachment = b"\x89PNG attachment bytes"
    found = list(mime_members(mail(attachment).as_bytes(), Budget()))
    assert [m.name for m in found] == ["part 3", "attachment 4 (beach.png)"]
    assert shows_pattern(found[0].data)
    assert found[1].data == attachment


def test_an_attached_message_is_walked_under_its_name() -> None:
    outer = EmailMessage()
    outer["Subject"] = "Fwd"
    outer.set_content("See below.")
    outer.add_attachment(mail(pattern(), "inner.png"), filename="forwarded.eml")
    found = list(mime_members(outer.as_bytes(), Budget()))
    assert [m.name for m in found] == [
        "attachment 2 (forwarded.eml) / part 3",
        "attachment 2 (forwarded.eml) / attachment 4 (inner.png)",
    ]
    assert shows_pattern(found[1].data)


def test_a_saved_page_gives_its_parts_and_the_data_uris_in_its_html_and_css() -> None:
    png = pattern()
    boundary = "----MultipartBoundary--abc"
    html = f'<html><body><img src="https://example.org/a.png"><img src="{data_uri(png)}">'
    mhtml = (
        "From: <Saved by Blink>\r\n"
        "Subject: A page\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"\r\n\r\n'
        f"--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://example.org/\r\n\r\n" + html.replace("=", "=3D") + "\r\n"
        f"--{boundary}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://example.org/a.png\r\n\r\n"
        + base64.encodebytes(png).decode().replace("\n", "\r\n")
        + f"--{boundary}\r\n"
        "Content-Type: text/css\r\n"
        "Content-Location: https://example.org/site.css\r\n\r\n"
        f".hero {{ background: url({data_uri(png)}) }}\r\n"
        f"--{boundary}--\r\n"
    )
    found = list(mime_members(mhtml.encode(), Budget()))
    assert [m.name for m in found] == [
        "part 1 / inline image 1",
        "part 2",
        "part 3 / inline image 1",
    ]
    assert all(m.data == png for m in found)


def test_plain_text_mail_holds_nothing_to_check() -> None:
    message = EmailMessage()
    message.set_content("Just words.")
    assert list(mime_members(message.as_bytes(), Budget())) == []


def test_malformed_headers_never_crash() -> None:
    raw = (
        b"Content-Type: multipart/mixed; boundary=\r\n"
        b"Content-Disposition: attachment; filename*=bogus''%ZZ\x00\r\n"
        b"From: \xff\xfe <<<\r\n\r\n"
        b"--\r\nContent-Type: image/\r\n\r\n\x89PNG\r\n----\r\n"
    )
    list(mime_members(raw, Budget()))  # whatever it finds, it does not raise


def test_parts_nested_too_deep_are_refused() -> None:
    head = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(60)
    )
    raw = ("Subject: deep\r\n" + head + "Content-Type: image/png\r\n\r\nxx\r\n").encode()
    with pytest.raises(CheckFailed) as failed:
        list(mime_members(raw, Budget()))
    assert failed.value.status is Status.UNREADABLE


# --- mailboxes -----------------------------------------------------------------------------


def test_a_mailbox_gives_each_messages_pictures_under_its_number(tmp_path: Path) -> None:
    path = tmp_path / "Inbox.mbox"
    box = mailbox.mbox(str(path))
    plain = EmailMessage()
    plain.set_content("First: words only.")
    with_photo = EmailMessage()
    with_photo.set_content("Second: a photo. \nFrom the beach.\n")
    with_photo.add_attachment(pattern("JPEG"), maintype="image", subtype="jpeg", filename="x.jpg")
    box.add(plain)
    box.add(with_photo)
    box.add(mail())
    box.flush()
    box.close()
    found = list(mbox_members(str(path), Budget()))
    assert [m.name for m in found] == ["message 2 / attachment 2 (x.jpg)", "message 3 / part 3"]
    assert all(shows_pattern(m.data) for m in found)
    assert list(mbox_members(path.read_bytes(), Budget())) == found


# --- end to end, through the worker ----------------------------------------------------------


def test_an_email_with_the_pattern_attached_is_sensitive_and_names_it(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    message = EmailMessage()
    message["From"], message["Subject"] = "a@example.org", "Holiday"
    message.set_content("Photos attached.")
    message.add_attachment(pattern("JPEG", (640, 480)), "image", "jpeg", filename="beach.jpg")
    path = tmp_path / "holiday.eml"
    path.write_bytes(message.as_bytes())
    result = analyzer.analyze_file(path)
    assert (result.kind, result.status, result.is_sensitive) == (Kind.DOCUMENT, Status.OK, True)
    assert result.member == "attachment 2 (beach.jpg)"


def test_a_web_page_with_an_ordinary_inline_photo_is_checked_clean(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    out = io.BytesIO()
    Image.fromarray(media.other_photos()["coffee"]).save(out, format="PNG")
    path = tmp_path / "page.html"
    path.write_text(f'<html><body><img src="{data_uri(out.getvalue())}"></body></html>')
    result = analyzer.analyze_file(path)
    assert (result.status, result.is_sensitive, result.frames_checked) == (Status.OK, False, 1)


@pytest.mark.parametrize(
    "header",
    [
        "Content-Type: image/png" + "; a=b" * 20_000,
        'Content-Disposition: attachment; filename="' + "=?utf-8?q?a?= " * 20_000 + '"',
        "Content-Disposition: attachment; "
        + " ".join(f"filename*{i}*=utf-8''a%20;" for i in range(20_000)),
    ],
    ids=["parameters", "encoded-words", "rfc2231-pieces"],
)
def test_hostile_headers_are_read_quickly(header: str) -> None:
    raw = (
        "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        f"--b\r\n{header}\r\n\r\nAAAA\r\n--b--\r\n"
    ).encode()
    started = time.monotonic()
    assert len(list(mime_members(raw, Budget()))) == 1
    assert time.monotonic() - started < 3.0


def test_an_encoded_attachment_name_is_decoded_for_the_reader() -> None:
    message = EmailMessage()
    message.set_content("Hi")
    message.add_attachment(b"data", "application", "octet-stream", filename="Strand €.jpg")
    assert [m.name for m in mime_members(message.as_bytes(), Budget())] == [
        "attachment 2 (Strand €.jpg)"
    ]


def test_a_style_sheet_written_as_a_data_uri_is_read_for_its_pictures() -> None:
    css = f"body {{ background: url('{data_uri(pattern())}') }}"
    sheet = "data:text/css;base64," + base64.b64encode(css.encode()).decode()
    found = page(f'<link rel="stylesheet" href="{sheet}"><p>hi</p>')
    assert [m.name for m in found] == ["inline image 1"]
    assert shows_pattern(found[0].data)


def test_a_uuencoded_picture_in_the_body_text_is_found() -> None:
    """Old mail programs wrote attachments into the text; newer ones still show them."""
    jpeg = pattern("JPEG")
    lines = [binascii.b2a_uu(jpeg[i : i + 45]) for i in range(0, len(jpeg), 45)]
    body = b"Hello,\n\nbegin 644 photo.jpg\n" + b"".join(lines) + b"`\nend\n\nBye\n"
    message = EmailMessage()
    message["Subject"] = "old style"
    message.set_content(body.decode("ascii"))
    found = list(mime_members(message.as_bytes(), Budget()))
    assert [m.name for m in found] == ["part 1 / photo.jpg"]
    assert found[0].data == jpeg


@pytest.mark.parametrize(
    "css",
    [
        "background:url( {uri} )",
        "background:url(\n\t{uri}\n)",
        "background:url( '{uri}' )",
        'background:url( " {uri} " )',
        "background:url(/* a note */ {uri})",
        "background:url( /* one */ /* two */ '{uri}')",
    ],
)
def test_spaces_and_comments_around_a_css_url_still_give_the_picture(css: str) -> None:
    png = pattern()
    text = css.format(uri=data_uri(png))
    in_attribute = page(f'<div style="{text.replace(chr(34), "&quot;")}"></div>')
    in_block = page(f"<style>body {{ {text} }}</style><p>hi</p>")
    assert [m.data for m in in_attribute] == [png]
    assert [m.data for m in in_block] == [png]


def test_a_framed_page_written_into_srcdoc_is_read_as_a_page() -> None:
    png = pattern()
    inner = f"<p>hi</p><img src={data_uri(png)}>"
    escaped = inner.replace("&", "&amp;").replace('"', "&quot;")
    found = page(f'<iframe srcdoc="{escaped}"></iframe>')
    assert [m.data for m in found] == [png]
    assert found[0].name == "framed page 1 / inline image 1"


def test_framed_pages_framed_inside_each_other_are_bounded() -> None:
    inner = f"<img src={data_uri(pattern())}>"
    for _ in range(Limits().max_depth + 2):
        inner = '<iframe srcdoc="' + inner.replace("&", "&amp;").replace('"', "&quot;") + '">'
    with pytest.raises(CheckFailed, match="levels deep"):
        page(inner)
