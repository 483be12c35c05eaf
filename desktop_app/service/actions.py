"""What a guardian may do, in one place, so every door does it the same way.

The console, the arrival window, the `safelens quarantine` command and the service's
request handlers all call ``GuardianActions``: "approve, then restore" remembers the
approval for those bytes before the file goes back, so a file restored into a watched
share folder is not put aside again on the next pass.

Every action that turns protection down takes a ``GuardianProof``. Only a
``GuardianActions`` makes one, and it accepts only its own: from a PIN it has just checked
(``prove``), for a caller that knows from the operating system that the user is an
administrator (``prove_administrator``), or while no PIN exists yet (``prove_before_setup``).
Inside one process that is a discipline (no action runs without a named check first, and
the console need not keep the PIN in memory), not a wall: the wall is the service's
process, where a session's PIN is checked by the service and who asks comes from the kernel.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeVar

from desktop_app.core.storage import StorageError
from desktop_app.policy.approvals import Approval, Approvals
from desktop_app.policy.editor import GuardianSettings
from desktop_app.policy.guardian import (
    MISSING_MESSAGE,
    NOT_SET_MESSAGE,
    GuardianError,
    GuardianPin,
    PinUnavailable,
    WrongPin,
    check_pin_rules,
)
from desktop_app.policy.profiles import Profile, ProfileError
from desktop_app.policy.settings import check as check_setting
from desktop_app.safety.events import EventCounts
from desktop_app.surfaces.quarantine import (
    Quarantine,
    QuarantineEntry,
    QuarantineError,
    QuarantineFull,
)
from desktop_app.surfaces.quarantine_entry import is_full

from .action_errors import (
    DiskFull,
    FolderNotWritable,
    NotProven,
    PinsDiffer,
    QuarantineUnavailable,
    UnknownProfile,
)
from .first_setup import SetupPlan, apply_setup

ProofKind = Literal["pin", "administrator", "before_setup"]
NOT_WRITABLE_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
R = TypeVar("R")


@dataclass(frozen=True)
class GuardianProof:
    """That a guardian is present, made by ``GuardianActions`` after its check (never by hand)."""

    how: ProofKind
    token: str = field(repr=False)


class GuardianActions:
    """Approve and restore, restore to…, delete for good, change the PIN, change a setting,
    approve a file — over the stores it is given (it never finds one itself)."""

    def __init__(
        self,
        pin: GuardianPin,
        approvals: Approvals,
        quarantine: Quarantine | None,
        settings: GuardianSettings,
        events: EventCounts | None = None,
    ) -> None:
        self.pin, self.approvals, self.quarantine = pin, approvals, quarantine
        self.settings, self.events = settings, events
        self._issued: set[str] = set()
        self._lock = threading.Lock()

    # --- proofs -----------------------------------------------------------------------------

    def prove(self, pin: str) -> GuardianProof:
        """Check the PIN (throttled by GuardianPin): WrongPin, TryAgainLater or PinUnavailable."""
        if not self.pin.verify(pin):
            raise WrongPin("That PIN is not right.")
        return self._issue("pin")

    def prove_administrator(self) -> GuardianProof:
        """For a caller that knows from the OS (euid 0, a peer uid from the kernel) who asks."""
        return self._issue("administrator")

    def prove_before_setup(self) -> GuardianProof:
        """Before any PIN was set there is nothing to check; a vanished PIN is not 'not set'."""
        status = self.pin.status()
        if status == "missing":
            raise PinUnavailable(status, MISSING_MESSAGE)
        if status == "set":
            raise NotProven("A guardian PIN is set: this needs it.")
        return self._issue("before_setup")

    def forget(self, proof: GuardianProof) -> None:
        """The window that held it closed: the proof is no longer accepted."""
        with self._lock:
            self._issued.discard(proof.token)

    def _issue(self, how: ProofKind) -> GuardianProof:
        proof = GuardianProof(how, secrets.token_hex(16))
        with self._lock:
            self._issued.add(proof.token)
        return proof

    def _require(self, proof: GuardianProof) -> None:
        with self._lock:
            known = isinstance(proof, GuardianProof) and proof.token in self._issued
        if not known:
            raise NotProven("This needs the guardian's PIN.")

    # --- the quarantine ---------------------------------------------------------------------

    def restore(self, entry_id: str, proof: GuardianProof, *, to: Path | None = None) -> Path:
        """Approve the bytes for their child (no child recorded: every child), then put the
        file back — where it came from, or into folder ``to``; never over another file.

        On any failure the file stays in quarantine and the approvals just added are
        taken back. Raises EntryNotFound (gone), FolderNotWritable, DiskFull, QuarantineError.
        """
        self._require(proof)
        quarantine = self._quarantine()
        entry = quarantine.get(entry_id)
        folder = to if to is not None else _original_folder(entry)
        if folder is not None:
            _check_writable(folder)
        added = self._approve_entry(entry)
        try:
            return quarantine.restore(entry_id, to=to)
        except Exception as exc:
            self._take_back(entry.sha256, added)
            _raise_plain(exc)

    def delete(self, entry_id: str, proof: GuardianProof) -> None:
        """Delete a quarantined file for good (the guardian confirmed)."""
        self._require(proof)
        try:
            self._quarantine().delete(entry_id)
        except (QuarantineError, OSError, StorageError) as exc:
            _raise_plain(exc)

    def entries(self) -> list[QuarantineEntry]:
        """What waits in quarantine, oldest first (listing turns nothing down: no proof)."""
        return self._quarantine().entries()

    def _quarantine(self) -> Quarantine:
        if self.quarantine is None:
            raise QuarantineUnavailable(
                "SafeLens couldn't open its quarantine folder, so hidden files can't be "
                "restored or deleted here."
            )
        return self.quarantine

    def _approve_entry(self, entry: QuarantineEntry) -> tuple[str, ...]:
        """Remember the content for its child (or every child); the profiles newly approved."""
        if entry.profile_id is not None:
            profiles = [entry.profile_id]
        else:
            profiles = [row.profile.id for row in self.settings.profiles() if row.band.is_child]
        added: list[str] = []
        try:
            for profile_id in profiles:
                if not self.approvals.is_approved(entry.sha256, profile_id):
                    self.approvals.remember(entry.sha256, profile_id)
                    added.append(profile_id)
        except (StorageError, OSError) as exc:
            self._take_back(entry.sha256, tuple(added))
            _raise_plain(exc)
        return tuple(added)

    def _take_back(self, sha256: str, profiles: tuple[str, ...]) -> None:
        for profile_id in profiles:
            with contextlib.suppress(StorageError, OSError, ValueError):  # it stays hidden anyway
                self.approvals.revoke(sha256, profile_id)

    # --- approvals, the PIN, settings -------------------------------------------------------

    def approve(self, sha256: str, profile_id: str, proof: GuardianProof) -> Approval:
        """Remember that this child may open these exact bytes (a known profile only)."""
        self._require(proof)
        if profile_id not in {row.profile.id for row in self.settings.profiles()}:
            raise UnknownProfile("No child on this computer has that profile.")
        try:
            return self.approvals.remember(sha256, profile_id)
        except StorageError as exc:
            _raise_plain(exc)

    def change_pin(self, old_pin: str, new_pin: str, repeated: str | None = None) -> None:
        """The old PIN is the proof (checked and throttled like any other try).

        The new one is checked against the rules first, so a too-easy new PIN costs no try.
        Raises PinsDiffer, PinRejected, PinUnavailable, WrongPin, TryAgainLater, DiskFull.
        """
        if repeated is not None and repeated != new_pin:
            raise PinsDiffer("The two new PINs are not the same.")
        check_pin_rules(new_pin)
        status = self.pin.status()
        if status != "set":
            message = MISSING_MESSAGE if status == "missing" else NOT_SET_MESSAGE
            raise PinUnavailable(status, message)
        try:
            self.pin.set_pin(new_pin, old_pin=old_pin)
        except StorageError as exc:
            _raise_plain(exc)

    def change_setting(self, key: str, value: Any, proof: GuardianProof) -> None:
        """Through the settings editor: SettingLocked (managed policy), InvalidValue, DiskFull."""
        self._require(proof)
        try:
            self.settings.set_value(key, value)
        except StorageError as exc:
            _raise_plain(exc)

    def reset_setting(self, key: str, proof: GuardianProof) -> None:
        """Back to the default (refused for a value a managed policy sets)."""
        self._require(proof)
        try:
            self.settings.reset_value(key)
        except StorageError as exc:
            _raise_plain(exc)

    def revoke(self, sha256: str, profile_id: str, proof: GuardianProof) -> None:
        """Forget an approval (turns protection back up; the console asks for it)."""
        self._require(proof)
        self._saved(self.approvals.revoke, sha256, profile_id)

    # --- profiles and the first setup -------------------------------------------------------

    def add_profile(
        self, name: str, os_user: str, birth_year: int | None, proof: GuardianProof
    ) -> Profile:
        self._require(proof)
        return self._saved(self.settings.add_profile, name, os_user, birth_year)

    def remove_profile(self, profile_id: str, proof: GuardianProof) -> None:
        self._require(proof)
        self._saved(self.settings.remove_profile, profile_id)

    def confirm_reviewed(self, proof: GuardianProof) -> None:
        """The guardian has looked at the settings' problems (see GuardianSettings)."""
        self._require(proof)
        self._saved(self.settings.confirm_reviewed)

    def set_up(self, plan: SetupPlan, proof: GuardianProof) -> None:
        """The first run: profiles, trusted adults, then the PIN — only before any PIN."""
        self._require(proof)
        if proof.how != "before_setup":
            raise NotProven("The setup runs only before a guardian PIN is set.")
        check_pin_rules(plan.pin)  # before anything is saved
        check_setting("trusted_adults", [dict(person) for person in plan.trusted_adults])
        self._saved(apply_setup, plan, self.settings, self.pin)

    def _saved(self, change: Callable[..., R], *args: Any) -> R:
        try:
            return change(*args)
        except StorageError as exc:
            _raise_plain(exc)


def _original_folder(entry: QuarantineEntry) -> Path | None:
    return Path(entry.original_path).parent if os.path.isabs(entry.original_path) else None


def _check_writable(folder: Path) -> None:
    """Refuse before anything changes when the file could not be put there."""
    existing = Path(os.path.abspath(folder))
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.is_dir() and not os.access(existing, os.W_OK | os.X_OK):
        raise FolderNotWritable(
            "SafeLens may not put files in that folder. The file is still in quarantine."
        )


def _raise_plain(exc: Exception) -> NoReturn:
    """Raise the specific error a guardian (or a service client) is told."""
    cause = exc.__cause__ if isinstance(exc, QuarantineError | StorageError) else exc
    if isinstance(exc, QuarantineFull) or is_full(exc) or (cause is not None and is_full(cause)):
        raise DiskFull(
            "The disk is full, so nothing was moved. Free some space and try again."
        ) from exc
    if isinstance(cause, OSError) and cause.errno in NOT_WRITABLE_ERRNOS:
        raise FolderNotWritable(
            "SafeLens may not put files in that folder. The file is still in quarantine."
        ) from exc
    if isinstance(exc, OSError):
        raise QuarantineError(f"The quarantine could not finish ({exc.strerror}).") from exc
    raise exc


__all__ = [
    "DiskFull",
    "FolderNotWritable",
    "GuardianActions",
    "GuardianError",
    "GuardianProof",
    "NotProven",
    "PinsDiffer",
    "ProfileError",
    "QuarantineUnavailable",
    "UnknownProfile",
]
