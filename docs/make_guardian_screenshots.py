"""Render the guardian's windows offscreen into docs/screenshots/guardian-*.png.

Run: .venv/bin/python docs/make_guardian_screenshots.py

Everything happens in a throw-away SAFELENS_HOME with an in-memory keyring, so the
machine's real settings, PIN and keyring are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SAFELENS_HOME"] = tempfile.mkdtemp(prefix="safelens-shots-")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

OUT = Path(__file__).with_name("screenshots")
WRONG = "111111"


def wait_until(condition: Callable[[], object], timeout_ms: int = 10_000) -> None:
    """Let the event loop run (in 20 ms slices) until the condition holds."""
    from PySide6.QtTest import QTest

    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the window did not get ready")
        QTest.qWait(20)
        waited += 20


def save(widget: object, name: str) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(50)  # let layouts settle and pending paints happen
    path = OUT / f"guardian-{name}.png"
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    print("wrote", path.relative_to(OUT.parent.parent))


def new_home() -> None:
    os.environ["SAFELENS_HOME"] = tempfile.mkdtemp(prefix="safelens-shots-")


def wizard_shots() -> None:
    from PySide6.QtWidgets import QWizard

    from desktop_app.ui.guardian import SetupWizard
    from desktop_app.ui.guardian.controls import TrustedAdultsControl
    from tests.helpers.guardian import PIN, make_services
    from tests.helpers.keyring import MemoryKeyring

    new_home()
    services = make_services(MemoryKeyring())
    wizard = SetupWizard(services)
    wizard.show()
    save(wizard, "wizard-1-welcome")
    wizard.next()
    wizard.pin_page.first.setText("12345")
    wizard.pin_page.second.setText("12345")
    wizard.next()  # refused: the rule is shown inline
    save(wizard, "wizard-2-pin")
    wizard.pin_page.first.setText(PIN)
    wizard.pin_page.second.setText(PIN)
    wizard.next()
    year = datetime.now(UTC).year
    children = wizard.children_page
    children.set_accounts(["leo", "maya", "sam"])
    for name, account, born in (("Maya", "maya", year - 9), ("Leo", "leo", year - 14)):
        children.form.name.setText(name)
        children.form.account.setCurrentText(account)
        children.form.birth_year.setValue(born)
        children.form.add_button.click()
    children.form.name.setText("Sam")
    children.form.account.setCurrentText("sam")
    children.form.birth_year.setValue(year - 6)
    save(wizard, "wizard-3-children")
    children.form.add_button.click()
    wizard.next()
    control = wizard.adults_page.editor.control
    assert isinstance(control, TrustedAdultsControl)
    control.name.setText("Grandma Rose")
    control.email.setText("rose@example.org")
    control.add_button.click()
    control.name.setText("Coach Amir")
    control.phone.setText("call me")
    control.add_button.click()  # refused: shown inline
    save(wizard, "wizard-4-trusted-adults")
    control.phone.setText("+44 20 7946 0000")
    control.add_button.click()
    wizard.next()
    save(wizard, "wizard-5-review")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    wait_until(lambda: wizard.currentPage() is wizard.done_page)
    save(wizard, "wizard-6-done")
    wizard.close()


def pin_shots() -> None:
    from desktop_app.ui.guardian import PinDialog
    from tests.helpers.guardian import PIN, make_services
    from tests.helpers.keyring import MemoryKeyring

    new_home()
    services = make_services(MemoryKeyring())
    services.pin.set_pin(PIN)
    dialog = PinDialog(services.pin)
    dialog.show()
    wait_until(lambda: not dialog.checking)
    dialog.entry.setText("9182")
    save(dialog, "pin")
    dialog.entry.setText(WRONG)
    dialog.accept()
    wait_until(lambda: not dialog.checking)
    save(dialog, "pin-wrong")
    dialog.close()
    while services.pin.delay_remaining() == 0:  # one wrong try is already counted
        services.pin.verify(WRONG)
    locked = PinDialog(services.pin)
    locked.show()
    wait_until(lambda: not locked.checking)
    save(locked, "pin-lockout")
    locked.close()


def family_services() -> object:
    """A family PC: three children, trusted adults, approvals and two weeks of counts."""
    import hashlib

    from desktop_app.core.vocabulary import EventKind, Surface
    from desktop_app.safety.events import EventCounts
    from tests.helpers.guardian import PIN, FakeClock, make_services
    from tests.helpers.keyring import MemoryKeyring

    new_home()
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0) - timedelta(days=13))
    events = EventCounts(clock=clock)
    services = make_services(MemoryKeyring(), clock=clock, events=events)
    services.pin.set_pin(PIN)
    year = datetime.now(UTC).year
    editor = services.settings
    maya = editor.add_profile("Maya", "maya", year - 9)
    leo = editor.add_profile("Leo", "leo", year - 14)
    editor.add_profile("Sam", "sam", year - 6)
    editor.add_profile("Alex (parent)", "alex", None)
    editor.set_value(
        "trusted_adults",
        [
            {"name": "Grandma Rose", "email": "rose@example.org"},
            {"name": "Coach Amir", "phone": "+44 20 7946 0000"},
        ],
    )
    editor.set_value("share_folders.outgoing", [str(Path.home() / "Public")])
    editor.set_value("surfaces.contacts", False)
    for seed, profile in ((b"a", maya.id), (b"b", leo.id), (b"c", maya.id)):
        services.approvals.remember(hashlib.sha256(seed).hexdigest(), profile)
    pattern = [
        (0, 1, 0, 0),
        (2, 0, 0, 0),
        (0, 0, 0, 0),
        (1, 3, 1, 0),
        (0, 1, 0, 0),
        (0, 0, 0, 0),
        (0, 2, 0, 1),
        (3, 4, 0, 0),
        (0, 0, 0, 0),
        (1, 0, 0, 0),
        (0, 2, 1, 0),
        (0, 0, 0, 0),
        (2, 1, 0, 1),
        (0, 1, 0, 0),
    ]
    surfaces = (Surface.file_picker, Surface.share_folders, Surface.contacts, Surface.viewer)
    for day, counts in enumerate(pattern):
        for surface, count in zip(surfaces, counts, strict=True):
            if count:
                who = maya.id if (day + count) % 2 else leo.id
                events.record(who, surface, EventKind.sensitive, count)
        if day < len(pattern) - 1:
            clock.advance(days=1)
    return services


def with_quarantine(services: object) -> object:
    """Four files hidden from the family's children (plain bytes: nothing here is a picture)."""
    import dataclasses

    from desktop_app.core.storage import data_dir
    from desktop_app.surfaces.quarantine import Quarantine

    quarantine = Quarantine(data_dir() / "quarantine")
    ids = {row.profile.name: row.profile.id for row in services.settings.profiles()}  # type: ignore[attr-defined]
    downloads = Path(tempfile.mkdtemp(prefix="safelens-shots-")) / "Downloads"
    public = downloads.parent / "Public"
    for folder in (downloads, public):
        folder.mkdir()
    hidden = [
        (downloads / "IMG_2041.jpg", "sensitive", "share_folders", ids["Maya"]),
        (public / "party clip.mp4", "could_not_check", "share_folders.outgoing", ids["Leo"]),
        (downloads / "holiday-beach.png", "sensitive", "file_picker", None),
    ]
    for index, (path, reason, surface, who) in enumerate(hidden):
        path.write_bytes(bytes([index]) * (48_000 * (index + 1)))
        quarantine.add(path, reason=reason, surface=surface, profile_id=who)
    quarantine.add_bytes(
        b"\0" * 9_000,
        original_path=str(downloads / "Coach Amir.vcf#card 1 PHOTO"),
        reason="sensitive",
        surface="contacts",
        profile_id=ids["Maya"],
    )
    (downloads / "IMG_2041.jpg").write_bytes(b"another file since")  # restore picks a new name
    return dataclasses.replace(services, quarantine=quarantine)  # type: ignore[type-var]


def console_shots() -> None:
    from desktop_app.ui.guardian import GuardianConsole
    from desktop_app.ui.guardian.sessions import LocalSession

    services = with_quarantine(family_services())
    proof = services.actions.prove_administrator()  # type: ignore[attr-defined]
    console = GuardianConsole(LocalSession(services, proof))  # type: ignore[arg-type]
    console.show()
    wait_until(lambda: bool(console.pages) and console.work.pending == 0)
    names = {
        "overview": "console-0-overview-single-account",
        "profiles": "console-1-profiles",
        "protection": "console-2-protections",
        "share_folders": "console-3-share-folders",
        "help": "console-4-trusted-adults",
        "school": "console-5-school",
        "privacy": "console-6-privacy",
        "approvals": "console-7-approvals",
        "activity": "console-8-activity",
    }
    for key, name in names.items():
        console.show_page(key)
        if key == "profiles":
            console.profiles_page.table.selectRow(2)
            console.profiles_page.remove_button.click()
        if key == "approvals":
            console.approvals_page.table.selectRow(0)
        save(console, name)
    console.show_page("quarantine")
    page = console.quarantine_page
    page.table.selectRow(page.table.rowCount() - 1)  # the oldest: Maya's, from Downloads
    page.restore_button.click()
    wait_until(lambda: console.work.pending == 0 and page.done.isVisible())
    page.table.selectRow(0)
    save(console, "console-9-quarantine")
    console.close()


def school_shots() -> None:
    """A lab PC: strictness and the lab band locked by policy, settings damaged by a child."""
    from desktop_app.policy.editor import GuardianSettings
    from desktop_app.policy.managed import ManagedPolicy
    from desktop_app.policy.profiles import OsUser
    from desktop_app.policy.store import SettingsStore
    from desktop_app.ui.guardian import GuardianConsole, GuardianServices
    from desktop_app.ui.guardian.sessions import LocalSession
    from tests.helpers.guardian import PIN, make_services
    from tests.helpers.keyring import MemoryKeyring

    new_home()
    services = make_services(MemoryKeyring())
    services.pin.set_pin(PIN)
    services.settings.add_profile("Maya", "maya", datetime.now(UTC).year - 9)
    SettingsStore().path.write_text("{ not json", encoding="utf-8")  # as a child might
    managed = ManagedPolicy()
    managed.merge(
        {"strictness": "strict", "lab_default_age_band": "teen", "test_pattern": True},
        "/etc/safelens/policies/lab.json",
    )
    damaged = GuardianServices(
        settings=GuardianSettings(SettingsStore(), managed, OsUser("it-admin", True)),
        pin=services.pin,
        approvals=services.approvals,
    )
    console = GuardianConsole(LocalSession(damaged, damaged.actions.prove_administrator()))
    console.show()
    wait_until(lambda: bool(console.pages) and console.work.pending == 0)
    console.show_page("protection")
    save(console, "console-locked-and-banner")
    console.show_page("school")
    save(console, "console-school-locked")
    console.close()


def machine_shots() -> None:
    """Machine mode: a real service on a private socket holds the data; the console and the
    PIN dialog ask it. This computer has no children's accounts, so the overview's rows are
    example rows laid over the service's real answer (what the service says for each)."""
    import dataclasses

    from desktop_app.policy.guardian import FREE_ATTEMPTS
    from desktop_app.service import protocol as p
    from desktop_app.service.client import ServiceClient
    from desktop_app.service.handlers import ServiceHandlers
    from desktop_app.service.mode import Mode, RunningMode, ServiceState
    from desktop_app.service.paths import MachinePaths
    from desktop_app.service.server import ServiceServer
    from desktop_app.service.stores import open_stores
    from desktop_app.ui.guardian import GuardianConsole, PinDialog
    from desktop_app.ui.guardian.service_session import ServiceGate, ServiceSession
    from desktop_app.ui.guardian.snapshot import AccountHealth, ConsoleSnapshot
    from tests.helpers.service import FAST, GUARDIAN_PIN, add_profile, set_guardian_pin

    base = Path(tempfile.mkdtemp(prefix="safelens-machine-"))
    paths = MachinePaths(root=base / "data", socket=base / "run" / "s.sock")
    paths.prepare()
    paths.socket.parent.mkdir(mode=0o755, exist_ok=True)
    year = datetime.now(UTC).year
    for account, born in (("maya", year - 9), ("leo", year - 14)):
        add_profile(paths, account, born)
    set_guardian_pin(paths)
    stores = open_stores(paths, policy_dir=base / "policy", pin_cost=FAST)
    mode = RunningMode(Mode.MACHINE, ServiceState.ANSWERING, paths.socket)
    rows = (
        AccountHealth("maya", "under13", True, 3, 0, 2, None, True, None),
        AccountHealth("leo", "teen", True, 3, 1, 0, None, False, "2026-12-02T18:40:00+00:00"),
    )

    class ExampleRows(ServiceSession):
        def snapshot(self) -> ConsoleSnapshot:
            real = super().snapshot()
            return dataclasses.replace(real, accounts=rows, missing_accounts=())

    handlers = ServiceHandlers(stores)
    with ServiceServer(paths.socket, handlers):
        client = ServiceClient(paths.socket)
        token = client.call("guardian_open", pin=GUARDIAN_PIN)["token"]
        console = GuardianConsole(ExampleRows(client, token, mode))
        console.show()
        wait_until(lambda: bool(console.pages) and console.work.pending == 0)
        console.show_page("overview")
        save(console, "console-0-overview-machine")
        console.close()
        wait_until(lambda: console.work.pending == 0)
        for _ in range(FREE_ATTEMPTS):
            client.send(p.request("verify_pin", pin=WRONG))
        dialog = PinDialog(stores.pin, gate=ServiceGate(client, mode))
        dialog.show()
        wait_until(lambda: not dialog.checking)
        save(dialog, "pin-service-wait")
        dialog.close()
    stores.close()


def main() -> None:
    from PySide6.QtWidgets import QApplication

    import tests.helpers.guardian  # noqa: F401 - PySide6 6.12 on Python 3.11 workaround

    app = QApplication.instance() or QApplication([])
    app.setApplicationDisplayName("SafeLens")
    OUT.mkdir(exist_ok=True)
    wizard_shots()
    pin_shots()
    console_shots()
    school_shots()
    machine_shots()


if __name__ == "__main__":
    main()
