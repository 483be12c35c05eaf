"""Qt-free: 'is this image or video sensitive?' — decoding and models run in a worker.

onnxruntime (1.29 and later) starts a telemetry uploader on Linux and macOS when it is
first imported, writing a device id under the user's home; only an environment variable
set before that import stops it. It is set here, before anything can import onnxruntime,
and inherited by the worker processes: nothing is ever sent anywhere.
"""

import os

for _name in ("ORT_DISABLE_TELEMETRY", "ORT_TELEMETRY_DISABLED"):
    os.environ[_name] = "1"  # forced, never a default a caller's environment could undo
