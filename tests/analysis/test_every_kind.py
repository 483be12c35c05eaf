"""Issue 9's "done means": every kind that can show a picture is checked, end to end.

For each kind in ``tests.helpers.carriers.KINDS`` the carrier of the admin test pattern
is reported sensitive (naming the member, for containers) and its benign twin is checked
clean; files that cannot show a picture are "nothing to check" (a text-only PDF is
checked: its page is rendered); hostile containers get a specific reason quickly, leave
nothing behind, and the checker still works afterwards.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app import SensitivityAnalyzer
from desktop_app.analysis.verdict import Analysis, Status
from tests.helpers import carriers
from tests.helpers.carriers import KINDS

# Every kind end to end: ~100 files built, each checked by the real worker and models.
pytestmark = pytest.mark.slow

# Generous: the per-check budget is 20 s; the machine running the suite may be busy.
HOSTILE_LIMIT_S = 60.0


@pytest.fixture(scope="module")
def carrier_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return carriers.build_all(carriers.pattern_picture(), tmp_path_factory.mktemp("carriers"))


@pytest.fixture(scope="module")
def twin_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return carriers.build_all(carriers.twin_picture(), tmp_path_factory.mktemp("twins"))


@pytest.fixture(scope="module")
def no_picture(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return carriers.no_picture_files(tmp_path_factory.mktemp("no-picture"))


def summary(result: Analysis) -> str:
    """What a failing assertion should show: the whole verdict but the pixels."""
    return (
        f"kind={result.kind} status={result.status} sensitive={result.is_sensitive} "
        f"frames={result.frames_checked} format={result.media_format} "
        f"member={result.member!r} reason={result.reason!r}"
    )


def files_in(folder: Path) -> set[Path]:
    """Every file under ``folder`` (folders themselves come and go with worker restarts)."""
    return {path for path in folder.rglob("*") if not path.is_dir()}


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_carrier_of_the_pattern_is_sensitive(
    analyzer: SensitivityAnalyzer, carrier_files: dict[str, Path], kind: str
) -> None:
    expected = KINDS[kind]
    result = analyzer.analyze_file(carrier_files[kind])
    assert result.status is Status.OK and result.is_sensitive, summary(result)
    if expected.member is not None:
        assert result.member is not None and expected.member in result.member, summary(result)
    assert result.kind is expected.kind, summary(result)


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_benign_twin_is_clean(
    analyzer: SensitivityAnalyzer, twin_files: dict[str, Path], kind: str
) -> None:
    result = analyzer.analyze_file(twin_files[kind])
    assert result.status is Status.OK and not result.is_sensitive, summary(result)
    assert result.frames_checked >= 1, summary(result)
    assert result.kind is KINDS[kind].kind, summary(result)


@pytest.mark.parametrize("name", ["text", "csv", "wav", "m4a", "zip_of_text", "docx_text_only"])
def test_a_file_that_cannot_show_a_picture_has_nothing_to_check(
    analyzer: SensitivityAnalyzer, no_picture: dict[str, Path], name: str
) -> None:
    result = analyzer.analyze_file(no_picture[name])
    assert result.nothing_to_check, summary(result)


def test_a_text_only_pdf_is_checked_clean(
    analyzer: SensitivityAnalyzer, no_picture: dict[str, Path]
) -> None:
    # Not "nothing to check": text can be filled with a pattern that paints an image, so
    # every PDF page with anything on it is rendered and looked at.
    result = analyzer.analyze_file(no_picture["pdf_text_only"])
    assert result.status is Status.OK and not result.is_sensitive, summary(result)
    assert result.frames_checked >= 1, summary(result)


# -- hostile containers -----------------------------------------------------------------------


def _recursive(path: Path) -> Path:
    return carriers.nested_zips(path, carriers.pattern_picture(), levels=10)


HOSTILE: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # name: (builder, file name, what the reason must say, as a regular expression)
    "zip_bomb": (carriers.zip_bomb, "bomb.zip", r"zip bomb|packed|too large|too much|grew"),
    "recursive_zip": (_recursive, "r.zip", r"levels deep|inside each other|nested"),
    "pdf_10000_images": (
        carriers.pdf_of_many_images,
        "many.pdf",
        r"too many|10,000|too long|too much",
    ),
    "svg_billion_laughs": (
        carriers.svg_billion_laughs,
        "laughs.svg",
        r"entit|expand|too large|too long|too much|too big",
    ),
    "svg_huge": (carriers.svg_huge, "huge.svg", r"too large|too big|size|pixels|dimension"),
}


@pytest.fixture(scope="module")
def isolated(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SensitivityAnalyzer, Path]]:
    """An analyzer whose every temporary file goes to a folder of its own, to watch it.

    The supervisor makes each worker's scratch folder there (``tempfile.tempdir``), and
    the spawned workers' own temporary files go there too (``TMPDIR``); other suites
    running at the same time never write there.
    """
    private = tmp_path_factory.mktemp("worker-tmp")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TMPDIR", str(private))
        patch.setattr(tempfile, "tempdir", str(private))
        with SensitivityAnalyzer(test_pattern=True, workers=1) as checker:
            yield checker, private


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_container_gets_a_specific_reason_quickly(
    isolated: tuple[SensitivityAnalyzer, Path], tmp_path: Path, name: str
) -> None:
    analyzer, private_tmp = isolated
    build, file_name, says = HOSTILE[name]
    path = build(tmp_path / file_name)
    plain = carriers.plain_jpeg(tmp_path / "plain.jpg")
    analyzer.analyze_file(plain)  # the workers are running (and made their folders)
    before = files_in(private_tmp)  # onnxruntime's '.ses' (its telemetry session id)

    started = time.monotonic()
    result = analyzer.analyze_file(path)
    elapsed = time.monotonic() - started

    assert result.could_not_check and not result.is_sensitive, summary(result)
    assert result.reason and re.search(says, result.reason, re.IGNORECASE), summary(result)
    assert elapsed < HOSTILE_LIMIT_S, f"{elapsed:.1f} s; {summary(result)}"
    after = analyzer.analyze_file(plain)  # the checker still works
    assert after.status is Status.OK and not after.is_sensitive, summary(after)
    assert after.frames_checked == 1, summary(after)
    assert files_in(private_tmp) == before  # nothing left behind


def test_checking_carriers_leaves_no_temporary_file(
    isolated: tuple[SensitivityAnalyzer, Path], carrier_files: dict[str, Path]
) -> None:
    analyzer, private_tmp = isolated
    kinds = ["7z", "rar_stored", "video_in_zip", "zip_in_tar_gz", "pdf", "svg_drawing", "eml"]
    kinds += ["docx", "mpeg_ts", "jpeg_xl", "psd"]
    analyzer.analyze_file(carrier_files["zip"])  # the workers are running
    before = files_in(private_tmp)
    for kind in kinds:
        result = analyzer.analyze_file(carrier_files[kind])
        assert result.is_sensitive, f"{kind}: {summary(result)}"
        assert files_in(private_tmp) == before, kind
    assert [p.name for p in private_tmp.iterdir() if p.name.startswith("safelens-worker-")]
