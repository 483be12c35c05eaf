"""The service's watch over every protected account, plugged into ``run_service``.

One background-priority analyzer checks the share folders of every protected account (a
child's profile, or a person's account a lab rule or the damaged-settings failsafe
protects), whether or not that child is logged in; the watch follows the guardian's
settings, the school's policy and the account database (read again when their files
change) and keeps its indexes in the service's own folder.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator

from desktop_app.analysis.analyzer import SensitivityAnalyzer
from desktop_app.surfaces.watch_timing import WatchTiming

from .accounts import ProtectedAccount
from .daemon import AnalyzerOptions, PutAsideNotice
from .stores import SERVICE_USER, ServiceStores
from .watching import MachineWatch

log = logging.getLogger(__name__)
SETTINGS_LOOK_S = 2.0


@contextlib.contextmanager
def watch_every_account(
    stores: ServiceStores, options: AnalyzerOptions, on_put_aside: PutAsideNotice | None = None
) -> Iterator[MachineWatch]:
    """Watch while the context is open; stop every watch and the analyzer after.

    ``on_put_aside`` hears the profile key of each file put aside (the agents' notices)."""
    tell = on_put_aside
    machine = stores.policy_for(SERVICE_USER)
    test_pattern = (
        bool(machine["test_pattern"]) if options.test_pattern is None else options.test_pattern
    )
    with SensitivityAnalyzer(
        machine["strictness"],
        test_pattern=test_pattern,
        workers=options.workers,
        background=True,
    ) as analyzer:
        watch = MachineWatch(
            analyzer,
            stores.quarantine,
            accounts=lambda: _accounts(stores),
            index_folder=stores.paths.watching,
            counts=stores.events,
            approvals=stores.approvals,
            on_put_aside=None if tell is None else lambda _account, entry: tell(entry.profile_id),
            timing=WatchTiming().with_policy(machine),  # read at start, as the strictness
        )
        done = threading.Event()
        follower = threading.Thread(
            target=_follow_settings, args=(stores, watch, done), name="settings-follower"
        )
        watch.start()
        follower.start()
        log.info("service: watching %d protected account(s)", len(watch.outcomes()))
        try:
            yield watch
        finally:
            done.set()
            follower.join()
            watch.stop()


def _accounts(stores: ServiceStores) -> list[ProtectedAccount]:
    return list(stores.protected_accounts().accounts)


def _follow_settings(stores: ServiceStores, watch: MachineWatch, done: threading.Event) -> None:
    """A profile added, removed or changed by the guardian, a school's lab rule, a new or
    removed account: watched (or no longer) within seconds."""
    seen = stores.protection_stamp()
    while not done.wait(SETTINGS_LOOK_S):
        now = stores.protection_stamp()
        if now != seen:
            seen = now
            watch.reload()
