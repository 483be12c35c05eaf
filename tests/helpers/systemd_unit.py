"""The keys of packaging/linux/safelens.service, as systemd reads them."""

from __future__ import annotations

from pathlib import Path

UNIT = Path(__file__).resolve().parents[2] / "packaging" / "linux" / "safelens.service"


def directives(unit: Path = UNIT) -> dict[str, list[str]]:
    """Each key's values in order (systemd allows a key more than once)."""
    found: dict[str, list[str]] = {}
    for raw in unit.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        found.setdefault(key.strip(), []).append(value.strip())
    return found
