"""`safelens service`: the per-machine service (run as root, by systemd in an install).

`--prepare-only` makes its folders (owners, modes, the same checks) and stops: the package's
install script runs it, so the folders are made by this one piece of code.

Exit codes: 0 stopped cleanly (SIGTERM / SIGINT) or folders made; 1 cannot run (not root, unsafe or
unusable folders, another service on the socket). Environment variables do not move its
folders: only these flags do (for tests and packagers).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from desktop_app.core.storage import StorageError
from desktop_app.service.daemon import run_service
from desktop_app.service.paths import DEFAULT_ROOT, DEFAULT_SOCKET, MachinePaths, UnsafeFolder
from desktop_app.service.protection import watch_every_account
from desktop_app.service.server import ServiceAlreadyRunning

EXIT_DONE, EXIT_CANNOT_RUN = 0, 1


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    service = commands.add_parser(
        "service",
        help="run the per-machine service (as root; systemd starts it in an install)",
        description="Own the guardian's settings, PIN, approvals, counts and quarantine for "
        "every account on this computer, and answer each session over a local socket.",
    )
    service.add_argument(
        "--data-dir", type=Path, default=DEFAULT_ROOT, help=f"data folder (default {DEFAULT_ROOT})"
    )
    service.add_argument(
        "--socket", type=Path, default=DEFAULT_SOCKET, help=f"socket (default {DEFAULT_SOCKET})"
    )
    service.add_argument(
        "--prepare-only",
        action="store_true",
        help="make the service's folders with their owners and modes, then stop "
        "(the package's install script runs this)",
    )
    service.set_defaults(handler=_service)


def _service(args: argparse.Namespace) -> int:
    if os.geteuid() != 0:
        print(
            "safelens service: the per-machine service must run as root "
            "(an install starts it with systemd: systemctl start safelens).",
            file=sys.stderr,
        )
        return EXIT_CANNOT_RUN
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    paths = MachinePaths(root=args.data_dir.absolute(), socket=args.socket.absolute())
    try:
        if args.prepare_only:
            paths.prepare()
            return EXIT_DONE
        return run_service(paths, watch=watch_every_account)
    except (UnsafeFolder, ServiceAlreadyRunning) as exc:
        print(f"safelens service: {exc}", file=sys.stderr)
    except (OSError, StorageError) as exc:
        print(f"safelens service: cannot use its folders ({type(exc).__name__}).", file=sys.stderr)
    return EXIT_CANNOT_RUN
