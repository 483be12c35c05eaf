"""Contact images: every PHOTO and LOGO in a vCard is checked before anyone sees it.

Inline pictures (vCard 2.1 ``ENCODING=BASE64``, 3.0 ``ENCODING=b``, 4.0 ``data:`` URIs)
are sent as bytes to the worker; this process never decodes them. Remote pictures
(http, https, ftp, cid, file...) are never fetched. What the sanitised copy holds:

- a cleared picture: the same bytes as before;
- a sensitive picture: the neutral avatar; the original bytes go to quarantine;
- a picture that could not be checked (corrupt, too large, timed out): with
  ``fail_closed`` (children) like a sensitive one, otherwise kept;
- a remote picture: with ``fail_closed`` removed (another app could fetch it), otherwise kept;
- a card that cannot be read: with ``fail_closed`` left out, otherwise kept as written.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.analysis.carriers import vcard_text as vcard
from desktop_app.analysis.verdict import Analysis, AnalyzerUnavailable, Status
from desktop_app.core.sinks import CountRecorder
from desktop_app.core.storage import StorageError, atomic_write_bytes
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.surfaces.avatar import neutral_avatar_png
from desktop_app.surfaces.folder_access import open_folder, owner_if_root
from desktop_app.surfaces.quarantine import Quarantine, QuarantineError, QuarantineReason

if TYPE_CHECKING:
    from desktop_app.analysis.analyzer import SensitivityAnalyzer

__all__ = [
    "MAX_VCARD_BYTES",
    "CheckedContact",
    "ContactImage",
    "ContactsError",
    "ContactsOutcome",
    "ImageVerdict",
    "SanitisedVCard",
    "check_pictures",
    "read_vcard_file",
    "record_counts",
    "sanitise_vcard_bytes",
    "sanitise_vcard_file",
]

MAX_VCARD_BYTES = 64 * 1024 * 1024
log = logging.getLogger(__name__)


class ImageVerdict(StrEnum):
    """What became of one contact picture."""

    cleared = "cleared"
    sensitive = "sensitive"
    could_not_check = "could_not_check"
    remote = "remote"  # a link to a picture elsewhere: never fetched


@dataclass(frozen=True)
class ContactImage:
    """One PHOTO/LOGO: its verdict, whether it was replaced or removed, where the original is."""

    prop: str
    verdict: ImageVerdict
    replaced: bool = False
    removed: bool = False
    sha256: str | None = None
    quarantine_id: str | None = None


@dataclass(frozen=True)
class CheckedContact:
    """One card of the file; ``error`` (plain words, no content) when it could not be read."""

    number: int
    name: str
    images: tuple[ContactImage, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class ContactsOutcome:
    """What checking a vCard file did; ``sanitised_path`` is None when nothing was written."""

    contacts: tuple[CheckedContact, ...]
    replaced: int
    could_not_check: int
    quarantine_ids: tuple[str, ...]
    sanitised_path: Path | None
    remote_removed: int = 0
    skipped_cards: int = 0
    original_quarantine_id: str | None = None

    @property
    def sensitive(self) -> int:
        return sum(i.verdict is ImageVerdict.sensitive for c in self.contacts for i in c.images)

    @property
    def changed(self) -> bool:
        """True when the sanitised copy differs from the file as it arrived."""
        return bool(self.replaced or self.remote_removed or self.skipped_cards or self._dropped)

    @property
    def _dropped(self) -> int:
        return sum(i.removed for c in self.contacts for i in c.images)


@dataclass(frozen=True)
class SanitisedVCard:
    """The sanitised text (UTF-8 bytes) and what was done to get it."""

    data: bytes
    outcome: ContactsOutcome


class ContactsError(Exception):
    """A vCard file could not be handled (unreadable, changed while being checked...)."""


def read_vcard_file(path: Path) -> bytes:
    """At most one byte more than a checkable file, so a huge one is never read whole."""
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_VCARD_BYTES + 1)
    except OSError as exc:
        raise ContactsError(f"The contacts file could not be read ({exc.strerror}).") from exc


def _verdict(picture: vcard.Picture, analysis: Analysis | None) -> ImageVerdict:
    if picture.kind is vcard.PayloadKind.remote:
        return ImageVerdict.remote
    if analysis is None or picture.kind is not vcard.PayloadKind.inline:
        return ImageVerdict.could_not_check
    if analysis.is_sensitive:
        return ImageVerdict.sensitive
    return ImageVerdict.cleared if analysis.status is Status.OK else ImageVerdict.could_not_check


def check_pictures(
    cards: Sequence[vcard.Card], analyzer: SensitivityAnalyzer, *, interactive: bool = False
) -> dict[tuple[int, int], Analysis | None]:
    """Send every inline picture to the worker at once, then collect the answers."""
    futures: dict[tuple[int, int], Future[Analysis]] = {}
    for card in cards:
        if card.error is not None:
            continue
        for pic in card.pictures:
            if pic.kind is vcard.PayloadKind.inline and pic.data is not None:
                futures[(card.number, pic.index)] = analyzer.submit_image(
                    pic.data, interactive=interactive
                )
    answers: dict[tuple[int, int], Analysis | None] = {}
    for key, future in futures.items():
        try:
            answers[key] = future.result()
        except AnalyzerUnavailable:
            answers[key] = None  # fail closed: nothing could be checked
    return answers


QuarantineBytes = Callable[[bytes, str, QuarantineReason], str]


def _sanitise_card(
    card: vcard.Card,
    answers: dict[tuple[int, int], Analysis | None],
    *,
    fail_closed: bool,
    keep: QuarantineBytes | None,
    source: str,
) -> tuple[list[str], CheckedContact]:
    """The card's new lines and what happened to each of its pictures."""
    pictures = {pic.index: pic for pic in card.pictures}
    lines: list[str] = []
    images: list[ContactImage] = []
    for index, prop in enumerate(card.properties):
        pic = pictures.get(index)
        if pic is None:
            lines.extend(vcard.property_lines(prop))
            continue
        verdict = _verdict(pic, answers.get((card.number, index)))
        sha = hashlib.sha256(pic.data).hexdigest() if pic.data is not None else None
        image = ContactImage(prop.name, verdict, sha256=sha)
        hide = verdict is ImageVerdict.sensitive or (
            fail_closed and verdict in (ImageVerdict.could_not_check, ImageVerdict.remote)
        )
        if not hide:
            lines.extend(vcard.property_lines(prop))
        elif verdict is ImageVerdict.remote:
            image = replace(image, removed=True)
        else:
            qid = None
            if keep is not None and pic.data is not None:
                reason = (
                    QuarantineReason.sensitive
                    if verdict is ImageVerdict.sensitive
                    else QuarantineReason.could_not_check
                )
                qid = keep(pic.data, f"{source}#card {card.number} {prop.name}", reason)
            if prop.name in vcard.IMAGE_PROPERTIES:
                png = neutral_avatar_png()
                lines.extend(vcard.picture_lines(prop.group, prop.name, card.version, png))
                image = replace(image, replaced=True, quarantine_id=qid)
            else:
                image = replace(image, removed=True, quarantine_id=qid)
        images.append(image)
    return lines, CheckedContact(card.number, card.name, tuple(images))


def sanitise_vcard_bytes(
    data: bytes,
    analyzer: SensitivityAnalyzer,
    quarantine: Quarantine | None,
    *,
    fail_closed: bool,
    source: str,
    profile_id: str | None = None,
    interactive: bool = False,
) -> SanitisedVCard:
    """Check a vCard file's pictures and build its sanitised copy (nothing is written here).

    Replaced originals go to ``quarantine`` (when given) as entries of their own, named
    ``source#card N PHOTO``. Raises ContactsError when the data holds no card at all.
    """
    if len(data) > MAX_VCARD_BYTES:
        raise ContactsError("This contacts file is too large to check.")
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")
    cards = vcard.parse_cards(text)
    if not cards:
        raise ContactsError("This file holds no contact cards.")
    answers = check_pictures(cards, analyzer, interactive=interactive)
    keep: QuarantineBytes | None = None
    if quarantine is not None:

        def keep(payload: bytes, label: str, reason: QuarantineReason) -> str:
            entry = quarantine.add_bytes(
                payload,
                original_path=label,
                reason=reason,
                surface=Surface.contacts,
                profile_id=profile_id,
            )
            return entry.id

    out: list[str] = []
    contacts: list[CheckedContact] = []
    skipped = 0
    for card in cards:
        if card.error is not None:
            contacts.append(CheckedContact(card.number, "", (), card.error))
            if fail_closed:
                skipped += 1
            else:
                out.extend(["BEGIN:VCARD", *card.raw, "END:VCARD"])
            continue
        lines, contact = _sanitise_card(
            card, answers, fail_closed=fail_closed, keep=keep, source=source
        )
        out.extend(["BEGIN:VCARD", *lines, "END:VCARD"])
        contacts.append(contact)
    images = [i for c in contacts for i in c.images]
    outcome = ContactsOutcome(
        contacts=tuple(contacts),
        replaced=sum(i.replaced for i in images),
        could_not_check=sum(i.verdict is ImageVerdict.could_not_check for i in images),
        quarantine_ids=tuple(i.quarantine_id for i in images if i.quarantine_id),
        sanitised_path=None,
        remote_removed=sum(i.removed and i.verdict is ImageVerdict.remote for i in images),
        skipped_cards=skipped,
    )
    body = "\r\n".join([*out, ""]).encode("utf-8", "surrogateescape")
    return SanitisedVCard(body, outcome)


def record_counts(
    outcome: ContactsOutcome, events: CountRecorder | None, profile_id: str | None
) -> None:
    """Counts only (never names, numbers or pictures); a full disk never stops the check."""
    if events is None or profile_id is None:
        return
    unchecked = outcome.could_not_check + outcome.skipped_cards
    for kind, count in (
        (EventKind.sensitive, outcome.sensitive),
        (EventKind.could_not_check, unchecked),
    ):
        if not count:
            continue
        try:
            events.record(profile_id, Surface.contacts, kind, count)
        except Exception:  # the counts store reports its own problems; never stop checking
            log.warning("contacts: a count could not be saved")


def sanitise_vcard_file(
    path: Path,
    analyzer: SensitivityAnalyzer,
    quarantine: Quarantine,
    *,
    fail_closed: bool,
    profile_id: str | None = None,
    events: CountRecorder | None = None,
) -> ContactsOutcome:
    """A .vcf that arrived in a share folder: replaced in place by its sanitised copy.

    Order, so nothing is lost at any moment: replaced pictures into quarantine
    (entries of their own), then the whole arriving file (``Quarantine.add``), and
    only then the sanitised copy written under the same name, atomically. A file that
    needs no change is left alone. A file that holds no readable card goes to
    quarantine whole when ``fail_closed``. Quarantine errors propagate (the file then
    stays where it was); ContactsError when the copy cannot be saved after the original
    went to quarantine.
    """
    data = read_vcard_file(path)
    try:
        result = sanitise_vcard_bytes(
            data,
            analyzer,
            quarantine,
            fail_closed=fail_closed,
            source=str(path),
            profile_id=profile_id,
        )
    except ContactsError:
        outcome = ContactsOutcome((), 0, 1, (), None)
        if fail_closed:
            entry = quarantine.add(
                path,
                reason=QuarantineReason.could_not_check,
                surface=Surface.contacts,
                profile_id=profile_id,
            )
            outcome = replace(outcome, quarantine_ids=(entry.id,), original_quarantine_id=entry.id)
        record_counts(outcome, events, profile_id)
        return outcome
    outcome = result.outcome
    record_counts(outcome, events, profile_id)
    if not outcome.changed:
        return outcome
    reason = QuarantineReason.sensitive if outcome.sensitive else QuarantineReason.could_not_check
    entry = quarantine.add(path, reason=reason, surface=Surface.contacts, profile_id=profile_id)
    ids = (*outcome.quarantine_ids, entry.id)
    outcome = replace(outcome, quarantine_ids=ids, original_quarantine_id=entry.id)
    if entry.sha256 != hashlib.sha256(data).hexdigest():
        return outcome  # it changed after it was read: the new content stays in quarantine
    try:
        _write_in_its_folder(path, result.data)
    except (StorageError, QuarantineError, OSError) as exc:
        raise ContactsError(
            "The checked copy could not be saved; the original file is safe in quarantine."
        ) from exc
    return replace(outcome, sanitised_path=path)


def _write_in_its_folder(path: Path, data: bytes) -> None:
    """The sanitised copy, written into the folder the original was in (never through a
    folder swapped for a symlink since), its owner's when root writes it."""
    with open_folder(path.parent) as where:
        atomic_write_bytes(where / path.name, data)
        owner = owner_if_root(where)
        if owner is not None:
            os.chown(where / path.name, *owner, follow_symlinks=False)
