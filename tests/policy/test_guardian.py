"""Guardian PIN (hashing, keyring, delays that survive restarts) and approvals by content hash.

The keyring here is an in-memory backend, never the user's real one. The tests marked
`on_every_keyring` run again against a real Secret Service ("[secret-service]"), which CI
provides (see test_guardian_secret_service.py).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked

from desktop_app.core.hashing import content_sha256
from desktop_app.policy import guardian
from desktop_app.policy.approvals import APPROVALS_FILE, Approvals
from desktop_app.policy.guardian import (
    ATTEMPTS_FILE,
    MARKER_FILE,
    OWASP_COST,
    PIN_FILE,
    SERVICE,
    USERNAME,
    GuardianPin,
    PinRejected,
    PinUnavailable,
    ScryptCost,
    TryAgainLater,
    WrongPin,
)
from tests.helpers.clock import FakeClock
from tests.helpers.keyring import MemoryKeyring, secret_service

# Only to keep unit tests fast; test_default_parameters_are_owasps checks the real ones.
FAST = ScryptCost(n=2**10, r=8, p=1)
PIN = "918273"
OTHER_PIN = "564738"
PASSPHRASE = "purple giraffe at noon"
HASH_FORMAT = re.compile(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)")


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses every use (locked, prompt dismissed)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


@pytest.fixture
def home() -> Path:
    """The fresh SAFELENS_HOME the suite's autouse fixture made for this test."""
    return Path(os.environ["SAFELENS_HOME"])


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> Iterator[KeyringBackend]:
    """In memory; a real Secret Service for the "secret-service" runs of on_every_keyring."""
    if getattr(request, "param", "memory") == "memory":
        yield MemoryKeyring()
        return
    with secret_service() as real:
        yield real


on_every_keyring = pytest.mark.parametrize("backend", ["memory", "secret-service"], indirect=True)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def new_pin(backend: KeyringBackend, clock: FakeClock) -> Callable[[], GuardianPin]:
    """Each call is SafeLens starting again: a new GuardianPin on the same stores."""
    return lambda: GuardianPin(backend=backend, clock=clock, cost=FAST)


def fail_times(pin: GuardianPin, count: int, clock: FakeClock) -> None:
    """Enter a wrong PIN `count` times, waiting out each delay like a patient guesser."""
    for _ in range(count):
        clock.advance(pin.delay_remaining())
        assert pin.verify("000000") is False


def everything_stored(home: Path, backend: KeyringBackend) -> list[bytes]:
    files = [path.read_bytes() for path in home.rglob("*") if path.is_file()]
    in_keyring = backend.get_password(SERVICE, USERNAME)
    return files + ([in_keyring.encode()] if in_keyring else [])


# -- hashing ---------------------------------------------------------------------------------


def test_default_parameters_are_owasps(backend: KeyringBackend, clock: FakeClock) -> None:
    assert (OWASP_COST.n, OWASP_COST.r, OWASP_COST.p) == (2**17, 8, 1)
    GuardianPin(backend=backend, clock=clock).set_pin(PIN)
    stored = backend.get_password(SERVICE, USERNAME)
    assert stored is not None
    match = HASH_FORMAT.fullmatch(stored)
    assert match is not None
    assert match.group(1, 2, 3) == ("131072", "8", "1")
    assert len(base64.b64decode(match.group(4))) == 16
    assert len(base64.b64decode(match.group(5))) == 32
    assert guardian.pin_matches(PIN, stored)


@on_every_keyring
def test_pin_is_never_stored_in_clear(
    new_pin: Callable[[], GuardianPin], backend: KeyringBackend, home: Path
) -> None:
    for secret in (PIN, PASSPHRASE):
        pin = new_pin()
        pin.set_pin(secret, old_pin=PIN if secret != PIN else None)
        stored = backend.get_password(SERVICE, USERNAME)
        assert stored is not None
        assert HASH_FORMAT.fullmatch(stored)
        for blob in everything_stored(home, backend):
            assert secret.encode() not in blob
            assert secret.encode("utf-16-le") not in blob
        assert pin.verify(secret) is True


def test_same_pin_hashes_differently_each_time() -> None:
    first, second = guardian.hash_pin(PIN, FAST), guardian.hash_pin(PIN, FAST)
    assert first != second
    assert guardian.pin_matches(PIN, first) and guardian.pin_matches(PIN, second)


@on_every_keyring
def test_parameters_are_read_back_and_raised_after_a_right_pin(
    backend: KeyringBackend, clock: FakeClock
) -> None:
    GuardianPin(backend=backend, clock=clock, cost=FAST).set_pin(PIN)
    stronger = GuardianPin(backend=backend, clock=clock, cost=ScryptCost(n=2**11, r=8, p=1))
    assert stronger.verify(PIN) is True
    stored = backend.get_password(SERVICE, USERNAME)
    assert stored is not None and stored.startswith("scrypt$2048$8$1$")
    assert stronger.verify(PIN) is True


# -- PIN rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "words"),
    [
        ("12345", "at least 6 digits"),
        ("", "at least 6 digits"),
        ("abcdefg", "at least 8 characters"),
        ("12ab", "at least 8 characters"),
        ("        ", "only spaces"),
        ("x" * 1025, "at most 1024"),
    ],
)
def test_weak_pins_are_rejected_in_plain_words(
    new_pin: Callable[[], GuardianPin], candidate: str, words: str
) -> None:
    pin = new_pin()
    with pytest.raises(PinRejected) as caught:
        pin.set_pin(candidate)
    assert words in caught.value.reason
    assert pin.status() == "not_set"


@pytest.mark.parametrize("accepted", ["123456", "00000000", "purple giraffe", "Straße-1"])
def test_six_digit_pins_and_eight_character_passphrases_are_accepted(accepted: str) -> None:
    guardian.check_pin_rules(accepted)


def test_digits_from_another_keyboard_are_the_same_pin(
    new_pin: Callable[[], GuardianPin],
) -> None:
    pin = new_pin()
    pin.set_pin("\u0661\u0662\u0663\u0664\u0665\u0666")  # Arabic-Indic 123456
    assert pin.verify("123456") is True


@on_every_keyring
def test_wrong_and_short_pins_do_not_verify(new_pin: Callable[[], GuardianPin]) -> None:
    pin = new_pin()
    pin.set_pin(PIN)
    assert pin.verify(OTHER_PIN) is False
    assert pin.verify(PIN[:4]) is False
    assert pin.verify("") is False
    assert pin.verify(PIN) is True


# -- status, change and the administrator's reset ---------------------------------------------


@on_every_keyring
def test_status_is_missing_when_the_keyring_entry_vanishes(
    new_pin: Callable[[], GuardianPin], backend: KeyringBackend, home: Path
) -> None:
    pin = new_pin()
    assert pin.status() == "not_set"
    pin.set_pin(PIN)
    assert pin.status() == "set"
    marker = json.loads((home / MARKER_FILE).read_text())
    assert marker["pin_set"] is True
    assert datetime.fromisoformat(marker["set_at"]).tzinfo is not None

    backend.delete_password(SERVICE, USERNAME)
    restarted = new_pin()
    assert restarted.status() == "missing"
    with pytest.raises(PinUnavailable) as caught:
        restarted.verify(PIN)
    assert caught.value.status == "missing"
    with pytest.raises(PinUnavailable):
        restarted.set_pin(OTHER_PIN)  # a child cannot set a new PIN after deleting the old one


@on_every_keyring
def test_a_damaged_stored_hash_counts_as_missing(
    new_pin: Callable[[], GuardianPin], backend: KeyringBackend
) -> None:
    new_pin().set_pin(PIN)
    backend.set_password(SERVICE, USERNAME, "scrypt$not$a$real$hash$at-all")
    assert new_pin().status() == "missing"


class CountingKeyring(MemoryKeyring):
    """Counts reads: each one can be a D-Bus round trip or an unlock prompt."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        return super().get_password(service, username)


@pytest.mark.parametrize(("stored", "status"), [(None, "not_set"), ("damaged", "missing")])
def test_checking_a_pin_that_is_not_there_asks_the_keyring_once(
    clock: FakeClock, stored: str | None, status: str
) -> None:
    backend = CountingKeyring()
    if stored is not None:
        GuardianPin(backend=backend, clock=clock, cost=FAST).set_pin(PIN)
        backend.set_password(SERVICE, USERNAME, stored)
    backend.reads = 0
    with pytest.raises(PinUnavailable) as caught:
        GuardianPin(backend=backend, clock=clock, cost=FAST).verify(PIN)
    assert caught.value.status == status
    assert backend.reads == 1


@on_every_keyring
def test_administrators_reset_deletes_keyring_entry_and_marker(
    new_pin: Callable[[], GuardianPin], backend: KeyringBackend, home: Path
) -> None:
    new_pin().set_pin(PIN)
    (home / MARKER_FILE).unlink()  # the marker alone: the PIN is still there
    assert new_pin().status() == "set"
    with pytest.raises(WrongPin):
        new_pin().set_pin(OTHER_PIN)

    backend.delete_password(SERVICE, USERNAME)  # both, as an administrator would
    pin = new_pin()
    assert pin.status() == "not_set"
    pin.set_pin(OTHER_PIN)
    assert pin.verify(OTHER_PIN) is True


@on_every_keyring
def test_changing_the_pin_needs_the_old_one(new_pin: Callable[[], GuardianPin]) -> None:
    pin = new_pin()
    pin.set_pin(PIN)
    with pytest.raises(WrongPin):
        pin.set_pin(OTHER_PIN)
    with pytest.raises(WrongPin):
        pin.set_pin(OTHER_PIN, old_pin="111111")
    pin.set_pin(OTHER_PIN, old_pin=PIN)
    assert pin.verify(PIN) is False
    assert pin.verify(OTHER_PIN) is True


@on_every_keyring
def test_changing_the_pin_cannot_be_used_to_guess(new_pin: Callable[[], GuardianPin]) -> None:
    pin = new_pin()
    pin.set_pin(PIN)
    for _ in range(5):
        with pytest.raises(WrongPin):
            pin.set_pin(OTHER_PIN, old_pin="111111")
    with pytest.raises(TryAgainLater):
        pin.set_pin(OTHER_PIN, old_pin=PIN)


# -- growing delays ------------------------------------------------------------------------------


@on_every_keyring
def test_ten_wrong_pins_slow_further_tries_across_restarts_and_clock_changes(
    new_pin: Callable[[], GuardianPin], clock: FakeClock
) -> None:
    pin = new_pin()
    pin.set_pin(PIN)
    fail_times(pin, 5, clock)
    assert pin.delay_remaining() == 30
    fail_times(pin, 5, clock)  # ten in a row; the delays double: 30, 60, 120, 240, 480
    assert pin.delay_remaining() == 960
    with pytest.raises(TryAgainLater) as caught:
        pin.verify(PIN)  # not even the right PIN is checked
    assert caught.value.seconds == 960
    assert "960 seconds" in str(caught.value)

    restarted = new_pin()
    assert restarted.delay_remaining() == 960
    clock.advance(-600)  # the clock put back: no time has passed
    assert new_pin().delay_remaining() == 960
    with pytest.raises(TryAgainLater):
        new_pin().verify(PIN)
    clock.advance(600 + 959)
    assert new_pin().delay_remaining() == 1
    clock.advance(1)
    assert new_pin().verify(PIN) is True


def test_a_clock_put_back_far_restarts_the_delay_instead_of_shortening_it(
    new_pin: Callable[[], GuardianPin], clock: FakeClock
) -> None:
    pin = new_pin()
    pin.set_pin(PIN)
    fail_times(pin, 10, clock)
    clock.advance(900)
    assert pin.delay_remaining() == 60
    clock.advance(-86400)  # a day back: the current delay starts again in full
    assert new_pin().delay_remaining() == 960
    clock.advance(500)
    assert new_pin().delay_remaining() == 460


def test_delays_are_capped_at_an_hour(new_pin: Callable[[], GuardianPin], clock: FakeClock) -> None:
    pin = new_pin()
    pin.set_pin(PIN)
    fail_times(pin, 14, clock)
    assert pin.delay_remaining() == 3600


@on_every_keyring
def test_a_right_pin_resets_the_count(new_pin: Callable[[], GuardianPin], clock: FakeClock) -> None:
    pin = new_pin()
    pin.set_pin(PIN)
    fail_times(pin, 4, clock)
    assert pin.verify(PIN) is True
    fail_times(pin, 4, clock)
    assert pin.delay_remaining() == 0
    fail_times(pin, 1, clock)
    assert pin.delay_remaining() == 30


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"failures": -1, "last_failure": null, "last_seen": null}',
        b'{"failures": "0", "last_failure": null, "last_seen": null}',
        b'{"failures": 7, "last_failure": null, "last_seen": null}',
        b'{"failures": 7, "last_failure": "yesterday", "last_seen": null}',
        b'{"failures": 0, "last_failure": "2026-03-01T12:00:00", "last_seen": null}',
        b'{"last_seen": null}',
    ],
)
def test_a_damaged_attempts_file_locks_for_the_shortest_delay(
    new_pin: Callable[[], GuardianPin], clock: FakeClock, home: Path, damage: bytes
) -> None:
    new_pin().set_pin(PIN)
    (home / ATTEMPTS_FILE).write_bytes(damage)
    pin = new_pin()
    assert pin.delay_remaining() == 30
    assert pin.problem is not None and "damaged" in pin.problem
    with pytest.raises(TryAgainLater):
        pin.verify(PIN)
    clock.advance(30)
    assert new_pin().verify(PIN) is True


# -- no keyring: the file fallback -------------------------------------------------------------


@pytest.mark.parametrize("missing", [fail.Keyring, null.Keyring])
def test_without_a_keyring_the_hash_goes_to_a_private_file(
    missing: type[KeyringBackend], clock: FakeClock, home: Path
) -> None:
    pin = GuardianPin(backend=missing(), clock=clock, cost=FAST)
    assert pin.store_kind == "file"
    assert pin.store_message.startswith("No system password store was found, so the PIN's hash")
    pin.set_pin(PIN)
    pin_file = home / PIN_FILE
    assert stat.S_IMODE(pin_file.stat().st_mode) == 0o600
    assert HASH_FORMAT.fullmatch(json.loads(pin_file.read_text())["hash"])
    for path in home.rglob("*"):
        assert PIN.encode() not in path.read_bytes()
    assert pin.verify(PIN) is True
    assert pin.status() == "set"

    pin_file.unlink()
    assert GuardianPin(backend=missing(), clock=clock, cost=FAST).status() == "missing"


def test_a_keyring_that_fails_falls_back_to_the_file(clock: FakeClock, home: Path) -> None:
    pin = GuardianPin(backend=LockedKeyring(), clock=clock, cost=FAST)
    pin.set_pin(PIN)
    assert pin.store_kind == "file"
    assert pin.store_message.startswith("The system password store could not be used")
    assert stat.S_IMODE((home / PIN_FILE).stat().st_mode) == 0o600
    restarted = GuardianPin(backend=LockedKeyring(), clock=clock, cost=FAST)
    assert restarted.verify(PIN) is True


def test_a_keyring_that_breaks_after_the_pin_was_set_keeps_children_protected(
    new_pin: Callable[[], GuardianPin], clock: FakeClock
) -> None:
    new_pin().set_pin(PIN)
    broken = GuardianPin(backend=LockedKeyring(), clock=clock, cost=FAST)
    assert broken.status() == "missing"
    assert broken.problem is not None and "KeyringLocked" in broken.problem


@on_every_keyring
def test_a_working_keyring_is_reported_by_name(new_pin: Callable[[], GuardianPin]) -> None:
    pin = new_pin()
    assert pin.store_kind == "keyring"
    assert "password store" in pin.store_message


# -- remembered approvals by content hash -------------------------------------------------------


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_approvals_follow_the_content_not_the_name(tmp_path: Path) -> None:
    original = write(tmp_path / "inbox" / "photo.jpg", b"\xff\xd8 some picture bytes")
    copy = write(tmp_path / "elsewhere" / "renamed.png", original.read_bytes())
    different = write(tmp_path / "inbox" / "photo2.jpg", b"\xff\xd8 other picture bytes")
    approvals = Approvals()
    approvals.remember(content_sha256(original), "maya")

    again = Approvals()  # a restart reads the same file
    assert again.is_approved(content_sha256(copy), "maya")
    assert not again.is_approved(content_sha256(different), "maya")
    assert not again.is_approved(content_sha256(original), "leo")
    assert again.problem is None


def test_approvals_list_revoke_and_no_duplicates(tmp_path: Path, clock: FakeClock) -> None:
    digest = content_sha256(write(tmp_path / "a.gif", b"GIF89a..."))
    approvals = Approvals(clock=clock)
    approvals.remember(digest, "maya")
    clock.advance(60)
    approvals.remember(digest.upper(), "maya")
    approvals.remember(digest, "leo")
    entries = approvals.entries()
    assert [(e.sha256, e.profile_id) for e in entries] == [(digest, "maya"), (digest, "leo")]
    when = datetime.fromisoformat(entries[0].approved_at)
    assert when == clock.now and when.utcoffset() == timedelta(0)

    assert approvals.revoke(digest, "maya") is True
    assert approvals.revoke(digest, "maya") is False
    assert not approvals.is_approved(digest, "maya")
    assert approvals.is_approved(digest, "leo")


def test_approvals_refuse_anything_but_a_sha256(tmp_path: Path) -> None:
    approvals = Approvals()
    for bad in ("photo.jpg", str(tmp_path / "photo.jpg"), "ab" * 31):
        with pytest.raises(ValueError, match="SHA-256"):
            approvals.remember(bad, "maya")


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        "[]",
        '{"approvals": "all"}',
        # one bad entry next to a good one spoils the whole file
        '{"approvals": [GOOD, {"sha256": "photo.jpg", "profile_id": "maya", "approved_at": "x"}]}',
        '{"approvals": [GOOD, {"sha256": 7, "profile_id": "maya", "approved_at": "x"}]}',
        '{"approvals": [GOOD, {"sha256": "GOOD_DIGEST", "profile_id": "", "approved_at": "x"}]}',
    ],
)
def test_a_damaged_approvals_file_approves_nothing(tmp_path: Path, home: Path, damage: str) -> None:
    digest = content_sha256(write(tmp_path / "a.png", b"\x89PNG..."))
    approvals = Approvals()
    approvals.remember(digest, "maya")
    good = json.loads((home / APPROVALS_FILE).read_text())["approvals"][0]
    damage = damage.replace("GOOD_DIGEST", digest).replace("GOOD", json.dumps(good))
    (home / APPROVALS_FILE).write_text(damage)

    assert not approvals.is_approved(digest, "maya")
    assert approvals.entries() == []
    assert approvals.problem is not None and "damaged" in approvals.problem


def test_content_sha256_streams_large_files(tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 5)
    assert content_sha256(write(tmp_path / "big.bin", data)) == hashlib.sha256(data).hexdigest()
