"""The guardian's settings and profiles on disk: atomic, versioned, and safe when damaged.

A missing file on a computer that was never set up means 'not set up'. A missing
or damaged file on a computer that *was* set up (someone deleted or edited it)
means 'damaged': children then get the strictest protection until a guardian
reviews the settings, and the guardian is told what happened.
"""

from __future__ import annotations

import enum
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.storage import StorageError, atomic_write_json, data_dir

from . import settings
from .profiles import Profile
from .settings import AgeBand

SCHEMA_VERSION = 1
SETTINGS_FILE = "settings.json"
SETUP_MARKER = "setup-complete"
# Each migration turns the document of version N into version N + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class StoreStatus(enum.StrEnum):
    NOT_SET_UP = "not_set_up"
    OK = "ok"
    DAMAGED = "damaged"


@dataclass
class StoreState:
    """What was read: guardian values (validated), profiles, and any problem found."""

    status: StoreStatus
    values: dict[str, Any] = field(default_factory=dict)
    profiles: list[Profile] = field(default_factory=list)
    last_seen_utc: str | None = None
    profile_bands: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class SettingsStore:
    """Reads and writes ``settings.json`` in the SafeLens data folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir()
        self.path = self.folder / SETTINGS_FILE

    @property
    def files(self) -> tuple[Path, Path]:
        """What ``load()`` reads: the settings file and the set-up marker."""
        return self.path, self.folder / SETUP_MARKER

    @property
    def was_set_up(self) -> bool:
        try:
            return (self.folder / SETUP_MARKER).exists()
        except OSError:
            return True  # cannot tell: assume it was, which keeps children protected

    def load(self) -> StoreState:
        try:
            present = self.path.exists()
        except OSError as exc:  # e.g. the folder is not readable by this account
            return StoreState(
                StoreStatus.DAMAGED,
                problems=[
                    f"SafeLens cannot read its settings ({exc.strerror}). Children get the "
                    "strictest protection until this is fixed."
                ],
            )
        if not present:
            if self.was_set_up:
                return StoreState(
                    StoreStatus.DAMAGED,
                    problems=[
                        "The settings file is missing (it was deleted). Children get the "
                        "strictest protection until a guardian reviews the settings."
                    ],
                )
            return StoreState(StoreStatus.NOT_SET_UP)
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(document, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as exc:
            return _damaged(exc)
        try:
            return self._parse(self._migrated(document))
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            return _damaged(exc)  # valid JSON in the wrong shape: edited by hand, or tampered

    def _migrated(self, document: dict[str, Any]) -> dict[str, Any]:
        version = int(document.get("schema_version", 1))
        if version >= SCHEMA_VERSION:
            return document
        backup = self.folder / f"{SETTINGS_FILE}.v{version}.bak"
        shutil.copy2(self.path, backup)  # before any change, keep the old file
        while version < SCHEMA_VERSION:
            document = MIGRATIONS[version](document)
            version += 1
            document["schema_version"] = version
        atomic_write_json(self.path, document)
        return document

    def _parse(self, document: dict[str, Any]) -> StoreState:
        state = StoreState(StoreStatus.OK, last_seen_utc=document.get("last_seen_utc"))
        if int(document.get("schema_version", 1)) > SCHEMA_VERSION:
            state.problems.append(
                "The settings were saved by a newer SafeLens; only the settings this version "
                "knows are used."
            )
        for key, raw in dict(document.get("settings", {})).items():
            try:
                state.values[key] = settings.check(key, raw)
            except settings.InvalidValue as exc:
                state.problems.append(f"Setting '{key}' was ignored: {exc}.")
        for index, raw in enumerate(document.get("profiles", []), 1):
            try:
                state.profiles.append(Profile.from_json(raw))
            except (KeyError, TypeError, ValueError):
                state.status = StoreStatus.DAMAGED
                state.problems.append(
                    f"Profile {index} is damaged. Children get the strictest protection until "
                    "a guardian reviews the profiles."
                )
        if not isinstance(state.last_seen_utc, str | None):
            raise TypeError("last_seen_utc is not a time")
        bands = document.get("profile_bands", {}).items()
        state.profile_bands = {str(k): AgeBand(v).value for k, v in bands}
        return state

    def save(self, state: StoreState) -> None:
        """Write everything atomically and remember that this computer was set up."""
        for key, value in state.values.items():
            settings.check(key, value)
        document = {
            "schema_version": SCHEMA_VERSION,
            "saved_at": datetime.now(UTC).isoformat(),
            "last_seen_utc": state.last_seen_utc,
            "settings": state.values,
            "profiles": [profile.to_json() for profile in state.profiles],
            "profile_bands": state.profile_bands,
        }
        atomic_write_json(self.path, document)
        marker = self.folder / SETUP_MARKER
        if not marker.exists():
            try:
                marker.write_text(datetime.now(UTC).isoformat() + "\n", encoding="utf-8")
            except OSError as exc:
                raise StorageError(f"Could not save the set-up marker: {exc.strerror}") from exc


def _damaged(exc: Exception) -> StoreState:
    return StoreState(
        StoreStatus.DAMAGED,
        problems=[
            f"The settings file is damaged ({_short(exc)}). Children get the strictest "
            "protection until a guardian reviews the settings."
        ],
    )


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 80 else text[:77] + "..."
