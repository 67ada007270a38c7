"""A matched temporal expression (its tokens, modifiers and surroundings), the context it is
resolved in (publication date, clause tense, the text's last date), and the registry of handlers
that turn an expression into a TimeML type and value."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .tense import Tense
from .tokens import Tok

#: Classes before a bare month, year, season or plural unit that make it temporal ("in 1990").
_CONTEXT_CLASSES = frozenset({"PREP", "FORWARD", "BACKWARD", "BEFAFT", "MOD", "EACH", "AND", "HYPHEN"})
#: How many days after the publication date a day named in a past-tense clause may still fall
#: ("has set Nov. 10 as the deadline", written Nov. 2).
PAST_SLACK_DAYS = 14
#: The same for a month named alone ("paused in September", written in late August).
PAST_SLACK_MONTHS = 1


@dataclass(slots=True)
class Expr:
    """One matched expression: tokens ``i:j`` of ``all`` plus modifiers from ``start`` on."""

    rule: str
    all: list[Tok]
    start_tok: int
    i: int
    j: int
    in_entity: bool

    @property
    def toks(self) -> list[Tok]:
        return self.all[self.i : self.j]

    @property
    def prefix(self) -> list[Tok]:
        return self.all[self.start_tok : self.i]

    @property
    def prev(self) -> Tok | None:
        return self.all[self.start_tok - 1] if self.start_tok > 0 else None

    @property
    def next(self) -> Tok | None:
        return self.all[self.j] if self.j < len(self.all) else None

    def first(self, *classes: str) -> Tok | None:
        return next((t for t in self.toks if t.cls in classes), None)

    def has(self, cls: str) -> bool:
        return any(t.cls == cls for t in self.toks)

    def units(self) -> list[Tok]:
        return [t for t in self.toks if t.cls == "UNIT"]

    @property
    def start(self) -> int:
        return self.all[self.start_tok].start

    @property
    def end(self) -> int:
        return self.all[self.j - 1].end

    @property
    def temporal_context(self) -> bool:
        """Whether a bare month, year or season here reads as a date."""
        prev = self.prev
        modified = any(t.cls != "APPROX" for t in self.prefix)  # "mid-", "the end of"; not "about 2000"
        return self.in_entity or modified or (prev is not None and prev.cls in _CONTEXT_CLASSES)

    @property
    def forward(self) -> bool:
        """Whether a deadline preposition comes before it ("until", "by", "to")."""
        return self.prev is not None and self.prev.cls == "FORWARD"

    @property
    def backward(self) -> bool:
        """Whether "since" comes before it."""
        return self.prev is not None and self.prev.cls == "BACKWARD"


@dataclass(slots=True)
class Context:
    anchor: dt.date | None
    tense: Callable[[int, int], Tense]
    ref: str | None = None

    def tense_of(self, e: Expr) -> Tense:
        return "past" if e.backward else self.tense(e.start, e.end)

    def ref_day(self) -> dt.date | None:
        """The day the text last named, when it named a day."""
        if self.ref is not None and re.match(r"^\d{4}-\d\d-\d\d", self.ref):
            return dt.date.fromisoformat(self.ref[:10])
        return None


#: A handler's answer: (type, value, anchor) with anchor "published" | "date" | None.
Result = tuple[str, str | None, str | None]
REJECT: Result = ("", None, None)
Handler = Callable[[Expr, Context], Result | None]
HANDLERS: dict[str, Handler] = {}


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[name] = func
        return func

    return register
