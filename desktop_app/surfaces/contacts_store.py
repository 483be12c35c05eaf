"""The contacts view's store: sanitised copies of imported vCard files, nothing else.

An import never touches the file the person chose; its sanitised copy is written
atomically into a private folder (``data_dir()/contacts``), named by its own SHA-256
so importing the same file twice keeps one copy. Pictures read back from the store
are handed out as bytes only: the view has them checked again before showing them.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.analysis.carriers import vcard_text as vcard
from desktop_app.core.sinks import CountRecorder
from desktop_app.core.storage import atomic_write_bytes, data_dir
from desktop_app.surfaces.contacts import (
    MAX_VCARD_BYTES,
    ContactsError,
    ContactsOutcome,
    read_vcard_file,
    record_counts,
    sanitise_vcard_bytes,
)

if TYPE_CHECKING:
    from desktop_app.analysis.analyzer import SensitivityAnalyzer
    from desktop_app.surfaces.quarantine import Quarantine

FILE_MODE = 0o600


@dataclass(frozen=True)
class StoredContact:
    """One contact of the store, for the view; ``photo`` still has to be checked to be shown."""

    key: str  # "<stored file>:<card number>", stable across restarts
    name: str
    photo: bytes | None
    photo_hidden: bool  # SafeLens put the neutral avatar in place of the picture


def _read_limited(path: Path) -> bytes:
    data = read_vcard_file(path)
    if len(data) > MAX_VCARD_BYTES:
        raise ContactsError("This contacts file is too large to check.")
    return data


def _shown_picture(card: vcard.Card) -> vcard.Picture | None:
    """The picture a contacts list shows: the first PHOTO, else the first LOGO."""
    for wanted in ("PHOTO", "LOGO"):
        for pic in card.pictures:
            if pic.name == wanted and pic.kind is not vcard.PayloadKind.remote:
                return pic
    return None


class ContactsStore:
    """Imported contacts, kept as sanitised vCard files in a private folder."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else data_dir() / "contacts"

    def import_file(
        self,
        path: Path,
        analyzer: SensitivityAnalyzer,
        quarantine: Quarantine | None,
        *,
        fail_closed: bool,
        profile_id: str | None = None,
        events: CountRecorder | None = None,
    ) -> ContactsOutcome:
        """Check a chosen .vcf and keep its sanitised copy; raises ContactsError."""
        data = read_vcard_file(path)  # sanitise_vcard_bytes refuses a too-large file
        result = sanitise_vcard_bytes(
            data,
            analyzer,
            quarantine,
            fail_closed=fail_closed,
            source=str(path),
            profile_id=profile_id,
            interactive=True,
        )
        record_counts(result.outcome, events, profile_id)
        if not any(c.error is None for c in result.outcome.contacts):
            raise ContactsError("None of the contact cards in this file could be read.")
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.root, 0o700)
        stored = self.root / f"{hashlib.sha256(result.data).hexdigest()[:24]}.vcf"
        atomic_write_bytes(stored, result.data, FILE_MODE)
        return replace(result.outcome, sanitised_path=stored)

    def files(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.glob("*.vcf") if p.is_file() and not p.is_symlink())

    def contacts(self) -> list[StoredContact]:
        """Every readable contact of every stored file, sorted by name (unnamed last)."""
        found: list[StoredContact] = []
        for path in self.files():
            try:
                text = _read_limited(path).decode("utf-8", "surrogateescape")
            except ContactsError:
                continue
            for card in vcard.parse_cards(text):
                if card.error is not None:
                    continue
                pic = _shown_picture(card)
                photo = (
                    pic.data if pic is not None and pic.kind is vcard.PayloadKind.inline else None
                )
                hidden = pic is not None and (pic.marked_replaced or photo is None)
                name = card.name.encode("utf-8", "replace").decode("utf-8")
                found.append(StoredContact(f"{path.stem}:{card.number}", name, photo, hidden))
        return sorted(found, key=lambda c: (not c.name, c.name.casefold(), c.key))
