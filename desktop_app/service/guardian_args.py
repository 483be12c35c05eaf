"""The guardian ops' arguments, checked before anything is read or changed (bounded sizes)."""

from __future__ import annotations

from typing import Any

from desktop_app.policy import settings
from desktop_app.policy.guardian import MAX_SECRET_CHARS

from .first_setup import ChildEntry, SetupPlan

MAX_NAME_CHARS = 200
MAX_CHILDREN = 50


class BadGuardianArguments(ValueError):  # noqa: N818 - what the session is told
    """An argument of a guardian op is missing or of the wrong type or size."""


def text(request: dict[str, Any], name: str, limit: int) -> str:
    value = request.get(name)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise BadGuardianArguments(f"'{name}' must be text of 1 to {limit} characters.")
    return value


def setting_key(request: dict[str, Any]) -> str:
    key = text(request, "key", MAX_NAME_CHARS)
    if key not in settings.BY_KEY:
        raise BadGuardianArguments("'key' is not a SafeLens setting.")
    return key


def sha256(request: dict[str, Any]) -> str:
    value = text(request, "sha256", 64)
    if len(value) != 64 or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise BadGuardianArguments("'sha256' must be a SHA-256 digest in hex.")
    return value.lower()


def setup_plan(request: dict[str, Any]) -> SetupPlan:
    children = request.get("children", [])
    adults = request.get("trusted_adults", [])
    if not isinstance(children, list) or len(children) > MAX_CHILDREN:
        raise BadGuardianArguments(f"'children' must be a list of at most {MAX_CHILDREN}.")
    if not isinstance(adults, list) or len(adults) > MAX_CHILDREN:
        raise BadGuardianArguments(f"'trusted_adults' must be a list of at most {MAX_CHILDREN}.")
    entries = []
    for child in children:
        if not isinstance(child, dict) or type(child.get("birth_year")) is not int:
            raise BadGuardianArguments("Each child needs a name, an account and a birth year.")
        name = text(child, "name", MAX_NAME_CHARS)
        entries.append(
            ChildEntry(name, text(child, "os_user", MAX_NAME_CHARS), child["birth_year"])
        )
    people = []
    for person in adults:
        if not isinstance(person, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_NAME_CHARS
            for k, v in person.items()
        ):
            raise BadGuardianArguments("Each trusted adult must be a set of short texts.")
        people.append(dict(person))
    return SetupPlan(text(request, "pin", MAX_SECRET_CHARS), tuple(entries), tuple(people))
