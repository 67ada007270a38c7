"""How likely a quote record is to be right: a confidence in [0, 1] per quote.

What goes wrong with quote attribution on ordinary news is mostly reported speech that is none (a
clause after "know", "see" or "show", an object of "support" that is an act, not words) and the
edges of reported stretches; words between quotation marks with a plain verb of saying and a
named speaker are nearly always right. The confidence weighs that evidence:

=================  ==============================================================================
evidence           why
=================  ==============================================================================
kind               words in quotation marks are the surest; reported speech (``indirect``) the
                   least sure, a ``mixed`` quote between
split              a quote split by its attribution ("“A,” he said. “B.”"): a quotation for sure
cue                the word that reports the words: a verb of saying ("said", "told", "added";
                   ``data/quote_cue_classes.tsv``, class ``speech``), a verb of thought or
                   perception ("believes", "knows", "suggested": class ``thought``), another
                   reporting verb, an attitude verb only ("backed the deal"), "according to",
                   a colon line, an attribution noun ("Trump's assertion that"), a verb outside
                   the lexicons ("Democrats fret that"), or none
negated cue        "did not say that ...": the words are not said to have been said
speaker            resolved to a named entity by a name or title, a pronoun (resolved or not),
                   words naming no entity ("officials"), or no speaker
apart              the speaker is named outside the quote's sentence (a continuation, the
                   sentence before)
far                more than eight words lie between the cue and the speaker
via                the text says who passed the words on ("according to CNN")
sentences          the quote runs over more than one sentence
short              four words or fewer
=================  ==============================================================================

The weights are log-odds in ``data/quote_confidence.tsv``, fitted on the tune half of PolNeAR dev
only (``eval/quotes_confidence.py``: a logistic regression with a Gaussian prior of mean 0, so a
sign the tune half hardly shows keeps a weight near 0). The ``quotes`` command, the exports and
the web UI report quotes at or above :data:`DEFAULT_MIN_QUOTE_CONFIDENCE` unless told otherwise
(docs/quotes.md gives the precision there)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from ...tables import data_rows
from ..thresholds import DEFAULT_MIN_QUOTE_CONFIDENCE as DEFAULT_MIN_QUOTE_CONFIDENCE
from .lexicon import attitude_frames, reporting_lemmas
from .records import Quote

#: The weight table and the cue classes.
TABLE = ("newsgraph.extract", "quote_confidence.tsv")
CUE_TABLE = ("newsgraph.extract", "quote_cue_classes.tsv")

#: The kinds of cue (``cue_<kind>`` features).
CUES = ("none", "speech", "thought", "report", "attitude", "according", "colon", "noun", "other")
#: The kinds of speaker (``speaker_<kind>`` features).
SPEAKERS = ("name", "pronoun", "words", "none")
#: Words that name a speaker only through someone named elsewhere.
_PRONOUNS = frozenset("i we you he she they him her them it who that which".split())
#: More words than this between the cue and the speaker make them ``far`` apart.
FAR = 8
#: A quote of this many words or fewer is ``short``.
SHORT = 4


@cache
def cue_classes() -> dict[str, str]:
    """Reporting lemma -> ``speech`` or ``thought`` (``data/quote_cue_classes.tsv``)."""
    return {row[0]: row[1] for row in data_rows(*CUE_TABLE, strip=True) if len(row) >= 2}


@cache
def weights() -> dict[str, float]:
    """The weight table: feature name -> log-odds weight (and ``bias``)."""
    return {row[0]: float(row[1]) for row in data_rows(*TABLE, strip=True) if len(row) >= 2}


@dataclass(frozen=True, slots=True)
class QuoteEvidence:
    """What the confidence of one quote is computed from."""

    kind: str
    cue: str
    speaker: str
    split: bool = False
    negated: bool = False
    apart: bool = False
    far: bool = False
    via: bool = False
    sentences: bool = False
    short: bool = False

    @classmethod
    def of(cls, doc: Doc, quote: Quote) -> QuoteEvidence:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        inner = [t for t in span if not (t.is_space or t.is_punct)] if span is not None else []
        words = sum(1 for t in inner if t.is_alpha)
        speaker = quote.speaker
        apart = False
        far = False
        if speaker is not None and span is not None and len(span):
            first, last = span[0].sent, span[-1].sent
            apart = speaker.end <= first.start or speaker.start >= last.end
            if quote.cue is not None:
                gap = max(speaker.start - quote.cue.i - 1, quote.cue.i - speaker.end, 0)
                far = gap > FAR
        return cls(
            kind=quote.kind,
            cue=_cue_kind(quote),
            speaker=_speaker_kind(speaker, quote.speaker_id),
            split=len(quote.parts or ()) > 1,
            negated=quote.cue is not None and any(c.dep_ == "neg" for c in quote.cue.children),
            apart=apart,
            far=far,
            via=quote.via is not None,
            sentences=bool(inner) and inner[0].sent.start != inner[-1].sent.start,
            short=words <= SHORT,
        )

    def features(self) -> dict[str, float]:
        """The evidence as named values, the weight table's names (absent ones are 0)."""
        out = {f"cue_{self.cue}": 1.0, f"speaker_{self.speaker}": 1.0}
        if self.kind != "direct":
            out[f"kind_{self.kind}"] = 1.0
        for name in ("split", "negated", "apart", "far", "via", "sentences", "short"):
            if getattr(self, name):
                out[name] = 1.0
        return out


def _cue_kind(quote: Quote) -> str:
    cue = quote.cue
    if cue is None:
        return "none"
    if quote.cue_span is not None or cue.lower_ == "according":
        return "according"
    if cue.text == ":" or cue.is_punct:
        return "colon"
    lemma = cue.lemma_.lower()
    if cue.pos_ == "NOUN":
        return "noun"
    kind = cue_classes().get(lemma)
    if kind is not None:
        return kind
    if lemma in reporting_lemmas():
        return "report"
    if lemma in attitude_frames():
        return "attitude"
    return "other"


def _speaker_kind(speaker: Span | None, speaker_id: str | None) -> str:
    if speaker is None:
        return "none"
    if len(speaker) == 1 and speaker[0].lower_ in _PRONOUNS:
        return "pronoun"
    return "name" if speaker_id is not None else "words"


def score(evidence: QuoteEvidence, table: Mapping[str, float] | None = None) -> float:
    """The evidence's summed weights (log-odds)."""
    w = weights() if table is None else table
    return w.get("bias", 0.0) + sum(w.get(name, 0.0) * value for name, value in evidence.features().items())


def confidence(evidence: QuoteEvidence, table: Mapping[str, float] | None = None) -> float:
    """The probability that the quote is right, rounded to three decimals."""
    return round(1.0 / (1.0 + math.exp(-score(evidence, table))), 3)
