"""`safelens contacts import`: the sanitised copy is stored, output holds no names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop_app.surfaces.contacts_store import ContactsStore
from tests.helpers import vcards
from tests.helpers.cli import safelens

# Each test runs the `safelens` command as a subprocess (it loads the models).
pytestmark = pytest.mark.slow


def test_import_hides_the_pattern_for_a_child_and_prints_no_names(tmp_path: Path) -> None:
    chosen = tmp_path / "friends.vcf"
    text = vcards.card30("Sam Secret", vcards.pattern_png()) + vcards.card40("Ann Other")
    chosen.write_bytes(text.encode())
    result = safelens(
        "contacts", "import", chosen, "--json", "--test-pattern", "--age-band", "under13"
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["cards"] == report["imported"] == 2
    assert report["replaced"] == report["sensitive"] == 1
    assert report["contacts"][0]["images"][0]["verdict"] == "sensitive"
    assert len(report["quarantine_ids"]) == 1
    assert "Sam" not in result.stdout and "Ann" not in result.stdout
    assert chosen.read_bytes() == text.encode()
    store = ContactsStore(Path(os.environ["SAFELENS_HOME"]) / "contacts")
    assert [(c.name, c.photo_hidden) for c in store.contacts()] == [
        ("Ann Other", False),
        ("Sam Secret", True),
    ]
    listed = safelens("contacts", "list", "--json")
    assert json.loads(listed.stdout) == {"contacts": 2, "photos_hidden": 1}


def test_import_of_a_file_without_cards_is_a_usage_error(tmp_path: Path) -> None:
    chosen = tmp_path / "nothing.vcf"
    chosen.write_text("hello\n")
    result = safelens("contacts", "import", chosen)
    assert result.returncode == 2 and "no contact cards" in result.stderr
    assert result.stdout == ""
