"""Where SafeLens keeps its per-machine data, and how it writes files without losing them.

Every write is atomic: a temporary file in the same folder, flushed and fsynced,
then renamed over the old one, so a crash or a full disk leaves either the old
file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

HOME_ENV = "SAFELENS_HOME"


class StorageError(Exception):
    """A file SafeLens needs could not be written (full disk, no permission...)."""


def data_dir() -> Path:
    """SAFELENS_HOME if set (tests, portable installs), else the per-machine data folder.

    The per-machine folder (e.g. /usr/local/share/SafeLens, C:\\ProgramData\\SafeLens)
    is used when it exists or can be made; otherwise, on a machine where SafeLens was
    installed without administrator rights, the user's own data folder.
    """
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    import platformdirs

    machine = Path(platformdirs.site_data_dir("SafeLens", appauthor=False))
    if machine.is_dir() or _can_create(machine):
        return machine
    return Path(platformdirs.user_data_dir("SafeLens", appauthor=False))


def _can_create(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return True


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` atomically (temp file, fsync, rename, fsync folder)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:  # no permission, a file where the folder should be, a full disk
        raise StorageError(f"Could not save {path.name}: {exc.strerror or exc}") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise StorageError(f"Could not save {path.name}: {exc.strerror or exc}") from exc
    _fsync_dir(path.parent)


def atomic_write_json(path: Path, value: Any, mode: int = 0o644) -> None:
    """Readable UTF-8; a file name that is not UTF-8 (``os.fsdecode``'s surrogates) is
    written as JSON escapes instead, and reads back as the same name."""
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        data = (json.dumps(value, indent=2, sort_keys=True, ensure_ascii=True) + "\n").encode()
    atomic_write_bytes(path, data, mode)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_json(path: Path) -> Any:
    """The parsed file, None when absent; ValueError when it cannot be trusted."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(str(exc)) from exc
    return json.loads(text)
