"""How this session is protected: by the service (machine mode), or on its own.

Decided from the service's socket and the account database only, never from environment
variables. A service that is installed but silent fails closed: a child's (non-admin)
account gets the strictest rules and is told plainly; an administrator runs on their own,
with the warning.
"""

from __future__ import annotations

import os
import pwd
from dataclasses import dataclass

from .accounts import is_account_administrator
from .client import ServiceClient, ServiceUnavailable
from .machine_session import (
    ServiceApprovals,
    ServiceCounts,
    ServicePin,
    SessionPolicy,
    ask_policy,
    strictest_policy,
)
from .mode import Mode, RunningMode, ServiceState


@dataclass(frozen=True)
class MachineSession:
    """The session's parts when the service protects it (or should, and is silent)."""

    client: ServiceClient
    policy: SessionPolicy
    pin: ServicePin
    approvals: ServiceApprovals
    counts: ServiceCounts
    silent: bool = False  # the service did not answer: strictest rules, and the tray says so


@dataclass(frozen=True)
class Asker:
    """This session's account, from the kernel's uid and the account database."""

    name: str
    is_admin: bool

    @classmethod
    def current(cls) -> Asker:
        uid, gid = os.getuid(), os.getgid()
        try:
            name: str | None = pwd.getpwuid(uid).pw_name
        except KeyError:
            name = None
        return cls(name or f"uid-{uid}", is_account_administrator(uid, name, gid))


def machine_session(mode: RunningMode, asker: Asker) -> MachineSession | None:
    """The service's parts for this session; None for single-account mode (as today)."""
    client = ServiceClient(mode.socket)
    if mode.mode is Mode.MACHINE:
        try:
            policy = ask_policy(client)
        except ServiceUnavailable:
            return None if asker.is_admin else _silent(client, asker)
        pin = ServicePin(client)
        counts = ServiceCounts(client, policy.recent_encounters)
        return MachineSession(client, policy, pin, ServiceApprovals(client, pin), counts)
    if mode.service is ServiceState.SILENT and not asker.is_admin:
        return _silent(client, asker)
    return None


def _silent(client: ServiceClient, asker: Asker) -> MachineSession:
    policy = SessionPolicy(strictest_policy(asker.name), key=None)
    pin = ServicePin(client)
    counts = ServiceCounts(client)
    return MachineSession(client, policy, pin, ServiceApprovals(client, pin), counts, silent=True)
