"""Tiny OLE2 compound files (the container of .doc/.xls/.ppt/.msg), written by hand.

olefile only reads. This writes the simplest valid layout (version 3, 512-byte sectors,
FAT sectors listed in the header, no mini stream: every stream is padded to 4096 bytes),
enough to test what SafeLens finds inside such files without shipping an Office document.
"""

from __future__ import annotations

import itertools
import struct

SECTOR = 512
END, FREE, FAT_SECTOR, NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
MINI_CUTOFF = 4096


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams``; "storage/name" puts a stream in a storage."""
    tree: dict[str, dict[str, bytes] | bytes] = {}
    for path, data in streams.items():
        storage, _, name = path.rpartition("/")
        if storage:
            folder = tree.setdefault(storage, {})
            assert isinstance(folder, dict)
            folder[name] = data
        else:
            tree[name] = data
    entries: list[dict[str, object]] = [{"name": "Root Entry", "type": 5}]
    entries[0]["child"] = _add(entries, tree)
    directory_sectors = -(-len(entries) * 128 // SECTOR)
    stream_sectors = [-(-max(len(_data(e)), MINI_CUTOFF) // SECTOR) for e in entries if _data(e)]
    used = directory_sectors + sum(stream_sectors)
    fat_sectors = -(-(used + -(-used // 127)) // (SECTOR // 4))
    assert fat_sectors <= 109, "too large for a header-only DIFAT"
    fat = [FAT_SECTOR] * fat_sectors
    fat += [*range(len(fat) + 1, len(fat) + directory_sectors), END]
    payload = b""
    for entry in entries:
        data = _data(entry)
        if not data:
            continue
        data = data.ljust(MINI_CUTOFF, b"\x00")
        entry["data"], entry["start"] = data, len(fat)
        count = -(-len(data) // SECTOR)
        fat += [*range(len(fat) + 1, len(fat) + count), END]
        payload += data.ljust(count * SECTOR, b"\x00")
    slots = fat_sectors * SECTOR // 4
    fat_bytes = struct.pack(f"<{slots}I", *fat, *[FREE] * (slots - len(fat)))
    directory = b"".join(_entry(e) for e in entries).ljust(directory_sectors * SECTOR, b"\x00")
    return _header(fat_sectors) + fat_bytes + directory + payload


def _data(entry: dict[str, object]) -> bytes:
    data = entry.get("data")
    return data if isinstance(data, bytes) else b""


def _add(entries: list[dict[str, object]], tree: dict[str, dict[str, bytes] | bytes]) -> int:
    """Append the entries of one storage level as a chain of right siblings; its first id."""
    ids: list[int] = []
    for name in sorted(tree, key=lambda n: (len(n), n.upper())):
        value = tree[name]
        entry: dict[str, object] = {"name": name}
        entries.append(entry)
        ids.append(len(entries) - 1)
        if isinstance(value, dict):
            entry["type"] = 1
            entry["child"] = _add(entries, dict(value))
        else:
            entry["type"] = 2
            entry["data"] = value
    for left, right in itertools.pairwise(ids):
        entries[left]["right"] = right
    return ids[0] if ids else NONE


def _entry(entry: dict[str, object]) -> bytes:
    name = str(entry["name"]).encode("utf-16-le") + b"\x00\x00"
    data = entry.get("data")
    size = len(data) if isinstance(data, bytes) else 0
    start = int(entry.get("start", END if not size else 0))  # type: ignore[call-overload]
    return struct.pack(
        "<64sHBBIII16sIQQIII",
        name,
        len(name),
        int(entry["type"]),  # type: ignore[call-overload]
        1,  # black
        NONE,  # left sibling
        int(entry.get("right", NONE)),  # type: ignore[call-overload]
        int(entry.get("child", NONE)),  # type: ignore[call-overload]
        b"\x00" * 16,
        0,
        0,
        0,
        start,
        size,
        0,  # size, high half
    )


def _header(fat_sectors: int) -> bytes:
    difat = [*range(fat_sectors), *[FREE] * (109 - fat_sectors)]
    return struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        bytes.fromhex("D0CF11E0A1B11AE1"),
        b"\x00" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\x00" * 6,
        0,  # directory sectors (always 0 in version 3)
        fat_sectors,
        fat_sectors,  # the first directory sector follows the FAT
        0,
        MINI_CUTOFF,
        END,  # no mini FAT
        0,
        END,  # no DIFAT sectors
        0,
        *difat,
    )
