"""`safelens quarantine list|restore|delete`: the guardian looks at what was hidden, and undoes it.

Restoring or deleting changes what a child can see, so both need the guardian: the user must be
able to write the quarantine folder, and be an administrator (root), or give the guardian PIN
(asked in a terminal, or one line on stdin with --pin-stdin). Before any PIN is set up, the
owner of SafeLens' data folder may go ahead. Listing needs no PIN (the folder is private).

Exit codes: 0 done; 1 error (one line says what); 2 usage; 4 not permitted.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from desktop_app.core.storage import data_dir
from desktop_app.policy.guardian import GuardianError, GuardianPin
from desktop_app.surfaces.quarantine import (
    Quarantine,
    QuarantineEntry,
    QuarantineError,
    default_root,
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_NOT_PERMITTED = 0, 1, 2, 4


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    quarantine = commands.add_parser(
        "quarantine",
        help="list, restore or delete quarantined files (restore and delete need the guardian)",
        description="Files SafeLens hid from a child wait in quarantine for a guardian's decision.",
    )
    quarantine.set_defaults(handler=lambda _args: _usage(quarantine))
    actions = quarantine.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="every quarantined file, oldest first")
    listing.add_argument("--json", action="store_true", help="a JSON list of entries")
    listing.set_defaults(handler=_list)
    restore = actions.add_parser(
        "restore", help="put a file back where it was (never over another file)"
    )
    restore.add_argument("id", metavar="ID")
    restore.add_argument(
        "--to", type=Path, metavar="FOLDER", help="restore into this folder instead"
    )
    restore.set_defaults(handler=_restore)
    delete = actions.add_parser("delete", help="delete a quarantined file for good")
    delete.add_argument("id", metavar="ID")
    delete.set_defaults(handler=_delete)
    for parser in (restore, delete):
        parser.add_argument(
            "--pin-stdin",
            action="store_true",
            help="read the guardian PIN from the first line of standard input (for scripts)",
        )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"safelens: {message}", file=sys.stderr)
    return code


def _open() -> Quarantine:
    return Quarantine(default_root())


def _list(args: argparse.Namespace) -> int:
    try:
        entries = _open().entries()
    except OSError as exc:
        return _fail(f"the quarantine folder cannot be read ({exc.strerror}).")
    if args.json:
        print(json.dumps([entry.to_json() for entry in entries], indent=2))
        return EXIT_OK
    if not entries:
        print("No files in quarantine.")
        return EXIT_OK
    print(
        f"{'ID':<16}  {'QUARANTINED (UTC)':<17}  {'REASON':<15}  {'SURFACE':<13}  {'SIZE':>8}  FROM"
    )
    for entry in entries:
        print(_row(entry))
    return EXIT_OK


def _row(entry: QuarantineEntry) -> str:
    when = entry.quarantined_at[:16].replace("T", " ")
    place = entry.original_path or "(unknown)"
    return (
        f"{entry.id:<16}  {when:<17}  {entry.reason.value:<15}  {entry.surface:<13}  "
        f"{_size(entry.size):>8}  {place}"
    )


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"


def _restore(args: argparse.Namespace) -> int:
    refusal = _refusal(args)
    if refusal is not None:
        return _fail(refusal, EXIT_NOT_PERMITTED)
    try:
        target = _open().restore(args.id, to=args.to)
    except (QuarantineError, OSError) as exc:
        return _fail(_message(exc))
    print(f"Restored to {target}")
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    refusal = _refusal(args)
    if refusal is not None:
        return _fail(refusal, EXIT_NOT_PERMITTED)
    try:
        _open().delete(args.id)
    except (QuarantineError, OSError) as exc:
        return _fail(_message(exc))
    print("Deleted for good.")
    return EXIT_OK


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"the quarantine could not finish ({exc.strerror})."
    return str(exc)


def _refusal(args: argparse.Namespace) -> str | None:
    """Why this user may not restore or delete, or None when they may."""
    root = default_root()
    if root.exists() and not os.access(root, os.W_OK | os.X_OK):
        return "only the guardian's account or an administrator can change the quarantine."
    if is_admin():
        return None
    pin = GuardianPin()
    status = pin.status()
    if status == "not_set":
        if _owns_data_folder():
            return None
        return "no guardian PIN is set up yet; only SafeLens' owner or an administrator can."
    if status == "missing":
        return "the guardian PIN has disappeared; an administrator of this computer can reset it."
    secret = _read_pin(args)
    if not secret:
        return "this needs the guardian PIN (run it in a terminal, or give it with --pin-stdin)."
    try:
        right = pin.verify(secret)
    except GuardianError as exc:
        return str(exc)
    return None if right else "that PIN is not right."


def _read_pin(args: argparse.Namespace) -> str | None:
    if args.pin_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if sys.stdin.isatty():
        return getpass.getpass("Guardian PIN: ")
    return None


def is_admin() -> bool:
    """Root on Unix, an elevated administrator on Windows."""
    if sys.platform == "win32":
        import ctypes

        return bool(ctypes.windll.shell32.IsUserAnAdmin())
    return os.geteuid() == 0


def _owns_data_folder() -> bool:
    if sys.platform == "win32":
        return True  # the folder's ACL already limits who can write it
    try:
        return data_dir().stat().st_uid == os.geteuid()
    except OSError:
        return False
