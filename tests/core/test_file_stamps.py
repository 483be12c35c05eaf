"""A value read from files is read again exactly when one of the files changed."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.core.file_stamps import ReadOnChange, file_stamp


class Reader:
    """Reads a folder's *.json files, counting how often it really reads."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.reads = folder, 0

    def files(self) -> list[Path]:
        return [self.folder, *sorted(self.folder.glob("*.json"))]

    def read(self) -> dict[str, str]:
        self.reads += 1
        return {p.name: p.read_text() for p in sorted(self.folder.glob("*.json"))}


def test_read_once_while_nothing_changes(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("1")
    reader = Reader(tmp_path)
    kept = ReadOnChange(reader.read, reader.files)
    assert [kept() for _ in range(50)] == [{"a.json": "1"}] * 50
    assert reader.reads == 1


def test_every_kind_of_change_is_seen_on_the_next_call(tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    first.write_text("1")
    reader = Reader(tmp_path)
    kept = ReadOnChange(reader.read, reader.files)
    assert kept() == {"a.json": "1"}
    # an atomic save of the same size with the old times: only the inode differs
    before = os.stat(first)
    (tmp_path / "new.tmp").write_text("2")
    os.utime(tmp_path / "new.tmp", ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(tmp_path / "new.tmp", first)
    assert kept() == {"a.json": "2"}
    # an edit in place (another size), its mtime put back
    before = os.stat(first)
    first.write_text("33")
    os.utime(first, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert kept() == {"a.json": "33"}
    (tmp_path / "b.json").write_text("4")  # a file added
    assert kept() == {"a.json": "33", "b.json": "4"}
    first.unlink()  # a file removed
    assert kept() == {"b.json": "4"}
    assert reader.reads == 5


def test_no_files_to_watch_means_read_every_time(tmp_path: Path) -> None:
    reader = Reader(tmp_path)
    kept = ReadOnChange(reader.read, lambda: None)
    kept()
    kept()
    assert reader.reads == 2


def test_a_missing_file_has_no_stamp(tmp_path: Path) -> None:
    assert file_stamp(tmp_path / "none") is None
    (tmp_path / "here").write_text("x")
    assert file_stamp(tmp_path / "here") is not None
