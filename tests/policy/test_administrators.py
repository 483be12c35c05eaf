"""Who administers this computer: one rule for the app, the CLI and the service."""

from __future__ import annotations

import grp
import os
import pwd

import pytest

from desktop_app.policy.profiles import (
    ADMIN_GROUPS,
    account_groups,
    current_os_user,
    is_administrator,
)


@pytest.mark.parametrize(
    ("uid", "groups", "admin"),
    [
        (0, (), True),  # root, whatever its groups
        (1000, ("sudo",), True),
        (1000, ("users", "wheel"), True),
        (1000, ("admin",), True),
        (1000, ("users", "audio", "adm"), False),  # adm reads logs; it does not administer
        (1000, (), False),
    ],
)
def test_root_and_the_administrators_groups_administer(
    uid: int, groups: tuple[str, ...], admin: bool
) -> None:
    assert is_administrator(uid, groups) is admin


def test_the_groups_come_from_the_account_database() -> None:
    root = pwd.getpwnam("root")
    assert grp.getgrgid(root.pw_gid).gr_name in account_groups("root", root.pw_gid)


def test_a_group_without_a_name_is_no_administrators_group() -> None:
    unnamed = 54_321
    with pytest.raises(KeyError):
        grp.getgrgid(unnamed)
    assert account_groups("root", unnamed) & ADMIN_GROUPS == frozenset()


def test_this_process_is_judged_by_the_same_rule() -> None:
    me = pwd.getpwuid(os.geteuid())
    expected = is_administrator(os.geteuid(), account_groups(me.pw_name, os.getegid()))
    assert current_os_user().is_admin is expected
