"""A tiny ONNX model with NudeNet 320n's input/output shape that flags a marker colour.

It lets the suite drive the real onnxruntime path and the real post-processing to a
positive verdict without any explicit image: a frame that is mostly magenta
(red and blue high, green low) scores high for FEMALE_BREAST_EXPOSED in one box.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from desktop_app.analysis.models import DEFAULT_MANIFEST

ANCHORS = 40 * 40 + 20 * 20 + 10 * 10  # YOLOv8 heads at strides 8, 16, 32 on 320x320
FLAGGED_LABEL = "FEMALE_BREAST_EXPOSED"
MARKER_RGB = (255, 0, 255)
BOX = (160.0, 120.0, 160.0, 120.0)  # centre x, centre y, width, height in model pixels


def build_detector(labels: list[str]) -> onnx.ModelProto:
    rows = 4 + len(labels)
    class_mask = np.zeros((1, rows, ANCHORS), dtype=np.float32)
    class_mask[0, 4 + labels.index(FLAGGED_LABEL), 0] = 1.0
    boxes = np.zeros((1, rows, ANCHORS), dtype=np.float32)
    boxes[0, :4, :] = np.array(BOX, dtype=np.float32)[:, None]
    nodes = [
        helper.make_node("Split", ["images", "split"], ["r", "g", "b"], axis=1),
        helper.make_node("Sub", ["one", "g"], ["not_g"]),
        helper.make_node("Mul", ["r", "b"], ["rb"]),
        helper.make_node("Mul", ["rb", "not_g"], ["marker"]),
        helper.make_node("ReduceMean", ["marker"], ["mean"], axes=[1, 2, 3], keepdims=1),
        helper.make_node("Reshape", ["mean", "shape"], ["score"]),
        helper.make_node("Mul", ["score", "class_mask"], ["scores"]),
        helper.make_node("Add", ["scores", "boxes"], ["output0"]),
    ]
    initializers = [
        numpy_helper.from_array(np.array([1, 1, 1], dtype=np.int64), "split"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one"),
        numpy_helper.from_array(np.array([-1, 1, 1], dtype=np.int64), "shape"),
        numpy_helper.from_array(class_mask, "class_mask"),
        numpy_helper.from_array(boxes, "boxes"),
    ]
    graph = helper.make_graph(
        nodes,
        "synthetic-detector",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, ["batch", 3, "h", "w"])],
        [helper.make_tensor_value_info("output0", TensorProto.FLOAT, ["batch", rows, ANCHORS])],
        initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def write_manifest(folder: Path) -> Path:
    """A manifest whose detector is the synthetic model and whose classifier is the real one."""
    manifest = json.loads(DEFAULT_MANIFEST.read_text(encoding="utf-8"))
    detector = manifest["models"]["detector"]
    model_path = folder / "synthetic-detector.onnx"
    model_path.write_bytes(build_detector(detector["labels"]).SerializeToString())
    detector.update(
        title="Synthetic marker-colour detector (tests only)",
        path=model_path.name,
        sha256=hashlib.sha256(model_path.read_bytes()).hexdigest(),
    )
    for key in ("package", "version", "file"):
        detector.pop(key)
    target = folder / "manifest.json"
    target.write_text(json.dumps(manifest), encoding="utf-8")
    return target
