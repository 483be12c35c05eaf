"""The `safelens` command's contract, run as a user would run it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from desktop_app import __version__
from desktop_app.analysis import testpattern
from tests.helpers import media
from tests.helpers.cli import safelens

# Each test runs the `safelens` command as a subprocess (it loads the models).
pytestmark = pytest.mark.slow

KEYS = [
    "path",
    "kind",
    "status",
    "sensitive",
    "score",
    "reason",
    "frames_checked",
    "elapsed_ms",
    "member",
]


def lines(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ordinary photos, the test pattern (full, half-size JPEG, video) and broken files."""
    root = tmp_path_factory.mktemp("inbox")
    photos = media.people_photos()
    media.save(photos["astronaut"], root / "astronaut.jpg", quality=90)
    media.save(photos["cameraman"], root / "cameraman.png")
    testpattern.write_image(root / "pattern.png")
    half = testpattern.render().resize((512, 384))
    half.save(root / "pattern-half.jpg", quality=75)
    testpattern.write_video(root / "pattern.mp4", seconds=3)
    (root / "empty.jpg").write_bytes(b"")
    (root / "notes.jpg").write_text("a text file with a picture's name\n")
    nested = root / "nested"
    nested.mkdir()
    media.save(photos["astronaut"], nested / "deep.webp")
    return root


def test_version() -> None:
    result = safelens("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"safelens {__version__}"


def test_ordinary_photos_are_clean_exit_0(folder: Path) -> None:
    result = safelens("check", "--json", folder / "astronaut.jpg", folder / "cameraman.png")
    assert result.returncode == 0, result.stderr
    records = lines(result)
    assert [r["sensitive"] for r in records] == [False, False]
    for record in records:
        assert list(record) == KEYS
        assert record["status"] == "ok" and record["kind"] == "image"
        assert record["reason"] is None and record["frames_checked"] == 1
        assert 0.0 <= float(record["score"]) <= 1.0  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["pattern.png", "pattern-half.jpg", "pattern.mp4"])
def test_test_pattern_is_sensitive_in_test_mode_exit_1(folder: Path, name: str) -> None:
    result = safelens("check", "--json", "--test-pattern", folder / name)
    assert result.returncode == 1, result.stderr
    (record,) = lines(result)
    assert record["sensitive"] is True and record["status"] == "ok"
    assert record["kind"] == ("video" if name.endswith(".mp4") else "image")
    assert "test pattern" in str(record["reason"])


def test_test_pattern_is_not_sensitive_without_test_mode(folder: Path) -> None:
    result = safelens("check", "--json", folder / "pattern.png", folder / "pattern.mp4")
    assert result.returncode == 0, result.stderr
    assert [r["sensitive"] for r in lines(result)] == [False, False]


def test_unchecked_files_give_exit_4_with_specific_reasons(folder: Path, tmp_path: Path) -> None:
    from tests.helpers.media import png_header_only

    photo = (folder / "astronaut.jpg").read_bytes()
    (tmp_path / "truncated.jpg").write_bytes(photo[: len(photo) // 2])
    (tmp_path / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    (tmp_path / "huge.png").write_bytes(png_header_only(100_000, 100_000))
    (tmp_path / "polyglot.png").write_bytes(b"%PDF-1.4\n" + (folder / "pattern.png").read_bytes())
    bad = ["truncated.jpg", "corrupt.jpg", "huge.png", "polyglot.png"]
    result = safelens(
        "check",
        "--json",
        folder / "empty.jpg",
        folder / "notes.jpg",
        folder / "astronaut.jpg",
        folder / "missing.png",
        *(tmp_path / name for name in bad),
    )
    assert result.returncode == 4, result.stderr
    by_name = {Path(str(r["path"])).name: r for r in lines(result)}
    expected = {
        "empty.jpg": ("unreadable", "empty"),
        "notes.jpg": ("ok", "named like a picture"),
        "missing.png": ("unreadable", "not there"),
        "truncated.jpg": ("unreadable", "incomplete"),
        "corrupt.jpg": ("unreadable", "damaged"),
        "huge.png": ("unreadable", "too large"),
        "polyglot.png": ("unreadable", "PDF"),
    }
    for name, (status, words) in expected.items():
        assert by_name[name]["status"] == status, name
        assert words in str(by_name[name]["reason"]), name
        assert by_name[name]["sensitive"] is False
    assert by_name["astronaut.jpg"]["status"] == "ok"


def test_a_folder_means_its_files_and_recursive_descends(folder: Path) -> None:
    flat = {Path(str(r["path"])).name for r in lines(safelens("check", "--json", folder))}
    assert "deep.webp" not in flat and "pattern.mp4" in flat and len(flat) == 7
    deep = lines(safelens("check", "--json", "--recursive", "--test-pattern", folder))
    names = {Path(str(r["path"])).name for r in deep}
    assert names == flat | {"deep.webp"}


def test_sensitive_wins_over_unchecked_for_the_exit_code(folder: Path) -> None:
    result = safelens("check", "--json", "--test-pattern", folder)
    assert result.returncode == 1


def test_readable_table_without_json(folder: Path) -> None:
    result = safelens("check", "--test-pattern", folder / "pattern.png", folder / "empty.jpg")
    assert result.returncode == 1
    out = result.stdout
    assert "SENSITIVE" in out and "NOT CHECKED (unreadable)" in out and "empty (0 bytes)" in out


def test_strictness_is_accepted_and_validated(folder: Path) -> None:
    ok = safelens("check", "--json", "--strictness", "strict", folder / "astronaut.jpg")
    assert ok.returncode == 0 and lines(ok)[0]["sensitive"] is False
    bad = safelens("check", "--strictness", "extreme", folder / "astronaut.jpg")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_usage_errors_exit_2() -> None:
    assert safelens("check").returncode == 2
    assert safelens("frobnicate").returncode == 2
    assert safelens("test-pattern").returncode == 2


def test_test_pattern_command_writes_files_that_are_then_flagged(tmp_path: Path) -> None:
    result = safelens("test-pattern", "--image", tmp_path / "p.jpg", "--video", tmp_path / "p.mp4")
    assert result.returncode == 0, result.stderr
    with Image.open(tmp_path / "p.jpg") as image:
        assert image.size == (1024, 768)
    checked = safelens("check", "--json", "--test-pattern", tmp_path)
    assert checked.returncode == 1
    assert [r["sensitive"] for r in lines(checked)] == [True, True]


def test_altered_models_exit_3_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In-process, with the analyzer pointed at altered weights (no switch for that exists
    outside tests, so a child cannot swap the models)."""
    from desktop_app import SensitivityAnalyzer, cli
    from tests.helpers.models import tampered_manifest

    tampered = tampered_manifest(tmp_path)
    monkeypatch.setattr(
        cli.check,
        "SensitivityAnalyzer",
        lambda *a, **k: SensitivityAnalyzer(*a, **k, manifest=tampered),
    )
    media.save(media.people_photos()["astronaut"], tmp_path / "a.jpg")
    code = cli.run(["check", "--json", str(tmp_path / "a.jpg")], __version__)
    out, err = capsys.readouterr()
    assert code == 3
    assert "integrity check" in err and out == ""
