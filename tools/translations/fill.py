"""Write the reviewed translations in tools/translations/{es,fr,de}.json into the .ts files.

lupdate keeps finished translations, but a string whose English changes arrives as a new,
unfinished message; the JSON files are the reusable memory that fills it again.

    .venv/bin/python tools/update_translations.py      # lupdate: new strings arrive unfinished
    .venv/bin/python tools/translations/fill.py        # fill them from the JSON files
    .venv/bin/python tools/update_translations.py      # lrelease: compile the .qm files

Options:
  --add FILE  first merge a batch of new translations into the JSON files, laid out as
              {"<context>": {"<source>": {"es": "...", "fr": "...", "de": "..."}}};
  --check     exit 1 while a message has no translation or a translation breaks a rule
              (placeholders, mnemonics, line breaks, file patterns, end punctuation);
  --todo DIR  write the missing (context, source) pairs to DIR/todo_<lang>.json.

JSON layout: ``{"<context>": {"<English source>": "<translation>"}, "*": {...}}``; the ``"*"``
context holds translations shared by every context that has no entry of its own. A message
with a disambiguation comment is keyed ``"<source> [[<comment>]]"``; a plural (numerus)
message takes a list of forms (one, other) or one string used for every form.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "desktop_app" / "ui" / "translations"
LANGUAGES = ("es", "fr", "de")
SHARED = "*"
PLURAL_FORMS = 2  # Spanish, French and German: one, other

Translation = str | list[str]
Table = dict[str, dict[str, Translation]]

CONTEXT = re.compile(r"(<context>\s*<name>)(.*?)(</name>)(.*?)(</context>)", re.DOTALL)
MESSAGE = re.compile(r"<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.DOTALL)
SOURCE = re.compile(r"<source>(.*?)</source>", re.DOTALL)
COMMENT = re.compile(r"<comment>(.*?)</comment>", re.DOTALL)
TRANSLATION = re.compile(
    r"<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)", re.DOTALL
)
PLACEHOLDER = re.compile(r"\{\d+\}|%n|%L?\d+")
FILE_PATTERN = re.compile(r"\([^()]*\*[^()]*\)")
MNEMONIC = re.compile(r"(?<!&)&(?=[^&\s])")
END_MARKS = ("…", "...", ":", "?", "!", ".", ")", "”", "“", "»", '"')
QUOTES = {"”", "“", "»", '"'}


@dataclass(frozen=True)
class Problem:
    """One message that is missing or breaks a rule, with where to find it."""

    language: str
    context: str
    source: str
    reason: str


def escape(text: str) -> str:
    """XML-escape the way lupdate writes .ts files (so diffs stay small)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace('"', "&quot;")
        .replace("\u00a0", "&#xa0;")
    )


def load(language: str) -> Table:
    path = HERE / f"{language}.json"
    data: Table = json.loads(path.read_text(encoding="utf-8"))
    return data


def lookup(table: Table, context: str, source: str) -> Translation | None:
    own = table.get(context, {})
    if source in own:
        return own[source]
    return table.get(SHARED, {}).get(source)


def end_mark(text: str) -> str:
    stripped = text.rstrip()
    for mark in END_MARKS:
        if stripped.endswith(mark):
            return "quote" if mark in QUOTES else {"...": "…"}.get(mark, mark)
    return ""


def rule_breaks(source: str, translation: str) -> list[str]:
    """Why a translation cannot ship: anything the code or the screen depends on that changed."""
    reasons = []
    if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translation)):
        reasons.append("placeholders differ")
    if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(translation)):
        reasons.append("mnemonic (&) count differs")
    if FILE_PATTERN.findall(source) != FILE_PATTERN.findall(translation):
        reasons.append("file-name patterns differ")
    if source.count(";;") != translation.count(";;"):
        reasons.append("filter separators (;;) differ")
    if source.count("\n") != translation.count("\n"):
        reasons.append("line breaks differ")
    source_end, translated_end = end_mark(source), end_mark(translation)
    if source_end != translated_end and {source_end, translated_end} != {")", "."}:
        reasons.append(f"ends with {translated_end!r}, English ends with {source_end!r}")
    if not translation.strip() and source.strip():
        reasons.append("empty")
    return reasons


def french_spaces(text: str) -> str:
    """French typography: no line break between a word and : ; ? ! » or after «."""
    return re.sub(r" ([:;?!»])", "\u00a0\\1", text).replace("« ", "«\u00a0")


def add(batch: Path) -> None:
    """Merge a batch of new translations (all languages per string) into the JSON files."""
    entries: dict[str, dict[str, dict[str, Translation]]] = json.loads(
        batch.read_text(encoding="utf-8")
    )
    for language in LANGUAGES:
        table = load(language)
        for context, messages in entries.items():
            for source, translations in messages.items():
                if language in translations:
                    text = translations[language]
                    if language == "fr":
                        forms = [french_spaces(form) for form in as_forms(text)]
                        text = forms[0] if isinstance(text, str) else forms
                    table.setdefault(context, {})[source] = text
        dumped = json.dumps(dict(sorted(table.items())), ensure_ascii=False, indent=1)
        (HERE / f"{language}.json").write_text(dumped + "\n", encoding="utf-8")


def message_key(source: str, comment: str | None) -> str:
    """The JSON key: the source, plus lupdate's disambiguation comment when there is one."""
    return source if comment is None else f"{source} [[{comment}]]"


def translation_xml(wanted: Translation, numerus: bool) -> str:
    """A <translation> element as lupdate writes it (numerus messages hold one form each)."""
    if not numerus:
        return f"<translation>{escape(as_forms(wanted)[0])}</translation>"
    forms = as_forms(wanted)
    if len(forms) == 1:
        forms = forms * PLURAL_FORMS
    inner = "".join(f"\n            <numerusform>{escape(form)}</numerusform>" for form in forms)
    return f"<translation>{inner}\n        </translation>"


def as_forms(wanted: Translation) -> list[str]:
    return [wanted] if isinstance(wanted, str) else list(wanted)


def fill_message(
    match: re.Match[str],
    *,
    language: str,
    context: str,
    table: Table,
    problems: list[Problem],
    used: set[tuple[str, str]],
) -> str:
    whole, body = match.group(0), match.group("body")
    found = SOURCE.search(body)
    current = TRANSLATION.search(body)
    if found is None or current is None:
        return whole
    source = html.unescape(found.group(1))
    commented = COMMENT.search(body)
    key = message_key(source, html.unescape(commented.group(1)) if commented else None)
    wanted = lookup(table, context, key)
    if wanted is None:
        unfinished = "unfinished" in current.group("attrs")
        if unfinished or not (current.group("text") or "").strip():
            problems.append(Problem(language, context, key, "missing"))
        return whole
    used.add((context if key in table.get(context, {}) else SHARED, key))
    for form in as_forms(wanted):
        problems.extend(Problem(language, context, key, r) for r in rule_breaks(source, form))
    replacement = translation_xml(wanted, numerus='numerus="yes"' in match.group("attrs"))
    start, end = current.span()
    return whole.replace(body, body[:start] + replacement + body[end:], 1)


def fill(language: str) -> tuple[int, list[Problem], list[tuple[str, str]]]:
    """Fill one .ts file; returns (messages, problems, JSON entries no message uses)."""
    ts = TRANSLATIONS / f"safelens_{language}.ts"
    table = load(language)
    problems: list[Problem] = []
    used: set[tuple[str, str]] = set()
    count = 0

    def context_block(block: re.Match[str]) -> str:
        nonlocal count
        context = html.unescape(block.group(2))
        messages = block.group(4)
        count += len(MESSAGE.findall(messages))
        filled = MESSAGE.sub(
            lambda m: fill_message(
                m, language=language, context=context, table=table, problems=problems, used=used
            ),
            messages,
        )
        return block.group(1) + block.group(2) + block.group(3) + filled + block.group(5)

    text = ts.read_text(encoding="utf-8")
    new_text = CONTEXT.sub(context_block, text)
    if new_text != text:
        ts.write_text(new_text, encoding="utf-8")
    unused = [
        (context, source)
        for context, entries in table.items()
        for source in entries
        if (context, source) not in used
    ]
    return count, problems, unused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", type=Path, help="merge a batch of new translations first")
    parser.add_argument("--check", action="store_true", help="exit 1 on any problem")
    parser.add_argument("--todo", type=Path, help="write missing strings to DIR/todo_<lang>.json")
    args = parser.parse_args(argv)
    if args.add is not None:
        add(args.add)
    failed = False
    for language in LANGUAGES:
        count, problems, unused = fill(language)
        missing = [p for p in problems if p.reason == "missing"]
        broken = [p for p in problems if p.reason != "missing"]
        print(
            f"{language}: {count} messages, {count - len(missing)} translated, "
            f"{len(missing)} missing, {len(broken)} rule problems, {len(unused)} unused entries"
        )
        for problem in broken:
            print(f"  ! [{problem.context}] {problem.source!r}: {problem.reason}")
        for context, source in unused:
            print(f"  (unused) [{context}] {source!r}")
        if args.todo is not None and missing:
            todo: dict[str, dict[str, str]] = {}
            for problem in missing:
                todo.setdefault(problem.context, {})[problem.source] = ""
            args.todo.mkdir(parents=True, exist_ok=True)
            out = args.todo / f"todo_{language}.json"
            out.write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"  missing strings written to {out}")
        failed = failed or bool(problems)
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
