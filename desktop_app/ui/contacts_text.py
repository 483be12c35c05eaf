"""What the contacts view says after an import, in plain words (counts, never names)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.core.storage import StorageError
from desktop_app.surfaces.contacts import ContactsError, ContactsOutcome
from desktop_app.surfaces.quarantine import QuarantineError

CONTEXT = "ContactsView"
# (one, many): marked here so lupdate finds them, translated when shown.
IMPORTED = (
    QT_TRANSLATE_NOOP("ContactsView", "{0} contact imported."),
    QT_TRANSLATE_NOOP("ContactsView", "{0} contacts imported."),
)
HIDDEN = (
    QT_TRANSLATE_NOOP("ContactsView", "{0} photo was hidden."),
    QT_TRANSLATE_NOOP("ContactsView", "{0} photos were hidden."),
)
LINKS = (
    QT_TRANSLATE_NOOP(
        "ContactsView", "{0} photo link was removed (SafeLens never downloads pictures)."
    ),
    QT_TRANSLATE_NOOP(
        "ContactsView", "{0} photo links were removed (SafeLens never downloads pictures)."
    ),
)
BROKEN = (
    QT_TRANSLATE_NOOP("ContactsView", "{0} card could not be read."),
    QT_TRANSLATE_NOOP("ContactsView", "{0} cards could not be read."),
)


def _count(n: int, forms: tuple[object, object]) -> str:
    source = str(forms[0] if n == 1 else forms[1])
    return QCoreApplication.translate(CONTEXT, source).format(n)


def import_summary(outcome: ContactsOutcome) -> str:
    """e.g. '3 contacts imported. 1 photo was hidden. 1 card could not be read.'"""
    read = sum(c.error is None for c in outcome.contacts)
    broken = len(outcome.contacts) - read
    parts = [_count(read, IMPORTED)]
    for n, forms in ((outcome.replaced, HIDDEN), (outcome.remote_removed, LINKS), (broken, BROKEN)):
        if n:
            parts.append(_count(n, forms))
    return " ".join(parts)


def failure_text(error: BaseException) -> str:
    """A reason a person can act on; never a traceback."""
    if isinstance(error, ContactsError | StorageError | QuarantineError):
        text = QCoreApplication.translate("ContactsView", "The contacts were not imported: {0}")
        return text.format(error)
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "ContactsView", "The contacts were not imported: the file could not be read."
        )
    return QCoreApplication.translate(
        "ContactsView", "The contacts were not imported because something went wrong in SafeLens."
    )
