"""How likely a count record is to be right: a number of people, things or money that the text
reports, with its value and what it counts.

A count goes wrong when the number is no count (a score, a model number, a rank, a part of a
name), when the value is misread, or when the kind is wrong (dead read as hurt). The evidence
(names of the ``count`` rows of ``data/fact_confidence.tsv``, see
:mod:`newsgraph.extract.fact_confidence`):

=================  ============================================================================
evidence           why
=================  ============================================================================
``kind_<class>``   what is counted: ``event`` (killed, wounded, abducted, arrested, displaced,
                   missing), ``group`` (protesters, troops), ``money``, ``percent``, or
                   ``other`` (a number of anything else)
``object``         the counted noun was found ("12 soldiers"): a bare number ("rose to 12") is
                   less sure to count anything
``vague``          a vague word, not a figure ("dozens", "hundreds", "several")
``words``          the figure written in words ("twelve", "two"): small words are often no count
``qualified``      a qualifier was joined on ("at least", "about", "more than"): news qualifies
                   the figures it reports
``in_quote``       the number stands inside quotation marks: someone's words, not the report's
=================  ============================================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .annotations import doc_text
from .count_kinds import EVENT_KINDS, GROUP_KINDS
from .fact_confidence import score

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .counts import Count

#: Quotation marks that open (or, straight, open and close) a quotation.
_OPEN = frozenset("“«")
_CLOSE = frozenset("”»")
_STRAIGHT = '"'


def kind_class(kind: str) -> str:
    """The class of a count's kind (``kind_<class>``)."""
    if kind in EVENT_KINDS:
        return "event"
    if kind in GROUP_KINDS:
        return "group"
    return kind if kind in ("money", "percent") else "other"


def features(count: Count, doc: Doc) -> dict[str, float]:
    """The evidence of one count as named values (absent ones are 0)."""
    out = {f"kind_{kind_class(count.kind)}": 1.0}
    if count.object is not None:
        out["object"] = 1.0
    if count.vague:
        out["vague"] = 1.0
    text = doc_text(doc)
    if not any(c.isdigit() for c in text[count.number_start : count.number_end]) and not count.vague:
        out["words"] = 1.0
    if count.qualifier != "exact":
        out["qualified"] = 1.0
    if in_quote(text, count.number_start):
        out["in_quote"] = 1.0
    return out


def in_quote(text: str, at: int) -> bool:
    """Whether ``text[at]`` lies inside quotation marks opened in its paragraph."""
    start = text.rfind("\n", 0, at) + 1
    opened = 0
    straight = False
    for c in text[start:at]:
        if c in _OPEN:
            opened += 1
        elif c in _CLOSE:
            opened = max(0, opened - 1)
        elif c == _STRAIGHT:
            straight = not straight
    return opened > 0 or straight


def confidence(count: Count, doc: Doc) -> float:
    """The probability that the count is right, to three decimals."""
    return score("count", features(count, doc))
