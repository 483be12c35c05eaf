"""The computer accounts the first-run wizard offers; what it saves is service/first_setup.py."""

from __future__ import annotations

import sys

from desktop_app.service.first_setup import ChildEntry, SetupPlan, apply_setup

FIRST_USER_UID = 1000
NO_LOGIN_SHELLS = ("nologin", "false", "sync", "shutdown", "halt")
__all__ = ["ChildEntry", "SetupPlan", "apply_setup", "machine_accounts"]


def machine_accounts() -> list[str]:
    """People's login accounts on this computer (POSIX); empty where they cannot be listed."""
    if sys.platform.startswith("win"):
        return []
    import pwd

    accounts = {
        entry.pw_name
        for entry in pwd.getpwall()
        if FIRST_USER_UID <= entry.pw_uid < 65534
        and entry.pw_shell
        and not entry.pw_shell.rstrip("/").endswith(NO_LOGIN_SHELLS)
    }
    return sorted(accounts)
