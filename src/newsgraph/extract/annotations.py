"""The typed annotations newsgraph's components hand to each other, registered once.

Everything a component leaves on a :class:`~spacy.tokens.Doc` for the next one is spaCy's own kind
of annotation, so ``doc.to_bytes()`` keeps it and ``nlp.pipe(n_process=N)`` can ship it between
processes:

- ``doc._.newsgraph_context``: the article's :class:`ArticleContext` (publication date, headings),
  set once before the pipeline runs and read by every component;
- ``doc.spans["newsgraph_entities"]``: one span per entity mention, labelled with the entity's
  type, its ``id_`` the entity's id (``"e3"``), written by ``newsgraph_entities``;
- ``doc.spans["newsgraph_titles"]``: the official titles ("Foreign Minister") found in the text;
- ``doc._.newsgraph_entities``: the article's entities as typed, frozen
  :class:`~newsgraph.extract.facts.EntityFact` records, written by ``newsgraph_entities`` and
  read by the quotes, places and events;
- ``doc._.newsgraph_facts``: the other components' fact records, in their JSON form.

:func:`fact_lists` turns them into the JSON fact lists of docs/schema.md: the one place that does,
called when the runner makes an article of a doc.

Per-doc caches of derived strings (the text, the token strings) live beside the doc in a
weak-keyed table, not in it: they go when the doc goes and never travel with it."""

from __future__ import annotations

import datetime as dt
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import srsly
from spacy.attrs import LEMMA, ORTH, POS, SENT_START, SPACY
from spacy.tokens import Doc, Span, SpanGroup

from ..records import FACT_KINDS
from .facts import CountFact, DateFact, EntityFact, PlaceFact, QuoteFact

#: Span group names.
ENTITY_SPANS = "newsgraph_entities"
TITLE_SPANS = "newsgraph_titles"


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What components may know of an article besides its text."""

    published: dt.date | None = None
    #: character ``(start, end)`` of every in-body section heading
    headings: tuple[tuple[int, int], ...] = ()
    #: the country the article is mostly about (PLOVER code), set by ``newsgraph_entities``
    main_country: str | None = None

    @property
    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None

    def in_heading(self, start: int, end: int | None = None) -> bool:
        """True when the characters ``[start, end)`` (or the one at ``start``) lie in a heading."""
        stop = start + 1 if end is None else end
        return any(s <= start and stop <= e for s, e in self.headings)


NO_CONTEXT = ArticleContext()

_CONTEXT_TAG = "__newsgraph_context__"


def _encode_context(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, ArticleContext):
        return {_CONTEXT_TAG: [obj.published_iso, [list(h) for h in obj.headings], obj.main_country]}
    return obj if chain is None else chain(obj)


def _decode_context(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and _CONTEXT_TAG in obj:
        published, headings, country = obj[_CONTEXT_TAG]
        return ArticleContext(
            dt.date.fromisoformat(published) if published else None,
            tuple((int(s), int(e)) for s, e in headings),
            country,
        )
    return obj if chain is None else chain(obj)


# srsly's msgpack (which Doc.to_bytes uses) looks up these registries on every pack and unpack
srsly.msgpack_encoders.register("newsgraph_context", func=_encode_context)
srsly.msgpack_decoders.register("newsgraph_context", func=_decode_context)

if not Doc.has_extension("newsgraph_context"):
    Doc.set_extension("newsgraph_context", default=None)
if not Doc.has_extension("newsgraph_facts"):
    Doc.set_extension("newsgraph_facts", default=None)
if not Doc.has_extension("newsgraph_entities"):
    Doc.set_extension("newsgraph_entities", default=None)
for _kind in ("quotes", "places", "dates", "counts"):
    if not Doc.has_extension(f"newsgraph_{_kind}"):
        Doc.set_extension(f"newsgraph_{_kind}", default=None)

#: Fact kinds with typed records of their own (``doc._.newsgraph_<kind>``).
TYPED_KINDS = ("entities", "quotes", "places", "dates", "counts")
#: Fact kinds kept in their JSON form in ``doc._.newsgraph_facts``.
DICT_KINDS = tuple(kind for kind in FACT_KINDS if kind not in TYPED_KINDS)


def article_context(doc: Doc) -> ArticleContext:
    """The doc's :class:`ArticleContext` (an empty one when the doc came from plain text)."""
    ctx: ArticleContext | None = doc._.newsgraph_context
    return ctx if ctx is not None else NO_CONTEXT


def set_article_context(doc: Doc, context: ArticleContext) -> None:
    doc._.newsgraph_context = context


def doc_facts(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The fact lists of ``doc`` other than the entities (:data:`DICT_KINDS`), created empty on
    first use."""
    facts: dict[str, list[dict[str, Any]]] | None = doc._.newsgraph_facts
    if facts is None:
        facts = {kind: [] for kind in DICT_KINDS}
        doc._.newsgraph_facts = facts
    return facts


def _records(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    # a doc read back with Doc.from_bytes holds a list: msgpack has no tuples
    return value if isinstance(value, tuple) else tuple(value)


def doc_entities(doc: Doc) -> tuple[EntityFact, ...]:
    """The entities ``newsgraph_entities`` found (empty when it did not run)."""
    return _records(doc._.newsgraph_entities)


def set_doc_entities(doc: Doc, entities: tuple[EntityFact, ...]) -> None:
    doc._.newsgraph_entities = entities


def doc_quotes(doc: Doc) -> tuple[QuoteFact, ...]:
    """The quotes ``newsgraph_quotes`` found (empty when it did not run)."""
    return _records(doc._.newsgraph_quotes)


def set_doc_quotes(doc: Doc, quotes: tuple[QuoteFact, ...]) -> None:
    doc._.newsgraph_quotes = quotes


def doc_places(doc: Doc) -> tuple[PlaceFact, ...]:
    """The places ``newsgraph_places`` found (empty when it did not run)."""
    return _records(doc._.newsgraph_places)


def set_doc_places(doc: Doc, places: tuple[PlaceFact, ...]) -> None:
    doc._.newsgraph_places = places


def doc_dates(doc: Doc) -> tuple[DateFact, ...]:
    """The dates ``newsgraph_dates`` found (empty when it did not run)."""
    return _records(doc._.newsgraph_dates)


def set_doc_dates(doc: Doc, dates: tuple[DateFact, ...]) -> None:
    doc._.newsgraph_dates = dates


def doc_counts(doc: Doc) -> tuple[CountFact, ...]:
    """The counts ``newsgraph_counts`` found (empty when it did not run)."""
    return _records(doc._.newsgraph_counts)


def set_doc_counts(doc: Doc, counts: tuple[CountFact, ...]) -> None:
    doc._.newsgraph_counts = counts


def fact_lists(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """Every fact of ``doc`` in its JSON form (docs/schema.md), one list per kind of
    :data:`~newsgraph.records.FACT_KINDS`."""
    facts = doc_facts(doc)
    out = {kind: list(facts.get(kind, [])) for kind in DICT_KINDS}
    out["entities"] = [e.as_json() for e in doc_entities(doc)]
    out["quotes"] = [q.as_json() for q in doc_quotes(doc)]
    out["places"] = [p.as_json() for p in doc_places(doc)]
    out["dates"] = [d.as_json() for d in doc_dates(doc)]
    out["counts"] = [c.as_json() for c in doc_counts(doc)]
    return {kind: out[kind] for kind in FACT_KINDS}


# -- entity mentions ---------------------------------------------------------------------------
def set_entity_spans(doc: Doc, mentions: list[tuple[int, int, str, str]]) -> None:
    """Record entity mentions as ``(start token, end token, type, entity id)``."""
    spans = [Span(doc, start, end, label=label, span_id=eid) for start, end, label, eid in mentions]
    doc.spans[ENTITY_SPANS] = SpanGroup(doc, name=ENTITY_SPANS, spans=spans)
    _INDEX.pop(doc)


def entity_index(doc: Doc) -> dict[int, str]:
    """Token index -> id of the entity whose mention covers it (``newsgraph_entities``' spans)."""
    cached = _INDEX.get(doc)
    if cached is not None:
        return cached
    index: dict[int, str] = {}
    if ENTITY_SPANS in doc.spans:
        for span in doc.spans[ENTITY_SPANS]:
            eid = span.id_
            for i in range(span.start, span.end):
                index[i] = eid
    _INDEX[doc] = index
    return index


# -- per-doc caches, beside the doc ---------------------------------------------------------------
V = TypeVar("V")


class _DocTable(Generic[V]):
    """One value per doc, weak-keyed (it goes when the doc goes), with the last doc asked for at
    hand: the steps of a component ask for the same doc's words hundreds of times, and a
    ``WeakKeyDictionary`` makes a new weak reference for every look-up."""

    def __init__(self) -> None:
        self._table: weakref.WeakKeyDictionary[Doc, V] = weakref.WeakKeyDictionary()
        self._last: tuple[weakref.ref[Doc], V] | None = None

    def get(self, doc: Doc) -> V | None:
        last = self._last
        if last is not None and last[0]() is doc:  # a dead reference gives None: never a new doc
            return last[1]
        value = self._table.get(doc)
        if value is not None:
            self._last = (weakref.ref(doc), value)
        return value

    def __setitem__(self, doc: Doc, value: V) -> None:
        self._table[doc] = value
        self._last = (weakref.ref(doc), value)

    def pop(self, doc: Doc) -> None:
        self._table.pop(doc, None)
        self._last = None


_TEXT: _DocTable[str] = _DocTable()
_WORDS: _DocTable[list[str]] = _DocTable()
_LOWERS: _DocTable[list[str]] = _DocTable()
_LEMMAS: _DocTable[list[str]] = _DocTable()
_POS: _DocTable[list[int]] = _DocTable()
_INDEX: _DocTable[dict[int, str]] = _DocTable()
_SENTS: _DocTable[list[int]] = _DocTable()
_WORD_SETS: _DocTable[frozenset[str]] = _DocTable()


def remember_text(doc: Doc, text: str) -> None:
    """Tell the cache the doc's text (known when the doc is made from it)."""
    _TEXT[doc] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy rebuilds it from every token on each access (a
    :class:`Token` per word). Built here from :func:`doc_words` and the trailing spaces, as spaCy
    joins ``text_with_ws``, at about half the cost."""
    last = _TEXT._last  # as in :func:`doc_words`
    if last is not None and last[0]() is doc:
        return last[1]
    text = _TEXT.get(doc)
    if text is None:
        spaces: list[int] = doc.to_array(SPACY).tolist()
        text = _TEXT[doc] = "".join(
            [w + " " if s else w for w, s in zip(doc_words(doc), spaces, strict=True)]
        )
    return text


#: Strings by their hash (spaCy's hash of a string is the same in every vocab), shared by all
#: docs so that a doc's words are looked up in one ``map`` over a dict; emptied when it reaches
#: STRINGS_MOST entries.
_STRINGS: dict[int, str] = {}
STRINGS_MOST = 500_000


def _token_strings(doc: Doc, attr: int, cache: _DocTable[list[str]]) -> list[str]:
    words = cache.get(doc)
    if words is None:
        ids: list[int] = doc.to_array(attr).tolist()
        try:
            words = list(map(_STRINGS.__getitem__, ids))
        except KeyError:  # words not seen before: from the doc's vocab, then remembered
            strings = doc.vocab.strings
            # a local table: another thread may empty the shared one meanwhile (Dask threads)
            table = {h: strings[h] for h in set(ids)}
            words = list(map(table.__getitem__, ids))
            if len(_STRINGS) >= STRINGS_MOST:
                _STRINGS.clear()
            _STRINGS.update(table)
        cache[doc] = words
    return words


def doc_words(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, built once per doc from the doc's array (no :class:`Token` per
    word), so that the whole-doc scans of several components share it, loop over plain strings and
    make a Token only for their hits. Our components never retokenise, so it stays valid."""
    last = _WORDS._last  # the last doc's words at hand without two more calls (~57,000 asks per
    if last is not None and last[0]() is doc:  # 300 articles)
        return last[1]
    return _token_strings(doc, ORTH, _WORDS)


def word_lines(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The ``[start, end)`` word ranges of the text's lines: a line ends with the word that holds
    its line break (a whitespace token), or with the text."""
    start = 0
    for k in [k for k, word in enumerate(words) if "\n" in word]:  # a list: a loop in C
        yield start, k + 1
        start = k + 1
    if start < len(words):
        yield start, len(words)


#: Up to this many names, :func:`word_positions` scans the words once per name.
_FEW_NAMES = 4


def word_positions(words: list[str], names: set[str] | frozenset[str]) -> list[int]:
    """Where ``words`` hold one of ``names``, in order: ``[k for k, w in enumerate(words) if w in
    names]``; for a few names, each found by ``list.index`` (a scan in C) instead of a test per
    word in Python."""
    if len(names) > _FEW_NAMES:
        return [k for k, w in enumerate(words) if w in names]
    out: list[int] = []
    for name in names:
        k = -1
        try:
            while True:
                k = words.index(name, k + 1)
                out.append(k)
        except ValueError:
            pass
    out.sort()
    return out


def doc_word_set(doc: Doc) -> frozenset[str]:
    """The doc's distinct words (:func:`doc_words`), kept per doc: the scans for the few words
    of a table take the table's words from it with one set operation."""
    distinct = _WORD_SETS.get(doc)
    if distinct is None:
        distinct = _WORD_SETS[doc] = frozenset(doc_words(doc))
    return distinct


class WordTest:
    """A test of single words with its answers remembered as two sets (the words asked, the words
    that passed), so that a doc's words that pass are found by set operations in C: only the
    words not asked before run the test. Emptied when ``most`` words have been asked."""

    def __init__(self, test: Callable[[str], bool], most: int = 65_536) -> None:
        self._test = test
        self._most = most
        self._state: tuple[set[str], set[str]] = (set(), set())

    def among(self, words: frozenset[str]) -> set[str]:
        """The words of ``words`` that pass the test."""
        asked, passed = state = self._state  # one state per call: another thread may renew it
        new: set[str] | frozenset[str] = words - asked
        if new:
            if len(asked) >= self._most:
                asked, passed = state = (set(), set())
                self._state = state
                new = words
            passed.update(filter(self._test, new))  # before ``asked``: a word asked has its answer
            asked.update(new)
        return passed.intersection(words)


def doc_lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, kept like :func:`doc_words`: ``str.lower`` of each word, which
    is how spaCy makes a lexeme's ``LOWER`` (``spacy.lang.lex_attrs.lower``), at about a third of
    the cost of reading the doc's ``LOWER`` array and looking its strings up."""
    last = _LOWERS._last  # as in :func:`doc_words`
    if last is not None and last[0]() is doc:
        return last[1]
    lowers = _LOWERS.get(doc)
    if lowers is None:
        lowers = _LOWERS[doc] = list(map(str.lower, doc_words(doc)))
    return lowers


def doc_lemmas(doc: Doc) -> list[str]:
    """``[t.lemma_ for t in doc]``, kept like :func:`doc_words` (the lemmatizer runs before our
    components, which never change a lemma)."""
    return _token_strings(doc, LEMMA, _LEMMAS)


def doc_pos(doc: Doc) -> list[int]:
    """``[t.pos for t in doc]`` (ids: compare with ``spacy.symbols.VERB`` ...), kept like
    :func:`doc_words`, so that a scan for verbs makes Token objects for the verbs alone."""
    pos = _POS.get(doc)
    if pos is None:
        pos = _POS[doc] = doc.to_array(POS).tolist()
    return pos


def doc_sent_starts(doc: Doc) -> list[int]:
    """The tokens that open a sentence (``SENT_START`` 1), in order, read from the doc's array once
    per doc; empty when the doc has no sentence boundaries (nor a token after the first)."""
    starts = _SENTS.get(doc)
    if starts is None:
        starts = _SENTS[doc] = (doc.to_array(SENT_START) == 1).nonzero()[0].tolist()
    return starts


def ner_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Start and end (token indexes) of the model's entity that token ``i`` is in, from the
    IOB tags ("New York" for "York"); ``(i, i + 1)`` for a token outside any entity."""
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """``(doc[i].sent.start, doc[i].sent.end)`` (also a span's ``span.sent`` for ``i`` its start)
    from :func:`doc_sent_starts`, without the Token and the two Spans spaCy makes per look (~14 µs):
    the sentence runs from the last start at or before ``i`` (else the doc's first token) to the
    next start after it (else the doc's end). A doc with sentence hooks is asked itself; one with
    no boundaries raises ``ValueError`` as spaCy does."""
    if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks:
        sent = doc[i].sent
        return sent.start, sent.end
    starts = doc_sent_starts(doc)
    if len(starts) <= 1 and not doc.has_annotation("SENT_START"):
        return _no_sentences(doc, i)
    k = bisect_right(starts, i)
    return (starts[k - 1] if k else 0), (starts[k] if k < len(starts) else len(doc))


def _no_sentences(doc: Doc, i: int) -> tuple[int, int]:
    sent = doc[i].sent  # raises spaCy's own error (E030)
    return sent.start, sent.end


def forget_tags(doc: Doc) -> None:
    """Drop the cached tags, lemmas and sentence starts of ``doc`` (:func:`doc_pos`,
    :func:`doc_lemmas`, :func:`doc_sent_starts`): for a step that writes new ones into the doc
    (the events' re-parse of title-case sentences)."""
    _POS.pop(doc)
    _LEMMAS.pop(doc)
    _SENTS.pop(doc)
