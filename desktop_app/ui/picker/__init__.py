"""The safe file picker: QFileDialog's open-file API, thumbnails checked first (docs/picker.md)."""

from __future__ import annotations

from .checks import CheckCache
from .dialog import SafeFileDialog

__all__ = ["CheckCache", "SafeFileDialog"]
