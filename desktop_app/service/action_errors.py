"""The guardian actions' own refusals, and one short code for every refusal they raise.

The console and the CLI turn these into plain words; the service answers a session with
``error_code(exc)`` (``{"ok": false, "error": "<code>"}``) and the message, never a path.
"""

from __future__ import annotations

from desktop_app.core.storage import StorageError
from desktop_app.policy.editor import SettingLocked
from desktop_app.policy.guardian import (
    GuardianError,
    PinRejected,
    PinUnavailable,
    TryAgainLater,
    WrongPin,
)
from desktop_app.policy.profiles import ProfileError
from desktop_app.policy.settings import InvalidValue
from desktop_app.surfaces.quarantine import EntryNotFound, IntegrityError, QuarantineError


class NotProven(GuardianError):  # noqa: N818 - says what the guardian hears
    """The action needs the guardian, and no proof this GuardianActions made was given."""


class PinsDiffer(GuardianError):  # noqa: N818 - says what the guardian hears
    """The new PIN and its repetition are not the same."""


class UnknownProfile(ProfileError):  # noqa: N818 - says what the guardian hears
    """An approval was asked for a profile this computer does not have."""


class QuarantineUnavailable(QuarantineError):  # noqa: N818 - says what the guardian hears
    """The quarantine folder could not be opened."""


class FolderNotWritable(QuarantineError):  # noqa: N818 - says what the guardian hears
    """The file cannot be put into the chosen folder; it stays in quarantine."""


class DiskFull(StorageError):  # noqa: N818 - says what the guardian hears
    """The disk is full: nothing was moved, nothing was changed."""


# Most specific first: the first match names the refusal.
ERROR_CODES: tuple[tuple[type[Exception], str], ...] = (
    (WrongPin, "wrong_pin"),
    (TryAgainLater, "throttled"),
    (PinUnavailable, "pin_unavailable"),
    (PinRejected, "pin_rejected"),
    (PinsDiffer, "pins_differ"),
    (NotProven, "not_proven"),
    (EntryNotFound, "entry_gone"),
    (IntegrityError, "entry_damaged"),
    (FolderNotWritable, "folder_not_writable"),
    (QuarantineUnavailable, "quarantine_unavailable"),
    (DiskFull, "disk_full"),
    (SettingLocked, "setting_locked"),
    (InvalidValue, "invalid_value"),
    (UnknownProfile, "unknown_profile"),
    (ProfileError, "invalid_profile"),
    (QuarantineError, "quarantine_error"),
    (StorageError, "storage_error"),
    (GuardianError, "guardian_error"),
)
# Everything a guardian action may refuse with (anything else is a bug).
ACTION_ERRORS: tuple[type[Exception], ...] = tuple(kind for kind, _code in ERROR_CODES)


def error_code(exc: BaseException) -> str | None:
    """The short code for a refusal; None for anything that is not one (a bug)."""
    return next((code for kind, code in ERROR_CODES if isinstance(exc, kind)), None)
