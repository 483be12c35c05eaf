"""The words every floor shares for what happened and where: event kinds, surfaces, opaque ids.

They live on the ground floor so that surfaces, safety and the UI count the same things
without one of them importing another, and so no floor spells the values again as strings.
"""

from __future__ import annotations

import re
from enum import StrEnum

_OPAQUE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class EventKind(StrEnum):
    """What happened (a count of it is all that is kept)."""

    sensitive = "sensitive"
    could_not_check = "could_not_check"
    viewed_after_warning = "viewed_after_warning"
    help_opened = "help_opened"
    tamper = "tamper"
    guardian_notice = "guardian_notice"


class Surface(StrEnum):
    """Where it happened; ``agent`` is the background agent itself (tamper, heartbeat)."""

    file_picker = "file_picker"
    share_folders = "share_folders"
    contacts = "contacts"
    viewer = "viewer"
    agent = "agent"


def is_opaque_id(value: str) -> bool:
    """True only for ids with no room for a path, a file name or a full name."""
    return _OPAQUE_ID.fullmatch(value) is not None
