"""PLOVER tables for the event extractor, read once from ``extract/data/plover_*.tsv``.

- ``plover_types.tsv``: the 16 event types with quad category, nearest CAMEO root and score;
- ``plover_modes.tsv``: modes per type with score, CAMEO root and cue words;
- ``plover_verbs.tsv`` and ``plover_nouns.tsv``: the trigger lexicons (lemma, conditions, type,
  mode);
- ``plover_content.tsv``: what a verbal event becomes when its complement is an event;
- ``plover_words.tsv``: word classes (support verbs, modals, pronouns, ...);
- ``plover_contexts.tsv``: PLOVER contexts and their cue words.

The source of the definitions is the PLOVER manual (``../shared/reference/PLOVER_MANUAL.tex``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..tables import data_rows

#: The package whose ``data/`` holds the tables.
_PACKAGE = "newsgraph.extract"
#: PLOVER's event types, in the manual's order.
EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
#: Quad categories by number (PLOVER and GDELT QuadClass).
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
#: Condition kinds the lexicons may use.
CONDITION_KINDS = frozenset(
    {
        "obj",
        "dobj",
        "pobj",
        "prep",
        "subj",
        "doer",
        "cause",
        "cobj",
        "comp",
        "claim",
        "inf",
        "other",
        "near",
        "mod",
        "head",
        "question",
        "as",
        "tobe",
    }
)


def _opt(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip() and v.strip() != "-")


@dataclass(frozen=True, slots=True)
class EventType:
    """One row of ``plover_types.tsv``."""

    name: str
    quad: str
    quad_code: int
    cameo: str
    score: float
    recipient_preps: frozenset[str]
    joint: bool
    object_is_recipient: bool
    #: the manual's "Requires recipient: Yes" (COOPERATE, AID, SANCTION)
    needs_recipient: bool = False

    @property
    def verbal(self) -> bool:
        """Verbal cooperation or verbal conflict (quads 1 and 3)."""
        return self.quad_code in (1, 3)


@dataclass(frozen=True, slots=True)
class Mode:
    """One row of ``plover_modes.tsv``."""

    type: str
    name: str
    score: float
    cameo: str
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Condition:
    """``kind:values`` of a lexicon row; ``negated`` for a leading ``!``."""

    kind: str
    values: frozenset[str]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of ``plover_verbs.tsv`` or ``plover_nouns.tsv``. ``type`` None: no event."""

    lemma: str
    conditions: tuple[Condition, ...]
    type: str | None
    mode: str | None
    negated_type: str | None
    flags: frozenset[str]


@dataclass(frozen=True, slots=True)
class ContentRule:
    """One row of ``plover_content.tsv``."""

    outer: str
    inner: str
    inner_mode: str
    type: str
    mode: str


def parse_conditions(text: str) -> tuple[Condition, ...]:
    """``"obj:a,b !comp"`` -> conditions; raises ValueError on an unknown kind."""
    out: list[Condition] = []
    for part in text.split():
        if part == "-":
            continue
        negated = part.startswith("!")
        kind, _, values = part.lstrip("!").partition(":")
        if kind not in CONDITION_KINDS:
            raise ValueError(f"unknown condition {part!r}")
        out.append(Condition(kind, frozenset(_list(values)), negated))
    return tuple(out)


@cache
def event_types() -> dict[str, EventType]:
    out: dict[str, EventType] = {}
    for name, quad, code, cameo, value, preps, roles, obj, needs in data_rows(
        _PACKAGE, "plover_types.tsv", header=True
    ):
        out[name] = EventType(
            name,
            quad,
            int(code),
            cameo,
            float(value),
            frozenset(_list(preps)),
            roles.strip() == "joint",
            obj.strip() == "recipient",
            needs.strip() == "yes",
        )
    return out


@cache
def modes() -> dict[str, tuple[Mode, ...]]:
    """Modes by event type, in file order."""
    out: dict[str, list[Mode]] = {}
    for etype, name, score, cameo, cues in data_rows(_PACKAGE, "plover_modes.tsv", header=True):
        out.setdefault(etype, []).append(Mode(etype, name, float(score), cameo, _list(cues)))
    return {k: tuple(v) for k, v in out.items()}


def mode_info(etype: str, mode: str | None) -> Mode | None:
    return next((m for m in modes().get(etype, ()) if m.name == mode), None) if mode else None


def cameo_root(etype: str, mode: str | None = None) -> str:
    """Nearest CAMEO root code ("01".."20") of a type and mode."""
    info = mode_info(etype, mode)
    return info.cameo if info else event_types()[etype].cameo


def score(etype: str, mode: str | None = None) -> float:
    """PLOVER conflict-cooperation score (-10..10) of a type and mode."""
    info = mode_info(etype, mode)
    return info.score if info else event_types()[etype].score


def _entries(name: str, *, verbs: bool) -> dict[str, tuple[Entry, ...]]:
    out: dict[str, list[Entry]] = {}
    for fields in data_rows(_PACKAGE, name, header=True):
        if verbs:
            lemma, when, etype, mode, negated, flags = fields
        else:
            lemma, when, etype, mode, flags = fields
            negated = "-"
        entry = Entry(
            lemma.strip().lower(),
            parse_conditions(when),
            _opt(etype),
            _opt(mode),
            _opt(negated),
            frozenset(_list(flags)),
        )
        out.setdefault(entry.lemma, []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


@cache
def verbs() -> dict[str, tuple[Entry, ...]]:
    """Verb lexicon: lemma -> rows in file order."""
    return _entries("plover_verbs.tsv", verbs=True)


@cache
def nouns() -> dict[str, tuple[Entry, ...]]:
    """Noun lexicon: lemma -> rows in file order."""
    return _entries("plover_nouns.tsv", verbs=False)


@cache
def words() -> dict[str, dict[str, str]]:
    """Word classes of ``plover_words.tsv``: class -> word -> value ("-" when none)."""
    out: dict[str, dict[str, str]] = {}
    for cls, word, value in data_rows(_PACKAGE, "plover_words.tsv", header=True):
        out.setdefault(cls, {})[word.strip().lower()] = value.strip()
    return out


def word_class(name: str) -> dict[str, str]:
    return words().get(name, {})


@cache
def content_rules() -> tuple[ContentRule, ...]:
    return tuple(
        ContentRule(*(f.strip() for f in row))
        for row in data_rows(_PACKAGE, "plover_content.tsv", header=True)
    )


def content_of(outer: str, inner: str, inner_mode: str | None) -> tuple[str, str | None] | None:
    """The (type, mode) an ``outer`` event takes when its content is an ``inner`` event; "=" in
    the table keeps the outer value, returned as "=". None when no row applies."""
    for rule in content_rules():
        if rule.outer != outer or rule.inner not in ("*", inner):
            continue
        if rule.inner_mode not in ("*", inner_mode or ""):
            continue
        return rule.type, rule.mode
    return None


class CueIndex:
    """Cue words (one lemma or two in a row) -> values, looked up token by token."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.single: dict[str, list[str]] = {}
        self.double: dict[str, dict[str, list[str]]] = {}
        for cue, value in pairs:
            parts = cue.lower().split()
            if len(parts) == 1:
                self.single.setdefault(parts[0], []).append(value)
            elif len(parts) == 2:
                self.double.setdefault(parts[0], {}).setdefault(parts[1], []).append(value)

    def find(self, lemmas: list[str]) -> list[str]:
        """Values cued in ``lemmas``, in text order (repeats kept)."""
        out: list[str] = []
        for k, lemma in enumerate(lemmas):
            out.extend(self.single.get(lemma, ()))
            nxt = self.double.get(lemma)
            if nxt and k + 1 < len(lemmas):
                out.extend(nxt.get(lemmas[k + 1], ()))
        return out

    def words(self) -> frozenset[str]:
        """Every lemma that can start a cue (a cheap test before :meth:`find`)."""
        return frozenset(self.single) | frozenset(self.double)


@cache
def context_cues() -> CueIndex:
    pairs = [
        (cue, context)
        for context, cues in data_rows(_PACKAGE, "plover_contexts.tsv", header=True)
        for cue in _list(cues)
    ]
    return CueIndex(pairs)


@cache
def mode_cues(etype: str) -> CueIndex:
    """Cue words of the modes of ``etype``; values are mode names, rows in file order."""
    return CueIndex([(cue, m.name) for m in modes().get(etype, ()) for cue in m.cues])
