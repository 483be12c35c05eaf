"""What the contacts view says after an import, in plain words (counts, never names)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.policy.storage import StorageError
from desktop_app.surfaces.contacts import ContactsError, ContactsOutcome
from desktop_app.surfaces.quarantine import QuarantineError


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactsView", text)


def _count(n: int, one: str, many: str) -> str:
    return (_tr(one) if n == 1 else _tr(many)).format(n)


def import_summary(outcome: ContactsOutcome) -> str:
    """e.g. '3 contacts imported. 1 photo was hidden. 1 card could not be read.'"""
    read = sum(c.error is None for c in outcome.contacts)
    parts = [_count(read, "{0} contact imported.", "{0} contacts imported.")]
    if outcome.replaced:
        parts.append(_count(outcome.replaced, "{0} photo was hidden.", "{0} photos were hidden."))
    if outcome.remote_removed:
        parts.append(
            _count(
                outcome.remote_removed,
                "{0} photo link was removed (SafeLens never downloads pictures).",
                "{0} photo links were removed (SafeLens never downloads pictures).",
            )
        )
    broken = sum(c.error is not None for c in outcome.contacts)
    if broken:
        parts.append(_count(broken, "{0} card could not be read.", "{0} cards could not be read."))
    return " ".join(parts)


def failure_text(error: BaseException) -> str:
    """A reason a person can act on; never a traceback."""
    if isinstance(error, ContactsError | StorageError | QuarantineError):
        return _tr("The contacts were not imported: {0}").format(error)
    if isinstance(error, OSError):
        return _tr("The contacts were not imported: the file could not be read.")
    return _tr("The contacts were not imported because something went wrong in SafeLens.")
