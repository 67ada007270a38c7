"""spaCy's attribute ruler, run as a lookup table: the same token attributes, several times faster.

The English models' ``attribute_ruler`` maps each fine-grained tag (and a few words and relations)
to a coarse part of speech, morphology and lemma with some 180 one-token ``Matcher`` patterns. The
``Matcher`` tries every pattern at every token, which costs about an eighth of the whole model's
time on news. :class:`TableAttributeRuler` is spaCy's :class:`AttributeRuler` (same patterns,
same ``to_disk``/``from_disk``, same scorer) whose ``__call__`` reads the attributes the patterns
test (tag, lower-case form, relation, ...) for all tokens in one ``Doc.to_array``, works out once
per distinct combination of them what the one-token rules do (found through an index of the
patterns by the values they require), remembers it, and writes every token's new attributes back
in one ``Doc.from_array``. It keeps the ruler's semantics exactly: every pattern is matched
against the tokens as they were before the ruler ran, and the matches are applied in rule order,
so a later rule wins; longer patterns are checked where their first token fits. Patterns it
cannot index (operators, extension attributes, other predicates) make it
fall back to spaCy's own ``Matcher`` for the whole ruler.

:func:`use_table_attribute_ruler` swaps it into a loaded pipeline in place of spaCy's."""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy
from spacy.attrs import IDS, MORPH
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Token attributes a pattern may test whose values are strings (compared as string hashes).
_STRING_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE"})
#: Attributes a rule may set, written back with ``Doc.from_array``.
_SETTABLE = frozenset({"POS", "TAG", "MORPH", "LEMMA", "DEP"})

_EQ, _IN, _NOT_IN, _REGEX = range(4)


@dataclass(frozen=True, slots=True)
class _Test:
    column: int
    kind: int
    value: Any  # an int (_EQ), a frozenset of ints (_IN, _NOT_IN) or a compiled pattern (_REGEX)


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int
    target: int  # the token of the match that gets the rule's attributes (0-based, non-negative)
    tests: tuple[tuple[_Test, ...], ...]  # per token of the pattern


@dataclass(frozen=True, slots=True)
class _Entry:
    """A pattern filed under the values of its first token that its index key already checks:
    what remains is ``checks``, ``(offset, test)`` pairs."""

    rule: int
    target: int
    length: int
    checks: tuple[tuple[int, _Test], ...]


@dataclass(frozen=True, slots=True)
class _Effect:
    """What the ruler does to a token with given attribute values: ``writes`` (column, value) once
    every one-token rule is applied in order, those rules' ``single`` hits, and the ``longer``
    patterns that may start at the token."""

    writes: tuple[tuple[int, int], ...]
    single: tuple[tuple[int, dict[int, int]], ...]
    longer: tuple[_Entry, ...]


#: Token attribute combinations whose effect a table remembers; past this it empties its memory.
MAX_REMEMBERED = 100_000


class _Table:
    """The ruler's patterns indexed for one pass over a doc's attribute array."""

    def __init__(
        self, vocab: Vocab, columns: list[str], patterns: list[_Pattern], rule_attrs: list[dict[int, int]]
    ) -> None:
        self.vocab = vocab
        self.columns: list[int | str] = [IDS[c] for c in columns]
        self.rule_attrs = rule_attrs
        self.write: list[int | str] = sorted({a for attrs in rule_attrs for a in attrs})
        self.write_at = {a: n for n, a in enumerate(self.write)}
        # patterns grouped by the columns whose required values index them (their "signature")
        by_signature: dict[tuple[int, ...], dict[Any, list[_Entry]]] = {}
        for pattern in patterns:
            keyed = sorted((t for t in pattern.tests[0] if t.kind in (_EQ, _IN)), key=lambda t: t.column)
            signature = tuple(t.column for t in keyed)
            entry = _Entry(
                pattern.rule,
                pattern.target,
                len(pattern.tests),
                tuple(
                    (offset, test)
                    for offset, tests in enumerate(pattern.tests)
                    for test in tests
                    if offset or test not in keyed
                ),
            )
            by_key = by_signature.setdefault(signature, {})
            for key in itertools.product(*(sorted(t.value) if t.kind == _IN else [t.value] for t in keyed)):
                by_key.setdefault(key[0] if len(key) == 1 else key, []).append(entry)
        self.always: list[_Entry] = by_signature.pop((), {}).get((), [])
        self.index: list[tuple[Callable[[list[int]], Any], dict[Any, list[_Entry]]]] = [
            (operator.itemgetter(*signature), by_key) for signature, by_key in by_signature.items()
        ]
        self._regex_cache: dict[tuple[int, int], bool] = {}
        self.memo: dict[tuple[int, ...], _Effect] = {}

    def _passes(self, test: _Test, value: int) -> bool:
        if test.kind == _EQ:
            return bool(value == test.value)
        if test.kind == _IN:
            return value in test.value
        if test.kind == _NOT_IN:
            return value not in test.value
        cached = self._regex_cache.get((id(test), value))
        if cached is None:
            cached = bool(test.value.search(self.vocab.strings[value] if value else ""))
            self._regex_cache[(id(test), value)] = cached
        return cached

    def _matches(self, rows: list[list[int]], start: int, entry: _Entry) -> bool:
        if start + entry.length > len(rows):
            return False
        return all(self._passes(test, rows[start + offset][test.column]) for offset, test in entry.checks)

    def _effect(self, row: list[int]) -> _Effect:
        """What the one-token patterns do to a token with these attribute values, and the longer
        patterns whose first token it can be."""
        single: list[tuple[int, dict[int, int]]] = []
        longer: list[_Entry] = []
        entries = [e for getter, by_key in self.index for e in by_key.get(getter(row), ())]
        for entry in [*entries, *self.always]:
            first = all(self._passes(test, row[test.column]) for offset, test in entry.checks if not offset)
            if not first:
                continue
            if entry.length == 1:
                single.append((entry.rule, self.rule_attrs[entry.rule]))
            else:
                longer.append(entry)
        single.sort(key=lambda hit: hit[0])  # stable: later rules win, as in spaCy's ruler
        writes: dict[int, int] = {}
        for _, attrs in single:
            for attr, value in attrs.items():
                writes[self.write_at[attr]] = value
        return _Effect(tuple(writes.items()), tuple(single), tuple(longer))

    def __call__(self, doc: Doc) -> None:
        n = len(doc)
        if not n:
            return
        rows: list[list[int]] = doc.to_array(self.columns).reshape(n, len(self.columns)).tolist()  # type: ignore[assignment]
        before: list[list[int]] = doc.to_array(self.write).reshape(n, len(self.write)).T.tolist()  # type: ignore[assignment]
        after = [list(column) for column in before]
        if len(self.memo) > MAX_REMEMBERED or len(self._regex_cache) > MAX_REMEMBERED:
            self.memo.clear()
            self._regex_cache.clear()
        memo, effect_of = self.memo, self._effect
        effects: list[_Effect] = []
        extra: dict[int, list[tuple[int, dict[int, int]]]] = {}  # token -> hits of longer patterns
        for start, row in enumerate(rows):
            key = tuple(row)
            effect = memo.get(key)
            if effect is None:
                effect = memo[key] = effect_of(row)
            effects.append(effect)
            for column, value in effect.writes:
                after[column][start] = value
            for entry in effect.longer:
                if self._matches(rows, start, entry):
                    extra.setdefault(start + entry.target, []).append(
                        (entry.rule, self.rule_attrs[entry.rule])
                    )
        for token, hits in extra.items():  # redo these tokens with every hit in rule order
            for column, values in enumerate(before):
                after[column][token] = values[token]
            for _, attrs in sorted([*effects[token].single, *hits], key=lambda hit: hit[0]):
                for attr, value in attrs.items():
                    after[self.write_at[attr]][token] = value
        if after != before:
            written = numpy.ascontiguousarray(numpy.array(after, dtype=numpy.uint64).T)
            doc.from_array(self.write, cast(Any, written))


def _test(vocab: Vocab, key: str, spec: Any, columns: list[str]) -> list[_Test] | None:
    """The tests of one attribute of one token pattern, or ``None`` when it cannot be indexed."""
    name = "ORTH" if key == "TEXT" else key
    is_flag = name.startswith(("IS_", "LIKE_")) and name in IDS
    if name not in _STRING_ATTRS and not is_flag:
        return None
    if name not in columns:
        columns.append(name)
    column = columns.index(name)

    def value(v: Any) -> int | None:
        if is_flag:
            return int(v) if isinstance(v, bool) else None
        return int(vocab.strings[v]) if isinstance(v, str) else None

    if not isinstance(spec, dict):
        one = value(spec)
        return None if one is None else [_Test(column, _EQ, one)]
    tests: list[_Test] = []
    for op, arg in spec.items():
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            many = [value(v) for v in arg]
            if any(v is None for v in many):
                return None
            tests.append(
                _Test(column, _IN if op == "IN" else _NOT_IN, frozenset(v for v in many if v is not None))
            )
        elif op == "REGEX" and isinstance(arg, str) and not is_flag:
            tests.append(_Test(column, _REGEX, re.compile(arg)))
        else:
            return None
    return tests


def compile_table(ruler: AttributeRuler) -> _Table | None:
    """The ruler's patterns as a :class:`_Table`, or ``None`` when one of them cannot be indexed."""
    columns: list[str] = []
    patterns: list[_Pattern] = []
    rule_attrs: list[dict[int, int]] = []
    entries: list[dict[str, Any]] = list(ruler.patterns)
    for rule, entry in enumerate(entries):
        attrs = ruler.attrs[rule]
        if not all(isinstance(a, int) and a in _SETTABLE_IDS for a in attrs):
            return None
        rule_attrs.append({int(a): int(v) for a, v in attrs.items()})
        for token_patterns in entry["patterns"]:
            length = len(token_patterns)
            target = int(entry["index"])
            if not length or not -length <= target < length:
                return None
            tests: list[tuple[_Test, ...]] = []
            for token_pattern in token_patterns:
                one: list[_Test] = []
                for key, spec in token_pattern.items():
                    found = _test(ruler.vocab, str(key), spec, columns) if isinstance(key, str) else None
                    if found is None:
                        return None
                    one.extend(found)
                tests.append(tuple(one))
            patterns.append(_Pattern(rule, target % length, tuple(tests)))
    if not columns:
        return None
    return _Table(ruler.vocab, columns, patterns, rule_attrs)


_SETTABLE_IDS = frozenset(IDS[a] for a in _SETTABLE)
assert MORPH in _SETTABLE_IDS


class TableAttributeRuler(AttributeRuler):
    """spaCy's :class:`AttributeRuler`, matched through an index instead of the ``Matcher``."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._table: _Table | bool | None = False  # False: not compiled yet

    def clear(self) -> None:
        super().clear()
        self._table = False

    def add(
        self, patterns: Iterable[Sequence[dict[Any, Any]]], attrs: dict[Any, Any], index: int = 0
    ) -> None:
        super().add(patterns, attrs, index)  # type: ignore[arg-type]
        self._table = False

    def match(self, doc: Doc) -> Any:  # spaCy's own: kept for ``set_annotations`` and callers
        return super().match(doc)

    def __call__(self, doc: Doc) -> Doc:
        if self._table is False:
            self._table = compile_table(self)
        if not isinstance(self._table, _Table):
            return super().__call__(doc)
        try:
            self._table(doc)
            return doc
        except Exception as e:
            return self.get_error_handler()(self.name, self, [doc], e)


@Language.factory(
    "newsgraph_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_table_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer or attribute_ruler_score)


def use_table_attribute_ruler(nlp: Language) -> Language:
    """Put a :class:`TableAttributeRuler` with the same patterns in place of each of ``nlp``'s
    spaCy attribute rulers (its name and place in the pipeline stay)."""
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is not AttributeRuler:
            continue
        patterns = pipe.patterns
        table = nlp.replace_pipe(name, "newsgraph_attribute_ruler", config={"validate": pipe.validate})
        assert isinstance(table, TableAttributeRuler)
        table.add_patterns(patterns)
    return nlp
