"""Archives the stdlib cannot write, built byte by byte: RAR5, hand-edited and hostile ZIPs."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

RAR5_SIGNATURE = b"Rar!\x1a\x07\x01\x00"
RAR5_MAIN, RAR5_FILE, RAR5_END = 1, 2, 5
RAR5_HAS_DATA = 0x0002
RAR5_FILE_DIRECTORY, RAR5_FILE_CRC = 0x0001, 0x0004
RAR5_ARCHIVE_ENCRYPTION = 4  # a header type: everything after it is encrypted


def _vint(value: int) -> bytes:
    """RAR5's variable-length integer: 7 bits a byte, low bits first."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _block(kind: int, flags: int, body: bytes, data: bytes = b"") -> bytes:
    """One RAR5 header (CRC32, size, type, flags, [data size], body) and its data area."""
    fields = _vint(kind) + _vint(flags)
    if flags & RAR5_HAS_DATA:
        fields += _vint(len(data))
    fields += body
    sized = _vint(len(fields)) + fields
    return struct.pack("<I", zlib.crc32(sized)) + sized + data


def rar5_file(name: str, data: bytes, method: int = 0, directory: bool = False) -> bytes:
    """A file header: ``method`` 0 is stored, 1-5 are packed (data is then taken as is)."""
    file_flags = RAR5_FILE_DIRECTORY if directory else RAR5_FILE_CRC
    body = _vint(file_flags) + _vint(len(data)) + _vint(0x20)  # unpacked size, attributes
    if not directory:
        body += struct.pack("<I", zlib.crc32(data))
    compression = method << 7
    encoded = name.encode("utf-8")
    body += _vint(compression) + _vint(0) + _vint(len(encoded)) + encoded  # host OS Windows
    return _block(RAR5_FILE, RAR5_HAS_DATA, body, data)


def rar5(*files: bytes) -> bytes:
    """A whole RAR5 archive: signature, main header, the given file headers, end marker."""
    main = _block(RAR5_MAIN, 0, _vint(0))
    end = _block(RAR5_END, 0, _vint(0))
    return RAR5_SIGNATURE + main + b"".join(files) + end


def rar5_encrypted_headers() -> bytes:
    """A RAR5 whose headers are encrypted (an archive-encryption header after the signature)."""
    body = _vint(0) + _vint(0x0001) + bytes([15]) + bytes(16) + bytes(12)  # AES, check, salt
    return RAR5_SIGNATURE + _block(RAR5_ARCHIVE_ENCRYPTION, 0, body) + bytes(64)


def zip_bytes(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_with_method(name: str, data: bytes, method: int, flag_bits: int = 0) -> bytes:
    """A stored one-entry ZIP whose headers then claim another method and flags (as AES...)."""
    raw = bytearray(zip_bytes([(name, data)], zipfile.ZIP_STORED))
    local = raw.index(b"PK\x03\x04")
    central = raw.index(b"PK\x01\x02")
    struct.pack_into("<HH", raw, local + 6, flag_bits, method)
    struct.pack_into("<HH", raw, central + 8, flag_bits, method)
    return bytes(raw)


def zip_declaring(name: str, data: bytes, declared: int) -> bytes:
    """A deflated one-entry ZIP whose headers understate what the entry unpacks to."""
    raw = bytearray(zip_bytes([(name, data)]))
    local = raw.index(b"PK\x03\x04")
    central = raw.index(b"PK\x01\x02")
    struct.pack_into("<I", raw, local + 22, declared)
    struct.pack_into("<I", raw, central + 24, declared)
    return bytes(raw)


def overlapping_zip(entries: int, megabytes: int = 8) -> bytes:
    """Many central-directory entries sharing one deflated blob of zeros (Fifield's trick)."""
    payload = bytes(megabytes * 1024 * 1024)
    packed = zlib.compress(payload, 9)[2:-4]  # raw deflate
    crc, name = zlib.crc32(payload), b"kernel.bin"
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(packed), len(payload), len(name), 0
    )
    body = local + name + packed
    directory = bytearray()
    for number in range(entries):
        entry = b"f%06d.png" % number
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(packed),
            len(payload),
            len(entry),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        directory += entry
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(directory), len(body), 0)
    return body + bytes(directory) + end
