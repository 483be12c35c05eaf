"""The ground floor stands alone, and the floors above share its words instead of strings."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import grimp
import pytest

import desktop_app.core
from desktop_app.core.vocabulary import EventKind, Surface
from desktop_app.surfaces.contacts import ContactsOutcome, record_counts
from desktop_app.surfaces.file_identity import FileIdentity
from desktop_app.surfaces.folder_handling import Handling
from desktop_app.surfaces.folder_index import FolderIndex, Verdict
from desktop_app.surfaces.quarantine import Quarantine
from desktop_app.surfaces.share_folders import ShareFolder

CORE = Path(desktop_app.core.__file__).parent
# data_dir() asks platformdirs for the OS's data folders (imported only when it is called).
THIRD_PARTY_ALLOWED = {"platformdirs"}


def _imported(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import"
            names.add(node.module or "")
    return names


def test_core_imports_only_the_standard_library_and_itself() -> None:
    for path in sorted(CORE.glob("*.py")):
        for name in _imported(path):
            top = name.split(".")[0]
            if top == "desktop_app":
                assert name.startswith("desktop_app.core"), f"{path.name} imports {name}"
            else:
                allowed = top in sys.stdlib_module_names or top in THIRD_PARTY_ALLOWED
                assert allowed or top == "__future__", f"{path.name} imports {name}"


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    imported = graph.find_modules_directly_imported_by(child) & modules
                    work.append((child, iter(sorted(imported))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    """Every import in desktop_app, those inside functions too (no cache file is written)."""
    return grimp.build_graph("desktop_app", cache_dir=None)


def test_no_import_cycle_anywhere(graph: grimp.ImportGraph) -> None:
    """A circle broken only by an import inside a function is still a circle."""
    assert _cycles(graph, set(graph.modules)) == []


def test_events_and_the_os_log_do_not_import_each_other(graph: grimp.ImportGraph) -> None:
    events, oslog = "desktop_app.safety.events", "desktop_app.safety.oslog"
    assert oslog not in graph.find_modules_directly_imported_by(events)
    assert events not in graph.find_modules_directly_imported_by(oslog)


class _Recorder:
    """A CountRecorder that keeps exactly what it was handed."""

    def __init__(self) -> None:
        self.records: list[tuple[str, object, object, int]] = []

    def record(self, profile_id: str, surface: Surface, kind: EventKind, count: int = 1) -> None:
        self.records.append((profile_id, surface, kind, count))


def _assert_vocabulary(records: list[tuple[str, object, object, int]]) -> None:
    assert records
    for _profile, surface, kind, _count in records:
        assert type(surface) is Surface and type(kind) is EventKind


def test_contacts_count_in_the_shared_vocabulary() -> None:
    recorder = _Recorder()
    record_counts(ContactsOutcome((), 0, 1, (), None, skipped_cards=1), recorder, "kid1")
    assert recorder.records == [("kid1", Surface.contacts, EventKind.could_not_check, 2)]
    _assert_vocabulary(recorder.records)


def test_share_folders_count_in_the_shared_vocabulary(tmp_path: Path) -> None:
    recorder = _Recorder()
    handling = Handling(
        Quarantine(tmp_path / "quarantine"),
        FolderIndex(tmp_path / "index.json"),
        band=None,
        profile_id="kid1",
        counts=recorder,
        approvals=None,
    )
    folder = ShareFolder(tmp_path)
    state = FileIdentity(device=1, inode=1, size=1, mtime_ns=1, ctime_ns=1)
    for verdict in (Verdict.SENSITIVE, Verdict.UNCHECKED):
        handling.act(folder, tmp_path / "a.jpg", state, sha256=None, verdict=verdict, status="ok")
    assert recorder.records == [
        ("kid1", Surface.share_folders, EventKind.sensitive, 1),
        ("kid1", Surface.share_folders, EventKind.could_not_check, 1),
    ]
    _assert_vocabulary(recorder.records)
