"""Model manifests for the tests: the shipped detector with one byte of its weights flipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from desktop_app.analysis.models import DEFAULT_MANIFEST, load_manifest


def tampered_manifest(tmp_path: Path) -> Path:
    manifest = json.loads(DEFAULT_MANIFEST.read_text(encoding="utf-8"))
    detector = manifest["models"]["detector"]
    copy = tmp_path / "320n.onnx"
    shutil.copyfile(load_manifest()["detector"].locate(), copy)
    with copy.open("r+b") as handle:  # flip one byte in the middle of the weights
        handle.seek(copy.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    for key in ("package", "version", "file"):
        detector.pop(key)
    detector["path"] = copy.name
    target = tmp_path / "manifest.json"
    target.write_text(json.dumps(manifest), encoding="utf-8")
    return target
