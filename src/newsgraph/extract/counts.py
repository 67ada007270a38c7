"""Counts of people and things, percentages and money: the ``newsgraph_counts`` component.

One regular expression, built from the word lists in ``data/counts_numbers.tsv`` and
``data/counts_currencies.tsv``, finds number expressions in the text ("39,000", "2.6 million",
"twenty-five", "half a million", "dozens", "$2.5bn", "90 percent"). Each is then checked against
what it is not (dates, times, ages, years, ordinals, phone numbers, names such as "resolution 2397"
or "Hwasong-15", measurements such as "40 kilometres") and read in its sentence's dependency parse:

* the counted noun is the noun the number modifies ("39,000 Palestinians") or the object of its
  "of" ("dozens of people"); the object is that noun with its left modifiers ("North Korean entities");
* the kind comes from the verb the noun phrase is an argument of ("killed 12", "12 died",
  "12 were arrested"), a state word said of it ("left 31 dead", "remain missing"), a noun in the
  clause that names the count ("the death toll rose to 39", "a crowd of 10,000") or the counted noun
  itself ("12 fatalities", "3,000 troops"), all from ``data/counts_kinds.tsv``;
* the qualifier comes from the phrase before or after it (``data/counts_qualifiers.tsv``).

:func:`parse_number` is the number reader on its own (:mod:`newsgraph.extract.numbers`, with currency
symbols)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..tables import TABLES_VERSION, data_rows
from . import count_confidence
from .annotations import doc_text, ner_bounds, set_doc_counts
from .component import Component
from .count_kinds import SKIP_ENTS, choose, kinds_of, lemma_of, lookup
from .facts import CountFact, TextSpan
from .numbers import Number, number_words, round_half_up
from .numbers import parse_number as numbers_parse

QUALIFIERS = ("exact", "at_least", "at_most", "about")

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PERCENT = r"\s*(?:%|percent|per\s+cent|percentage\s+points?)(?!\w)"
_DETERMINERS = frozenset("the these those its their his her our my your this that".split())
_MOD_DEPS = frozenset(("amod", "compound", "nmod"))
_MAX_VALUE = 2**63 - 1  # the store's BIGINT
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|and|or)\s*", re.IGNORECASE)
_DET_END = re.compile(r"\b(?:the|these|those|its|their|his|her|our|my|your)\s+$", re.IGNORECASE)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, their spaces matching any whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The counts component's tables and the patterns built from them."""

    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    qualifier_words: frozenset[str]
    #: (role, lemma) -> kind; roles obj, subj, state, noun, frame, frame:<prep>, head; and
    #: ("unit", word) -> "unit" for the nouns of measures and durations
    kinds: dict[tuple[str, str], str]
    symbols: dict[str, str]
    currency_words: dict[str, str]
    #: currency word -> what one of it is worth in the unit ("cent" -> 0.01)
    currency_factors: dict[str, Decimal]
    names: frozenset[str]
    ages: frozenset[str]
    following: frozenset[str]
    number_re: re.Pattern[str]
    symbol_re: re.Pattern[str]
    before_re: re.Pattern[str]
    after_re: re.Pattern[str]
    exclude_re: re.Pattern[str] | None


@cache
def lexicon() -> Lexicon:
    """The tables under ``data/counts_*``, read once."""
    numbers = number_words()
    units, scales, suffixes, leads = numbers.units, numbers.scales, numbers.suffixes, numbers.leads
    vague, few = numbers.vague, numbers.few
    qb: dict[str, str] = {}
    qa: dict[str, str] = {}
    for phrase, qual, where in data_rows("newsgraph.extract", "counts_qualifiers.tsv", strip=True):
        (qb if where == "before" else qa)[phrase.lower()] = qual
    kinds = {
        (role, lemma.lower()): kind
        for lemma, role, kind in data_rows("newsgraph.extract", "counts_kinds.tsv", strip=True)
    }
    symbols: dict[str, str] = {}
    cwords: dict[str, str] = {}
    factors: dict[str, Decimal] = {}
    for row in data_rows("newsgraph.extract", "counts_currencies.tsv", strip=True):
        form, code, cls = row[:3]
        if cls == "symbol":
            symbols[form] = code
        else:
            cwords[form.lower()] = code
            if len(row) > 3:
                factors[form.lower()] = Decimal(row[3])
    not_counted: dict[str, set[str]] = {}
    for word, why in data_rows("newsgraph.extract", "counts_not_counted.tsv", strip=True):
        not_counted.setdefault(why, set()).add(word.lower())
    kinds.update((("unit", w), "unit") for w in not_counted.get("unit", ()))  # looked up like a kind
    exclude = [ln[0] for ln in data_rows("newsgraph.extract", "counts_exclude.txt", strip=True)]

    unit_w, scale_w, vague_w = _alt(units), _alt(scales), _alt(vague)
    leads_w = _alt(w for w in leads if w != "half")
    vague_num = (
        rf"(?:(?:{_alt(few)})\s+)?(?:tens\s+of\s+(?:{vague_w})|(?:{vague_w}))(?:\s+of\s+(?:{vague_w}))*"
        rf"|(?:{_alt(few)})\s+(?:{scale_w})"
    )
    digit_num = rf"(?:{_DIGITS})(?:(?:{_alt(suffixes)})(?!\w)|(?:\s+(?:{scale_w}))*)"
    word_num = (
        rf"(?:(?:half\s+)?(?:{leads_w})\s+(?:{scale_w})|(?:{unit_w}))"
        rf"(?:(?:\s+|-)(?:{unit_w}|{scale_w})|\s+and\s+(?:{unit_w}))*"
    )
    number_re = re.compile(
        rf"(?<![\w.,/:#-])(?:(?P<sym>{_alt(symbols)})\s?)?"
        rf"(?:(?P<vague>{vague_num})|(?P<digits>{digit_num})|(?P<words>{word_num}))(?!\w)"
        rf"(?P<pct>{_PERCENT})?",
        re.IGNORECASE,
    )
    before_re = re.compile(rf"(?:^|(?<=\W))(?P<q>{_alt(qb)})\s*$", re.IGNORECASE)
    after_re = re.compile(rf"\s*(?P<q>{_alt(qa)})(?!\w)", re.IGNORECASE)
    return Lexicon(
        qualifiers_before=qb,
        qualifiers_after=qa,
        qualifier_words=frozenset(w for phrase in qb for w in phrase.split()),
        kinds=kinds,
        symbols=symbols,
        currency_words=cwords,
        currency_factors=factors,
        names=frozenset(not_counted.get("name", ())),
        ages=frozenset(not_counted.get("age", ())),
        following=frozenset(not_counted.get("next", ())),
        number_re=number_re,
        symbol_re=re.compile(rf"^\s*(?:{_alt(symbols)})\s?", re.IGNORECASE),
        before_re=before_re,
        after_re=after_re,
        exclude_re=re.compile("|".join(f"(?:{p})" for p in exclude), re.IGNORECASE) if exclude else None,
    )


def parse_number(text: str) -> Number | None:
    """Read a number expression as :func:`newsgraph.extract.numbers.parse_number` does, a currency
    symbol before it ignored: "$480bn" -> 480000000000. None when ``text`` holds no number."""
    return numbers_parse(lexicon().symbol_re.sub("", text, count=1))  # "$2.5" -> "2.5"


@dataclass(slots=True)
class Count:
    """One count: the number's characters, what qualifies it, and what it counts."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: int | None
    amount: Decimal | None
    qualifier: str = "exact"
    kind: str = "other"
    unit: str | None = None
    object: tuple[int, int] | None = None
    #: the number is a vague word ("dozens", "hundreds", "several")
    vague: bool = False
    #: how likely the count is right, in [0, 1] (``extract/count_confidence.py``)
    confidence: float = 1.0

    def fact(self, text: str) -> CountFact:
        """The count as the typed record the doc carries (``text`` is the doc's text)."""
        amount: int | float | None = None
        if self.amount is not None:
            amount = (
                int(self.amount) if self.amount == self.amount.to_integral_value() else float(self.amount)
            )
        obj = None
        if self.object is not None:
            os_, oe = self.object
            obj = TextSpan(text[os_:oe], os_, oe)
        return CountFact(
            text=text[self.start : self.end],
            start=self.start,
            end=self.end,
            value=self.value,
            amount=amount,
            number_text=text[self.number_start : self.number_end],
            qualifier=self.qualifier,
            kind=self.kind,
            object=obj,
            unit=self.unit,
            confidence=self.confidence,
        )

    def as_dict(self, text: str) -> dict[str, Any]:
        """The JSON form (docs/counts.md)."""
        return self.fact(text).as_json()


# ---- reading the parse ----


def _dated(lex: Lexicon, span: Span) -> bool:
    """The number is part of a date, a time or an ordinal by spaCy's entities. A DATE or TIME entity
    with no word but the number and its qualifier ("past 1,000") is taken for a tagging slip: years,
    ages and names are caught by their own rules."""
    doc = span.doc
    for tok in span:
        label = tok.ent_type_
        if label not in SKIP_ENTS:
            continue
        if label == "ORDINAL":
            return True
        i, j = ner_bounds(doc, tok.i)
        for word in doc[i:j]:
            alpha = any(c.isalpha() for c in word.text)
            if alpha and not (span.start <= word.i < span.end) and word.lower_ not in lex.qualifier_words:
                return True
    return False


def _number_root(span: Span) -> Token:
    """The number token to read the parse from. Coordinated numbers share the noun of the one it hangs
    on: "between 200 and 300 people", "two or three soldiers"."""
    root = span.root
    for _ in range(3):
        head = root.head
        if head.tag_ != "CD" or head.i == root.i or abs(head.i - root.i) > 3:
            break
        if head.i >= span.end or (root.dep_ == "conj" and head.i < span.start):
            root = head
        else:
            break
    return root


def _counted(root: Token, span: Span) -> tuple[Token | None, Token]:
    """The counted noun (None when the number stands alone) and the token heading the count's
    noun phrase."""
    head = root.head
    if (
        root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
        and head.i >= span.end
        and head.pos_ in ("NOUN", "PROPN", "ADJ")
    ):
        return head, head
    for tok in (*span, root):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                    return pobj, root
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and not nxt.is_sent_start and nxt.head.i != root.i:
        return nxt, nxt  # a parse that missed the link: "1.2m workers"
    return None, root


def _object(lex: Lexicon, counted: Token, after: int) -> tuple[int, int] | None:
    """The counted noun with its left modifiers, none before token index ``after``."""
    if counted.pos_ == "PRON" or (lookup(lex, "state", counted) and counted.tag_ not in ("NNS", "NNPS")):
        return None  # "three of them", "200 dead"
    left = counted.i
    for child in counted.lefts:
        if child.dep_ in _MOD_DEPS and child.i > after:
            left = min(left, max(child.left_edge.i, after + 1))
    doc = counted.doc
    for i in range(left, counted.i):  # no punctuation inside, no "more" in front
        if doc[i].is_punct and doc[i].text != "-":
            left = i + 1
    while left < counted.i and (doc[left].lower_ in ("more", "other") or doc[left].like_num):
        left += 1
    return doc[left].idx, counted.idx + len(counted.text)


def _currency(lex: Lexicon, counted: Token) -> str | None:
    lemma = lemma_of(counted)
    for child in counted.lefts:  # "Australian dollars", "Hong Kong dollars", "Egyptian pounds"
        if child.dep_ in _MOD_DEPS:
            name = counted.doc[child.left_edge.i : child.i + 1].text.lower() + " " + lemma
            if name in lex.currency_words:
                return lex.currency_words[name]
    return lex.currency_words.get(lemma) or lex.currency_words.get(counted.lower_)


# ---- the component ----


def _qualifier(lex: Lexicon, text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """The qualifier around ``text[start:end]`` and the span widened to take it in."""
    qual = None
    m = lex.before_re.search(text, max(0, start - 40), start)
    if m is not None and _DET_END.search(text, max(0, m.start() - 8), m.start()):
        m = None  # "the past nine elections", "its over 50s"
    if m is not None:
        qual = lex.qualifiers_before[re.sub(r"\s+", " ", m.group("q").lower())]
        start = m.start("q")
    a = lex.after_re.match(text, end, min(len(text), end + 20))
    if a is not None:
        qual = qual or lex.qualifiers_after[a.group("q").lower()]
        end = a.end("q")
    return qual, start, end


def _excluded(lex: Lexicon, text: str, start: int, end: int) -> bool:
    """``text[start:end]`` lies in a phone number, a clock time, a ratio ... (``data/counts_exclude.txt``)."""
    if lex.exclude_re is None:
        return False
    lo = max(0, start - 24)
    return any(
        s < end and start < e for s, e in (m.span() for m in lex.exclude_re.finditer(text, lo, end + 24))
    )


def _is_year(m: re.Match[str]) -> bool:
    digits = m.group("digits")
    return bool(
        digits
        and len(digits) == 4
        and digits.isdigit()
        and 1800 <= int(digits) <= 2100
        and not m.group("sym")
    )


def _named(lex: Lexicon, doc: Doc, span: Span, counted: Token | None) -> bool:
    """The number is a name, an age or a clock time, not a count."""
    i = span.start - 1
    if i >= 0 and doc[i].text == "." and i > 0 and doc[i - 1].lower_ + "." in lex.names:
        i -= 1  # "no. 225" tokenised as "no" "."
    if i >= 0:
        prev = doc[i]
        low = prev.lower_
        if low in lex.names or lemma_of(prev) in lex.names or low + "." in lex.names or low in lex.ages:
            return True
        plural = counted is not None and counted.tag_ in ("NNS", "NNPS")
        named = prev.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "DATE", "TIME")
        if prev.pos_ == "PROPN" and not named and not plural:
            return True  # "Boeing 737", "Apollo 11"
        if low == "of" and i > 0 and doc[i - 1].lower_ in lex.ages:
            return True  # "at the age of 45"
        if low in (",", "(") and counted is None and span.end < len(doc) and i > 0:
            nxt, before = doc[span.end].text, doc[i - 1]
            if (nxt in (",", ")") and before.pos_ in ("PROPN", "NOUN")) or (
                nxt in (",", ")", ".", ";") and before.ent_type_ == "PERSON"
            ):
                return True  # "The suspect, 34, was ...", "... Jorge Hernandez, 49."
    return span.end < len(doc) and doc[span.end].lower_ in lex.following


def find_counts(doc: Doc) -> list[Count]:
    """The counts in ``doc``, in text order."""
    lex = lexicon()
    text = doc_text(doc)
    counts: list[Count] = []
    for m in lex.number_re.finditer(text):
        ns, ne = m.start("vague"), m.end("vague")
        if ns < 0:
            ns, ne = (m.start("digits"), m.end("digits")) if m.group("digits") else m.span("words")
        number_text = text[ns:ne]
        nxt = text[ne : ne + 2]
        joined = nxt[:1] == "-" or (len(nxt) == 2 and nxt[0] in "/:" and nxt[1].isalnum())
        if joined and not m.group("pct") and not lex.after_re.match(text, ne, ne + 8):
            continue  # "10-member", "3-1", "18- to 24-year-olds", "24/7"
        if number_text[0] == "0" and len(number_text) > 1 and number_text[1].isdigit():
            continue
        if len(number_text) > 6 and number_text.isdigit():
            continue  # an identifier: a count this large is written "1,200,000" or "1.2 million"
        if _excluded(lex, text, ns, ne):
            continue
        parsed = parse_number(number_text)
        if parsed is None or (parsed.value is not None and parsed.value > _MAX_VALUE):
            continue
        span = doc.char_span(ns, ne, alignment_mode="expand")
        if span is None or _dated(lex, span):
            continue
        qual, start, end = _qualifier(lex, text, m.start(), m.end())
        count = Count(start, end, ns, ne, parsed.value, parsed.amount, qual or "exact")
        if parsed.vague:
            count.qualifier, count.vague = qual or "about", True
        if m.group("pct"):
            count.kind, count.unit = "percent", "percent"
            counts.append(count)
            continue
        root = _number_root(span)
        counted, np = _counted(root, span)
        if m.group("sym"):
            count.kind, count.unit = (
                "money",
                lex.symbols.get(m.group("sym")) or lex.symbols.get(m.group("sym").upper()),
            )
            counts.append(count)
            continue
        if counted is not None and (code := _currency(lex, counted)):
            count.kind, count.unit = "money", code
            factor = lex.currency_factors.get(lemma_of(counted)) or lex.currency_factors.get(counted.lower_)
            if factor is not None and count.amount is not None:  # "15 cents"
                count.amount = count.amount * factor
                count.value = round_half_up(count.amount)
            count.end = max(count.end, counted.idx + len(counted.text))
            counts.append(count)
            continue
        if not _keep(lex, doc, m, span, root, counted):
            continue
        count.kind = choose(kinds_of(lex, np, counted, root))
        if counted is not None:
            count.object = _object(lex, counted, span.end - 1)
        if _drop_after(doc, span, count, parsed, counted):
            continue
        counts.append(count)
    _link_ranges(text, counts)
    for count in counts:
        count.confidence = count_confidence.confidence(count, doc)
    return counts


def _keep(lex: Lexicon, doc: Doc, m: re.Match[str], span: Span, root: Token, counted: Token | None) -> bool:
    """False for what reads as a number but is not a count."""
    if counted is not None:
        if lookup(lex, "unit", counted) or (
            lemma_of(counted) == "pound"
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in counted.children)
        ):
            return False  # "40 kilometres", "three days", "1,300 pounds of fertiliser"
        if counted.tag_ == "NNP" and counted.i == root.head.i and counted.ent_type_ != "NORP":
            return False  # "10 Downing Street"
    partners = [root] + [c for c in (root.head, *root.children) if c.tag_ == "CD" and c.i != root.i]
    for tok in partners:
        near = [tok.head, *(c for c in tok.children if c.dep_ in ("npadvmod", "nmod", "appos"))]
        if tok.i + 1 < len(doc):
            near.append(doc[tok.i + 1])  # "29 years old" with "years" hung elsewhere
        if any(not (span.start <= t.i < span.end) and lookup(lex, "unit", t) for t in near):
            return False  # "a year or two", "27 and 29 years old"
    if counted is None and m.group(0).strip().lower() in ("one", "1"):
        return False  # a pronoun more often than a count: "one captured by a camera"
    digits = m.group("digits") or ""
    if "." in digits and not any(c.isalpha() for c in digits) and not m.group("sym"):
        return False  # "72.24 points", "8,189.49": no count of people or things has a fraction
    if _is_year(m):
        return False  # "in 2017", "below 2005 levels": edited news writes counts as "2,017"
    if m.group("vague") and root.pos_ == "VERB":
        return False  # "he scores"
    return not _named(lex, doc, span, counted)


def _drop_after(doc: Doc, span: Span, count: Count, parsed: Number, counted: Token | None) -> bool:
    """Cardinalities that are no reported figure: "one of them", "the two leaders", a bare "hundreds"
    that nothing says is dead, hurt, held ... ("in the hundreds")."""
    if count.kind != "other":
        return False
    if parsed.vague:
        return counted is None  # "credit scores", "in the hundreds"
    if parsed.value is not None and parsed.value < 2:
        return True
    if parsed.value is not None and parsed.value < 10 and count.qualifier == "exact" and span.start > 0:
        prev = doc[span.start - 1]
        return prev.lower_ in _DETERMINERS or prev.tag_ == "POS"
    return False


def _link_ranges(text: str, counts: list[Count]) -> None:
    """Two numbers joined as a range share a unit and kind: "from 2 to 9 percent", "$3 million to
    $4 million"; "between 200 and 300 people" is at_least 200 and at_most 300."""
    for a, b in itertools.pairwise(counts):
        gap = text[a.end : b.start]
        if not _RANGE_GAP.fullmatch(gap):
            continue
        if a.qualifier == "at_least" and text[a.start : a.number_start].lower().startswith("between"):
            if gap.strip().lower() != "and":
                continue
            b.qualifier = "at_most"
        if a.kind == "other" and a.object is None and a.unit is None:
            a.kind, a.object, a.unit = b.kind, b.object, b.unit


class CountExtractor(Component):
    """Fills ``doc._.newsgraph_counts`` with typed :class:`~newsgraph.extract.facts.CountFact`
    records."""

    tables = (
        ("newsgraph.extract", "counts_numbers.tsv"),
        ("newsgraph.extract", "counts_qualifiers.tsv"),
        ("newsgraph.extract", "counts_kinds.tsv"),
        ("newsgraph.extract", "counts_currencies.tsv"),
        ("newsgraph.extract", "counts_not_counted.tsv"),
        ("newsgraph.extract", "counts_exclude.txt"),
        ("newsgraph.extract", "fact_confidence.tsv"),
    )
    needs = ("DEP",)

    def annotate(self, doc: Doc) -> None:
        self.set_annotations(doc, find_counts(doc))

    def set_annotations(self, doc: Doc, counts: list[Count]) -> None:
        text = doc_text(doc)
        set_doc_counts(doc, tuple(c.fact(text) for c in counts))


@Language.factory(
    "newsgraph_counts",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_counts"],
    requires=["doc.ents", "token.dep", "token.lemma"],
)
def make_counts(nlp: Language, name: str, tables: str) -> CountExtractor:
    return CountExtractor(nlp, name, tables=tables)
