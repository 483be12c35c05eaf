"""GuardianActions: each guardian action, its proof, and what is left when it fails."""

from __future__ import annotations

import errno
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.core.storage import StorageError
from desktop_app.policy.approvals import Approvals
from desktop_app.policy.editor import GuardianSettings, SettingLocked
from desktop_app.policy.guardian import (
    GuardianPin,
    PinRejected,
    PinUnavailable,
    ScryptCost,
    TryAgainLater,
    WrongPin,
)
from desktop_app.policy.managed import ManagedPolicy
from desktop_app.policy.profiles import OsUser
from desktop_app.policy.settings import InvalidValue
from desktop_app.policy.store import SettingsStore
from desktop_app.service.action_errors import (
    ACTION_ERRORS,
    DiskFull,
    FolderNotWritable,
    NotProven,
    PinsDiffer,
    QuarantineUnavailable,
    UnknownProfile,
    error_code,
)
from desktop_app.service.actions import GuardianActions, GuardianProof
from desktop_app.surfaces import quarantine_files
from desktop_app.surfaces.quarantine import EntryNotFound, Quarantine, QuarantineEntry
from tests.helpers.clock import FakeClock
from tests.helpers.keyring import MemoryKeyring

FAST = ScryptCost(n=2**10, r=8, p=1)
PIN = "918273"


def build(tmp_path: Path, managed: ManagedPolicy | None = None) -> GuardianActions:
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
    return GuardianActions(
        GuardianPin(tmp_path / "guardian", backend=MemoryKeyring(), clock=clock, cost=FAST),
        Approvals(tmp_path / "approvals"),
        Quarantine(tmp_path / "quarantine"),
        GuardianSettings(
            SettingsStore(tmp_path / "settings"),
            managed or ManagedPolicy(),
            OsUser("parent", is_admin=True),
        ),
    )


@pytest.fixture
def actions(tmp_path: Path) -> GuardianActions:
    built = build(tmp_path)
    built.pin.set_pin(PIN)
    return built


def hide(actions: GuardianActions, folder: Path, name: str = "a.jpg") -> QuarantineEntry:
    """A file the share folders put aside for a child (in this child's own profile)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"bytes of " + name.encode())
    child = actions.settings.add_profile("Maya", "maya", datetime.now(UTC).year - 9)
    assert actions.quarantine is not None
    return actions.quarantine.add(
        folder / name, reason="sensitive", surface="share_folders", profile_id=child.id
    )


def test_restore_approves_the_bytes_for_the_child_then_puts_the_file_back(
    actions: GuardianActions, tmp_path: Path
) -> None:
    entry = hide(actions, tmp_path / "Downloads")
    assert entry.profile_id is not None
    placed = actions.restore(entry.id, actions.prove(PIN))
    assert placed == tmp_path / "Downloads" / "a.jpg" and placed.exists()
    assert actions.approvals.is_approved(entry.sha256, entry.profile_id)
    assert actions.entries() == []


def test_restore_to_a_chosen_folder(actions: GuardianActions, tmp_path: Path) -> None:
    entry = hide(actions, tmp_path / "Downloads")
    placed = actions.restore(entry.id, actions.prove(PIN), to=tmp_path / "Kept")
    assert placed == tmp_path / "Kept" / "a.jpg"
    assert not (tmp_path / "Downloads" / "a.jpg").exists()


def test_an_entry_without_a_child_is_approved_for_every_child(
    actions: GuardianActions, tmp_path: Path
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "x.png").write_bytes(b"x")
    assert actions.quarantine is not None
    entry = actions.quarantine.add(inbox / "x.png", reason="sensitive", surface="contacts")
    year = datetime.now(UTC).year
    kids = [actions.settings.add_profile(n, n, year - 10) for n in ("ann", "ben")]
    actions.settings.add_profile("mum", "mum", year - 40)
    actions.restore(entry.id, actions.prove_administrator())
    approved = {(a.sha256, a.profile_id) for a in actions.approvals.entries()}
    assert approved == {(entry.sha256, kid.id) for kid in kids}


def test_without_a_proof_of_this_instance_nothing_happens(
    actions: GuardianActions, tmp_path: Path
) -> None:
    entry = hide(actions, tmp_path / "Downloads")
    other = build(tmp_path / "other")
    for proof in (GuardianProof("pin", "0" * 32), other.prove_administrator()):
        with pytest.raises(NotProven):
            actions.restore(entry.id, proof)
        with pytest.raises(NotProven):
            actions.delete(entry.id, proof)
        with pytest.raises(NotProven):
            actions.approve(entry.sha256, str(entry.profile_id), proof)
        with pytest.raises(NotProven):
            actions.change_setting("retention_days", 30, proof)
    forgotten = actions.prove(PIN)
    actions.forget(forgotten)
    with pytest.raises(NotProven):
        actions.restore(entry.id, forgotten)
    assert [e.id for e in actions.entries()] == [entry.id]
    assert actions.approvals.entries() == []


def test_wrong_pins_are_refused_then_throttled(actions: GuardianActions) -> None:
    for _ in range(5):
        with pytest.raises(WrongPin):
            actions.prove("000000")
    with pytest.raises(TryAgainLater):
        actions.prove(PIN)  # even the right one waits


def test_before_setup_there_is_nothing_to_check_but_a_vanished_pin_is_not_that(
    tmp_path: Path,
) -> None:
    fresh = build(tmp_path)
    assert fresh.prove_before_setup().how == "before_setup"
    fresh.pin.set_pin(PIN)
    with pytest.raises(NotProven):
        fresh.prove_before_setup()
    fresh.pin._backend.delete_password("SafeLens", "guardian-pin")  # removed behind its back
    with pytest.raises(PinUnavailable):
        fresh.prove_before_setup()


def test_an_entry_gone_meanwhile_approves_nothing(actions: GuardianActions, tmp_path: Path) -> None:
    entry = hide(actions, tmp_path / "Downloads")
    proof = actions.prove(PIN)
    actions.delete(entry.id, proof)
    with pytest.raises(EntryNotFound):
        actions.restore(entry.id, proof)
    assert actions.approvals.entries() == []


@pytest.mark.parametrize(
    ("code", "expected"), [(errno.EACCES, FolderNotWritable), (errno.ENOSPC, DiskFull)]
)
def test_a_restore_that_fails_leaves_the_file_in_quarantine_and_takes_the_approval_back(
    actions: GuardianActions,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    expected: type[Exception],
) -> None:
    entry = hide(actions, tmp_path / "Downloads")

    def refused(*_args: object) -> None:
        raise OSError(code, "refused by the file system")

    monkeypatch.setattr(quarantine_files, "copy_out", refused)
    with pytest.raises(expected):
        actions.restore(entry.id, actions.prove(PIN))
    assert [e.id for e in actions.entries()] == [entry.id]
    assert actions.approvals.entries() == []
    assert not (tmp_path / "Downloads" / "a.jpg").exists()
    assert issubclass(DiskFull, StorageError)


def test_a_folder_the_user_may_not_write_is_refused_before_anything_changes(
    actions: GuardianActions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = hide(actions, tmp_path / "Downloads")
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(
        "desktop_app.service.actions.os.access", lambda path, _mode: Path(path) != locked
    )  # root may write anywhere, so the permission itself is stood in for
    with pytest.raises(FolderNotWritable):
        actions.restore(entry.id, actions.prove(PIN), to=locked / "deeper")
    assert [e.id for e in actions.entries()] == [entry.id]
    assert actions.approvals.entries() == []


def test_delete_for_good(actions: GuardianActions, tmp_path: Path) -> None:
    entry = hide(actions, tmp_path / "Downloads")
    actions.delete(entry.id, actions.prove(PIN))
    assert actions.entries() == []
    assert not (tmp_path / "Downloads" / "a.jpg").exists()


def test_without_a_quarantine_it_says_so(tmp_path: Path) -> None:
    fresh = build(tmp_path)
    blind = GuardianActions(fresh.pin, fresh.approvals, None, fresh.settings)
    with pytest.raises(QuarantineUnavailable):
        blind.restore("0123456789abcdef", blind.prove_administrator())


def test_approve_a_file_for_a_known_child_only(actions: GuardianActions) -> None:
    proof = actions.prove(PIN)
    child = actions.settings.add_profile("Maya", "maya", datetime.now(UTC).year - 9)
    digest = "ab" * 32
    with pytest.raises(UnknownProfile):
        actions.approve(digest, "p-nobody", proof)
    actions.approve(digest, child.id, proof)
    assert actions.approvals.is_approved(digest, child.id)


def test_change_pin(actions: GuardianActions) -> None:
    with pytest.raises(PinsDiffer):
        actions.change_pin(PIN, "24681357", "24681358")
    with pytest.raises(PinRejected):
        actions.change_pin("000000", "123")  # the rules first: a wrong old PIN costs nothing
    assert actions.pin.delay_remaining() == 0
    with pytest.raises(WrongPin):
        actions.change_pin("000000", "24681357", "24681357")
    actions.change_pin(PIN, "24681357", "24681357")
    assert actions.prove("24681357").how == "pin"
    with pytest.raises(WrongPin):
        actions.prove(PIN)


def test_change_pin_needs_a_pin_to_change(tmp_path: Path) -> None:
    with pytest.raises(PinUnavailable):
        build(tmp_path).change_pin("whatever", "24681357")


def test_change_a_setting_respects_the_school_lock(tmp_path: Path) -> None:
    managed = ManagedPolicy()
    managed.merge({"strictness": "strict"}, "/etc/safelens/policies/lab.json")
    actions = build(tmp_path, managed)
    proof = actions.prove_administrator()
    actions.change_setting("retention_days", 30, proof)
    assert actions.settings.policy["retention_days"] == 30
    with pytest.raises(SettingLocked):
        actions.change_setting("strictness", "relaxed", proof)
    with pytest.raises(InvalidValue):
        actions.change_setting("retention_days", "many", proof)
    actions.reset_setting("retention_days", proof)
    assert actions.settings.policy["retention_days"] == 90


def test_every_refusal_has_a_code() -> None:
    assert error_code(WrongPin("x")) == "wrong_pin"
    assert error_code(TryAgainLater(3)) == "throttled"
    assert error_code(EntryNotFound("x")) == "entry_gone"
    assert error_code(FolderNotWritable("x")) == "folder_not_writable"
    assert error_code(DiskFull("x")) == "disk_full"
    assert error_code(UnknownProfile("x")) == "unknown_profile"
    assert error_code(RuntimeError("bug")) is None
    assert error_code(PinUnavailable("missing", "gone")) == "pin_unavailable"
    assert error_code(SettingLocked("strictness", "lab.json")) == "setting_locked"
    assert error_code(InvalidValue("x")) == "invalid_value"  # a ValueError, named as itself
    assert DiskFull in ACTION_ERRORS and FolderNotWritable in ACTION_ERRORS
