"""Qt's file-dialog filter strings ("Images (*.png *.jpg);;All files (*)"), parsed and matched."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

_PATTERNS = re.compile(r"\(([^()]*)\)\s*$")


@dataclass(frozen=True)
class NameFilter:
    """One entry of the filter list: the text shown and its wildcard patterns."""

    text: str
    patterns: tuple[str, ...]

    def accepts(self, name: str) -> bool:
        """Case-insensitive, like Qt's dialog on Windows and macOS (kinder to children)."""
        if not self.patterns:
            return True
        folded = name.casefold()
        return any(fnmatch.fnmatchcase(folded, p.casefold()) for p in self.patterns)


def parse_filters(text: str) -> list[NameFilter]:
    """Split ';;'-separated filters; 'Name (*.a *.b)' or bare '*.a *.b'; '' means all files."""
    filters = []
    for part in (p.strip() for p in text.split(";;")):
        if not part:
            continue
        found = _PATTERNS.search(part)
        raw = found.group(1) if found else part
        patterns = tuple(p for p in raw.split() if p and p != "*")
        if any(p in ("*", "*.*") for p in raw.split()):
            patterns = ()  # "all files" in either spelling
        filters.append(NameFilter(part, patterns))
    return filters or [NameFilter("", ())]
