"""Every kind of input through the real worker boundary: formats, bad files, crashes, hangs."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app import Kind, SensitivityAnalyzer, Status
from desktop_app.analysis import testpattern
from desktop_app.analysis.sources import PathSource
from desktop_app.analysis.verdict import AnalysisOptions
from desktop_app.analysis.worker import prefetched
from tests.helpers import media


@pytest.fixture(scope="module")
def photo() -> np.ndarray:
    return media.people_photos()["astronaut"]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("a.jpg", {"quality": 90}),
        ("a.png", {}),
        ("a.webp", {}),
        ("a.bmp", {}),
        ("a.tiff", {}),
        ("a.heic", {}),
        ("a.avif", {}),
        ("a.gif", {}),
    ],
)
def test_each_image_format_is_checked(
    analyzer: SensitivityAnalyzer, tmp_path: Path, photo: np.ndarray, name: str, params: dict
) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    path = media.save(photo, tmp_path / name, **params)
    result = analyzer.analyze_image(path)
    assert (result.status, result.kind, result.is_sensitive) == (Status.OK, Kind.IMAGE, False)
    assert result.frames_checked == 1


def test_misnamed_picture_is_checked_as_what_it_is(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "holiday.txt"
    testpattern.render().save(path, format="PNG")
    result = analyzer.analyze_file(path)
    assert result.is_sensitive and result.media_format == "png"


def test_bytes_and_pil_images_are_accepted(analyzer: SensitivityAnalyzer) -> None:
    buffer = io.BytesIO()
    testpattern.render().save(buffer, format="JPEG", quality=70)
    assert analyzer.analyze_image(buffer.getvalue()).is_sensitive
    assert analyzer.analyze_image(testpattern.render()).is_sensitive
    assert not analyzer.analyze_image(Image.new("RGB", (50, 50), "white")).is_sensitive


def test_animated_gif_and_webp_check_several_frames(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    plain = [Image.new("RGB", (320, 240), (i * 20, 100, 100)) for i in range(11)]
    frames = [*plain, testpattern.render(320, 240)]
    for suffix in ("gif", "webp"):
        path = tmp_path / f"anim.{suffix}"
        frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
        result = analyzer.analyze_image(path)
        assert result.is_sensitive, suffix
        assert result.frames_checked > 1, suffix


def test_exif_orientation_is_applied(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    """A pattern stored sideways with an EXIF 'rotate' tag is seen upright, as a viewer shows it."""
    sideways = testpattern.render().transpose(Image.Transpose.ROTATE_90)  # 90 deg anticlockwise
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation 6: turn 90 deg clockwise to display
    path = tmp_path / "rotated.jpg"
    sideways.save(path, quality=90, exif=exif)
    assert analyzer.analyze_image(path).is_sensitive


# -- bad input: each gets a status, a specific reason, and the worker survives ----------


def _check(analyzer: SensitivityAnalyzer, path: Path) -> tuple[Status, str]:
    result = analyzer.analyze_file(path)
    assert not result.is_sensitive
    assert result.reason
    return result.status, result.reason


def test_zero_byte_file(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    (path := tmp_path / "empty.jpg").write_bytes(b"")
    assert _check(analyzer, path) == (Status.UNREADABLE, "The file is empty (0 bytes).")


def test_truncated_jpeg(analyzer: SensitivityAnalyzer, tmp_path: Path, photo: np.ndarray) -> None:
    data = media.save(photo, tmp_path / "full.jpg").read_bytes()
    (path := tmp_path / "half.jpg").write_bytes(data[: len(data) // 2])
    status, reason = _check(analyzer, path)
    assert status is Status.UNREADABLE and "incomplete" in reason


def test_truncated_png(analyzer: SensitivityAnalyzer, tmp_path: Path, photo: np.ndarray) -> None:
    data = media.save(photo, tmp_path / "full.png").read_bytes()
    (path := tmp_path / "half.png").write_bytes(data[: len(data) // 3])
    status, reason = _check(analyzer, path)
    assert status is Status.UNREADABLE and ("incomplete" in reason or "damaged" in reason)


def test_corrupt_jpeg(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    (path := tmp_path / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(5000))
    status, reason = _check(analyzer, path)
    assert status is Status.UNREADABLE and "JPEG" in reason


def test_huge_dimensions_are_refused_before_decoding(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    (path := tmp_path / "bomb.png").write_bytes(media.png_header_only(100_000, 100_000))
    status, reason = _check(analyzer, path)
    assert status is Status.UNREADABLE and "too large" in reason and "130 megapixels" in reason


def test_real_decompression_bomb(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    """A 20000x10000 PNG of one colour is tiny on disk but 200 megapixels."""
    path = tmp_path / "bomb2.png"
    Image.new("1", (20_000, 10_000)).save(path)
    assert path.stat().st_size < 100_000
    status, reason = _check(analyzer, path)
    assert status is Status.UNREADABLE and "too large" in reason


def test_misnamed_text(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    """Text cannot show a picture, whatever its name: nothing to check, and the name is told."""
    (path := tmp_path / "photo.jpeg").write_text("Not a picture at all\n")
    result = analyzer.analyze_file(path)
    assert result.status is Status.OK and result.nothing_to_check
    assert "named like a picture" in str(result.reason)


def test_polyglot(
    analyzer: SensitivityAnalyzer, plain_analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    """A 'PDF' that is really a picture: found by its signature and checked, never let through."""
    buffer = io.BytesIO()
    testpattern.render().save(buffer, format="PNG")
    (path := tmp_path / "doc.png").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n" + buffer.getvalue())
    result = analyzer.analyze_file(path)
    assert result.is_sensitive and result.kind is Kind.DOCUMENT
    assert result.member is not None and "picture at byte" in result.member
    plain = plain_analyzer.analyze_file(path)  # test mode off: the picture is clean ...
    assert plain.status is Status.UNREADABLE and not plain.is_sensitive  # ... the PDF damaged


def test_missing_file(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    status, reason = _check(analyzer, tmp_path / "gone.jpg")
    assert status is Status.UNREADABLE and "not there" in reason


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside the worker (root, as in CI, can read anything, so the refusal is simulated)."""
    from desktop_app.analysis import checking

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    result = checking.check(PathSource(str(tmp_path / "private.png")), AnalysisOptions(), None)  # type: ignore[arg-type]
    assert result.status is Status.UNREADABLE
    assert result.reason == "SafeLens isn't allowed to read this file."


def test_folder_given_as_a_file(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    assert _check(analyzer, tmp_path) == (Status.UNSUPPORTED, "This is a folder, not a file.")


# -- a file that kills or hangs the worker is answered, and the next file is checked ----


def _then_still_works(analyzer: SensitivityAnalyzer, tmp_path: Path) -> None:
    path = tmp_path / "after.png"
    testpattern.write_image(path)
    assert analyzer.analyze_image(path).is_sensitive


@pytest.mark.slow  # crashes or hangs the worker; waits for its restart
def test_worker_crash_is_answered_and_recovered(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    (path := tmp_path / "evil.jpg").write_bytes(b"SAFELENS-FAULT:crash")
    result = analyzer.analyze_file(path)
    assert result.status is Status.UNREADABLE
    assert "checker stopped" in (result.reason or "")
    _then_still_works(analyzer, tmp_path)


@pytest.mark.slow  # crashes or hangs the worker; waits for its restart
def test_worker_hang_times_out_and_recovers(tmp_path: Path) -> None:
    (path := tmp_path / "slow.jpg").write_bytes(b"SAFELENS-FAULT:hang")
    with SensitivityAnalyzer(test_pattern=True, workers=1, image_timeout_s=3) as analyzer:
        result = analyzer.analyze_image(path)
        assert result.status is Status.TIMEOUT
        assert "too long" in (result.reason or "")
        _then_still_works(analyzer, tmp_path)


@pytest.mark.slow  # crashes or hangs the worker; waits for its restart
def test_many_files_with_faults_in_between_are_all_answered(
    analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    paths = []
    for index in range(6):
        good = tmp_path / f"good{index}.png"
        testpattern.write_image(good, 256, 192)
        bad = tmp_path / f"bad{index}.jpg"
        bad.write_bytes(b"SAFELENS-FAULT:exit" if index % 2 else b"SAFELENS-FAULT:crash")
        paths += [good, bad]
    results = [f.result() for f in [analyzer.submit_file(p) for p in paths]]
    assert [r.is_sensitive for r in results[::2]] == [True] * 6
    assert {r.status for r in results[1::2]} == {Status.UNREADABLE}


@pytest.mark.slow  # its own worker processes, made to fail while starting
def test_a_worker_that_dies_while_starting_is_started_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = tmp_path / "deaths"
    counter.write_text("2")  # the first two starts die
    monkeypatch.setenv("SAFELENS_WORKER_START_FAILURES_FILE", str(counter))
    with SensitivityAnalyzer(test_pattern=True, workers=1) as analyzer:
        assert analyzer.analyze_image(testpattern.render()).is_sensitive
    assert counter.read_text() == "0"


@pytest.mark.slow  # its own worker processes, made to fail while starting
def test_start_failures_fail_one_check_not_the_analyzer_for_good(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app import AnalyzerUnavailable

    counter = tmp_path / "deaths"
    counter.write_text("6")  # 3 tries at the eager start, 3 for the first check, then fine
    monkeypatch.setenv("SAFELENS_WORKER_START_FAILURES_FILE", str(counter))
    with SensitivityAnalyzer(test_pattern=True, workers=1) as analyzer:
        with pytest.raises(AnalyzerUnavailable, match="stopped while starting"):
            analyzer.analyze_image(testpattern.render())
        assert analyzer.analyze_image(testpattern.render()).is_sensitive


def _numbered_frames(count: int) -> list[np.ndarray]:
    return [np.full((2, 2, 3), i, dtype=np.uint8) for i in range(count)]


def test_prefetched_frames_arrive_all_and_in_order() -> None:
    got = [int(frame[0, 0, 0]) for frame in prefetched(iter(_numbered_frames(7)))]
    assert got == list(range(7))


@pytest.mark.parametrize("count", [1, 2, 3, 4, 10])
def test_stopping_at_the_first_frame_never_leaves_the_decoder_stuck(count: int) -> None:
    decoded_all = threading.Event()

    def source() -> Iterator[np.ndarray]:
        yield from _numbered_frames(count)
        decoded_all.set()

    frames = prefetched(source())
    assert int(next(frames)[0, 0, 0]) == 0  # e.g. the first frame was sensitive
    if count <= 3:  # the decoder finishes (two frames waiting) before the check stops
        assert decoded_all.wait(timeout=60)
    closing = threading.Thread(target=frames.close, daemon=True)
    closing.start()
    closing.join(timeout=60)  # a hang detector, not a timing assertion
    assert not closing.is_alive(), "the worker would hang until the supervisor kills it"


def test_a_decoder_error_reaches_the_check() -> None:
    def broken() -> Iterator[np.ndarray]:
        yield from _numbered_frames(1)
        raise ValueError("damaged")

    frames = prefetched(broken())
    next(frames)
    with pytest.raises(ValueError, match="damaged"):
        next(frames)
