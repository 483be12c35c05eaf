"""The guardian's PIN: hashed, rate-limited, kept in the OS keyring.

The PIN is never stored or logged in clear: only a scrypt hash in a self-describing
string. (Remembered approvals live in ``approvals.py``.)
See docs/guardian-pin.md for the stores, the delays and the administrator's reset.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import math
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringError

from desktop_app.core.storage import StorageError, atomic_write_json, data_dir, read_json

SERVICE = "SafeLens"
USERNAME = "guardian-pin"
PIN_FILE = "guardian-pin.json"
MARKER_FILE = "guardian.json"
ATTEMPTS_FILE = "guardian-attempts.json"

MIN_PIN_DIGITS = 6
MIN_PASSPHRASE_CHARS = 8
MAX_SECRET_CHARS = 1024
FREE_ATTEMPTS = 5
FIRST_DELAY_S = 30.0
MAX_DELAY_S = 3600.0
SALT_BYTES = 16
KEY_BYTES = 32
MAX_SCRYPT_MEMORY = 1 << 30
CHUNK_BYTES = 1 << 20

PinStatus = Literal["not_set", "set", "missing"]
StoreKind = Literal["keyring", "file"]
Clock = Callable[[], datetime]

NO_STORE_MESSAGE = "No system password store was found"
BROKEN_STORE_MESSAGE = "The system password store could not be used"
FILE_STORE_TAIL = (
    ", so the PIN's hash is kept in SafeLens' own data folder, readable only by "
    "administrators and the account that set the PIN."
)
MISSING_MESSAGE = (
    "The guardian PIN has disappeared from this computer, so SafeLens keeps every child "
    "fully protected. An administrator of this computer can reset it."
)
NOT_SET_MESSAGE = "No guardian PIN has been set on this computer yet."


class GuardianError(Exception):
    """Base of the guardian errors that the UI and CLI turn into plain words."""


class PinRejected(GuardianError):  # noqa: N818 - says what the guardian hears
    """A new PIN or passphrase is too easy for a child to guess."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class WrongPin(GuardianError):  # noqa: N818 - says what the guardian hears
    """Changing the PIN needs the current one, and what was entered did not match."""


class TryAgainLater(GuardianError):  # noqa: N818 - says what the guardian hears
    """Too many wrong PINs: nothing is checked until the delay has passed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"Too many wrong tries. Try again in {math.ceil(seconds)} seconds.")
        self.seconds = seconds


class PinUnavailable(GuardianError):  # noqa: N818 - says what the guardian hears
    """There is no PIN to check: never set, or removed behind SafeLens' back."""

    def __init__(self, status: PinStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's work factors; OWASP's minimums by default, lower only to keep tests fast."""

    n: int = 2**17
    r: int = 8
    p: int = 1

    def __post_init__(self) -> None:
        if self.n < 2 or self.n & (self.n - 1) or self.r < 1 or self.p < 1:
            raise ValueError(f"Not valid scrypt parameters: {self}")
        if self.memory() > MAX_SCRYPT_MEMORY:
            raise ValueError(f"scrypt parameters need too much memory: {self}")

    def memory(self) -> int:
        """Bytes OpenSSL needs, so hashlib's maxmem can be set to fit (its default is 32 MiB)."""
        return 128 * self.r * (self.n + self.p + 2)

    def weaker_than(self, other: ScryptCost) -> bool:
        """True when a stored hash should be redone with today's stronger parameters."""
        return self.n < other.n or self.r < other.r or self.p < other.p


OWASP_COST = ScryptCost()


def check_pin_rules(pin: str) -> None:
    """Raise PinRejected, in plain words, when a new PIN or passphrase is too weak."""
    if len(pin) > MAX_SECRET_CHARS:
        raise PinRejected(f"A PIN or passphrase can have at most {MAX_SECRET_CHARS} characters.")
    if pin.isdecimal():
        if len(pin) < MIN_PIN_DIGITS:
            raise PinRejected(f"A PIN needs at least {MIN_PIN_DIGITS} digits.")
        return
    if len(pin) < MIN_PASSPHRASE_CHARS:
        raise PinRejected(
            f"A passphrase needs at least {MIN_PASSPHRASE_CHARS} characters "
            f"(or use a PIN of at least {MIN_PIN_DIGITS} digits)."
        )
    if not pin.strip():
        raise PinRejected("A passphrase cannot be only spaces.")


def hash_pin(pin: str, cost: ScryptCost = OWASP_COST) -> str:
    """The self-describing string that is stored instead of the PIN."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(pin, salt, cost, KEY_BYTES)
    fields = ["scrypt", str(cost.n), str(cost.r), str(cost.p), _b64(salt), _b64(key)]
    return "$".join(fields)


def pin_matches(pin: str, stored: str) -> bool:
    """Compare in constant time, with the parameters the hash was made with."""
    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    cost, salt, key = parsed
    return hmac.compare_digest(_scrypt(pin, salt, cost, len(key)), key)


def _parse_hash(stored: str) -> tuple[ScryptCost, bytes, bytes] | None:
    """Read the parameters back from the string, so they can be raised later."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        cost = ScryptCost(int(parts[1]), int(parts[2]), int(parts[3]))
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if len(salt) < SALT_BYTES or len(key) < SALT_BYTES:
        return None
    return cost, salt, key


def _scrypt(pin: str, salt: bytes, cost: ScryptCost, length: int) -> bytes:
    secret = _canonical(pin).encode("utf-8")
    maxmem = cost.memory() + CHUNK_BYTES
    return hashlib.scrypt(
        secret, salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=maxmem, dklen=length
    )


def _canonical(pin: str) -> str:
    """The same PIN typed on another keyboard or input method hashes the same."""
    text = unicodedata.normalize("NFC", pin)
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return _as_utc(moment).isoformat()


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("The clock must return timezone-aware UTC times")
    return moment.astimezone(UTC)


def _stamp_from(text: Any) -> datetime | None:
    return None if text is None else _as_utc(datetime.fromisoformat(text))


@dataclass(frozen=True)
class _Attempts:
    """Consecutive wrong PINs, when the last one was, and the latest time seen."""

    failures: int = 0
    last_failure: datetime | None = None
    last_seen: datetime | None = None


def _delay_for(failures: int) -> float:
    """30 s after the fifth wrong PIN in a row, doubling each time, never more than an hour."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY_S, FIRST_DELAY_S * 2.0 ** min(failures - FREE_ATTEMPTS, 32))


class GuardianPin:
    """This computer's one guardian PIN: set, check and change it, and slow down guessing."""

    def __init__(
        self,
        store_dir: Path | None = None,
        backend: KeyringBackend | None = None,
        clock: Clock | None = None,
        cost: ScryptCost = OWASP_COST,
    ) -> None:
        self._dir = store_dir if store_dir is not None else data_dir()
        self._backend = backend if backend is not None else keyring.get_keyring()
        self._clock = clock or _utc_now
        self._cost = cost
        self._keyring_broken = False
        self.problem: str | None = None

    # --- where the hash lives -----------------------------------------------------------

    @property
    def store_kind(self) -> StoreKind:
        """Where the PIN's hash is kept (or will be, before one is set)."""
        recorded = self._marker().get("store")
        if recorded in ("keyring", "file"):
            return "keyring" if recorded == "keyring" else "file"
        return "keyring" if self._keyring_usable() else "file"

    @property
    def store_message(self) -> str:
        """One sentence for the console and `safelens doctor`."""
        if self.store_kind == "keyring":
            return (
                f"The PIN's hash is kept in this computer's password store ({self._backend.name})."
            )
        missing = isinstance(self._backend, fail.Keyring | null.Keyring)
        return (NO_STORE_MESSAGE if missing else BROKEN_STORE_MESSAGE) + FILE_STORE_TAIL

    def status(self) -> PinStatus:
        """'missing' (set once, gone now) means tampering: keep children maximally protected."""
        return self._status_of(self._read_stored())

    def _status_of(self, stored: str | None) -> PinStatus:
        """The status for a hash string already read (saves a second trip to the keyring)."""
        if stored is not None and _parse_hash(stored) is not None:
            return "set"
        return "missing" if stored is not None or self._marker().get("pin_set") else "not_set"

    def _keyring_usable(self) -> bool:
        no_backend = isinstance(self._backend, fail.Keyring | null.Keyring)
        return not (no_backend or self._keyring_broken)

    def _marker(self) -> dict[str, Any]:
        """guardian.json; a damaged one counts as 'a PIN was set' (fail closed)."""
        try:
            value = read_json(self._dir / MARKER_FILE)
        except ValueError:
            value = "damaged"
        if value is None:
            return {}
        return value if isinstance(value, dict) else {"pin_set": True}

    def _read_stored(self) -> str | None:
        """The stored hash string from the recorded store; '' when present but unreadable."""
        recorded = self._marker().get("store")
        if recorded == "file":
            return self._file_get()
        from_keyring = self._keyring_get() if self._keyring_usable() else None
        if recorded == "keyring":
            return from_keyring
        return from_keyring if from_keyring is not None else self._file_get()

    def _keyring_get(self) -> str | None:
        try:
            return self._backend.get_password(SERVICE, USERNAME)
        except (KeyringError, OSError) as exc:
            self.problem = f"The system password store could not be reached ({type(exc).__name__})."
            return None

    def _file_get(self) -> str | None:
        try:
            value = read_json(self._dir / PIN_FILE)
        except ValueError:
            return ""
        if value is None:
            return None
        stored = value.get("hash") if isinstance(value, dict) else None
        return stored if isinstance(stored, str) else ""

    # --- setting and changing -----------------------------------------------------------

    def set_pin(self, pin: str, old_pin: str | None = None) -> None:
        """First PIN, or a change that proves the old one; a vanished PIN needs an admin."""
        check_pin_rules(pin)
        status = self.status()
        if status == "missing":
            raise PinUnavailable("missing", MISSING_MESSAGE)
        if status == "set" and (old_pin is None or not self.verify(old_pin)):
            raise WrongPin("The current PIN is not right.")
        self._store(hash_pin(pin, self._cost))

    def _store(self, hashed: str) -> None:
        """New hash first, then the marker, then remove a stale copy: a crash keeps a PIN."""
        kind: StoreKind = "keyring" if self._keyring_put(hashed) else "file"
        if kind == "file":
            atomic_write_json(self._dir / PIN_FILE, {"hash": hashed}, mode=0o600)
        marker = {"pin_set": True, "set_at": _iso(self._clock()), "store": kind, "version": 1}
        atomic_write_json(self._dir / MARKER_FILE, marker)
        if kind == "keyring":
            (self._dir / PIN_FILE).unlink(missing_ok=True)
        elif self._keyring_usable():
            with contextlib.suppress(KeyringError, OSError):
                self._backend.delete_password(SERVICE, USERNAME)

    def _keyring_put(self, hashed: str) -> bool:
        """Store and read back; any failure means the file fallback."""
        if not self._keyring_usable():
            return False
        try:
            self._backend.set_password(SERVICE, USERNAME, hashed)
            stored_ok = self._backend.get_password(SERVICE, USERNAME) == hashed
        except (KeyringError, OSError):
            stored_ok = False
        self._keyring_broken = not stored_ok
        return stored_ok

    # --- checking, with delays ----------------------------------------------------------

    def delay_remaining(self) -> float:
        """Seconds until the next PIN may be tried (0 when it may be tried now)."""
        attempts, now = self._observe()
        return self._remaining(attempts, now)

    def tries_left(self) -> int:
        """Wrong PINs that may still be tried before the delays begin (0 once they have)."""
        attempts, _ = self._observe()
        return max(0, FREE_ATTEMPTS - attempts.failures)

    def verify(self, pin: str) -> bool:
        """Check a PIN; while a delay runs raise TryAgainLater without checking anything."""
        attempts, now = self._observe()
        wait = self._remaining(attempts, now)
        if wait > 0:
            with contextlib.suppress(StorageError):
                self._save_attempts(_Attempts(attempts.failures, attempts.last_failure, now))
            raise TryAgainLater(wait)
        stored = self._read_stored()
        if stored is None or _parse_hash(stored) is None:
            status = self._status_of(stored)
            raise PinUnavailable(
                status, MISSING_MESSAGE if status == "missing" else NOT_SET_MESSAGE
            )
        if not pin_matches(pin, stored):
            self._save_attempts(_Attempts(attempts.failures + 1, now, now))
            return False
        with contextlib.suppress(StorageError):
            self._save_attempts(_Attempts(0, None, now))
            self._upgrade(pin, stored)
        return True

    def _upgrade(self, pin: str, stored: str) -> None:
        """Rehash with today's parameters after a right PIN, if the stored ones are weaker."""
        parsed = _parse_hash(stored)
        if parsed is not None and parsed[0].weaker_than(self._cost):
            self._store(hash_pin(pin, self._cost))

    @staticmethod
    def _remaining(attempts: _Attempts, now: datetime) -> float:
        if attempts.last_failure is None:
            return 0.0
        delay = _delay_for(attempts.failures)
        until = attempts.last_failure + timedelta(seconds=delay)
        return max(0.0, min(delay, (until - now).total_seconds()))

    def _observe(self) -> tuple[_Attempts, datetime]:
        """Load the attempts and a 'now' that never runs backwards.

        A clock put back a little counts as no time passed. A clock put back more than
        the longest delay (or corrected after being wrong) restarts the current delay in
        full from now: never shorter, and never a lock-out lasting until the clock catches up.
        """
        attempts = self._load_attempts()
        now = _as_utc(self._clock())
        seen = attempts.last_seen
        if seen is None or now >= seen:
            return attempts, now
        if seen - now <= timedelta(seconds=MAX_DELAY_S):
            return attempts, seen
        restarted = _Attempts(attempts.failures, now, now)
        with contextlib.suppress(StorageError):
            self._save_attempts(restarted)
        return restarted, now

    def _load_attempts(self) -> _Attempts:
        """A damaged record counts as a lock-out for the shortest delay, never as no failures."""
        try:
            return self._parse_attempts(read_json(self._dir / ATTEMPTS_FILE))
        except (ValueError, TypeError, KeyError):
            self.problem = (
                "The record of wrong PIN tries was damaged, so SafeLens waits "
                f"{FIRST_DELAY_S:.0f} seconds before the next try."
            )
        now = _as_utc(self._clock())
        locked = _Attempts(FREE_ATTEMPTS, now, now)
        with contextlib.suppress(StorageError):
            self._save_attempts(locked)
        return locked

    @staticmethod
    def _parse_attempts(value: Any) -> _Attempts:
        if value is None:
            return _Attempts()
        failures = value["failures"]
        if type(failures) is not int or failures < 0:
            raise ValueError("failures")
        stamps = [value[k] for k in ("last_failure", "last_seen")]
        last_failure, last_seen = (_stamp_from(s) for s in stamps)
        if failures and last_failure is None:
            raise ValueError("last_failure")
        return _Attempts(failures, last_failure, last_seen)

    def _save_attempts(self, attempts: _Attempts) -> None:
        def stamp(moment: datetime | None) -> str | None:
            return None if moment is None else _iso(moment)

        value = {
            "failures": attempts.failures,
            "last_failure": stamp(attempts.last_failure),
            "last_seen": stamp(attempts.last_seen),
        }
        atomic_write_json(self._dir / ATTEMPTS_FILE, value)
