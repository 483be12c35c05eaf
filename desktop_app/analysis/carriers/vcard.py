"""Contact cards (.vcf): the PHOTO and LOGO pictures inside, as members to check.

The cards are read by ``vcard_text`` (shared with the contacts surface). A picture
that is only a link (http, cid, ...) is never fetched, but a contacts program would
fetch and show it, so it makes the file "could not check", as the contacts surface
removes such links for a child; so do pictures that cannot be decoded or are too large,
and cards that cannot be read. These problems are reported only after every inline
picture was handed on, so a sensitive picture in the same file still decides.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..verdict import CheckFailed, Kind, Status
from .base import Budget, Member, Source, read_whole
from .vcard_text import Card, PayloadKind, Picture, parse_card, split_cards

MAX_VCARD_BYTES = 64 * 1024 * 1024  # as the contacts surface's limit

_PROBLEMS = {
    PayloadKind.remote: (
        Status.UNSUPPORTED,
        "a contact's picture is a link to the internet, which SafeLens never opens",
    ),
    PayloadKind.corrupt: (Status.UNREADABLE, "a contact's picture is damaged"),
    PayloadKind.oversized: (Status.UNREADABLE, "a contact's picture is too large to check"),
}


def vcard_members(source: Source, budget: Budget) -> Iterator[Member]:
    """Each inline contact picture, named like "card 2 (Ana) / photo"."""
    data = read_whole(source, budget, MAX_VCARD_BYTES, "contacts file")
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")
    problem: tuple[Status, str] | None = None
    for number, (lines, closed) in enumerate(split_cards(text), 1):
        budget.check_time()  # about 0.5 ms a card: a file of a million tiny cards is stopped
        card = parse_card(number, lines, closed)
        if card.error is not None and not card.pictures:
            problem = problem or (Status.UNREADABLE, f"card {card.number} could not be read")
        for label, picture in _labelled(card):
            if picture.kind is PayloadKind.inline and picture.data:
                budget.admit(len(picture.data))
                yield Member(name=label, data=picture.data)
            elif picture.kind in _PROBLEMS:
                status, words = _PROBLEMS[picture.kind]
                problem = problem or (status, f"{words} ({label})")
    if problem is not None:
        status, words = problem
        raise CheckFailed(
            status, f"The contacts file could not be fully checked: {words}.", Kind.DOCUMENT
        )


def _labelled(card: Card) -> Iterator[tuple[str, Picture]]:
    """Each picture of a card with its name: "card 2 (Ana) / photo", "... / photo 2"."""
    who = f"card {card.number} ({card.name})" if card.name else f"card {card.number}"
    seen: dict[str, int] = {}
    for picture in card.pictures:
        what = picture.name.lower()
        seen[what] = seen.get(what, 0) + 1
        suffix = f" {seen[what]}" if seen[what] > 1 else ""
        yield f"{who} / {what}{suffix}", picture
