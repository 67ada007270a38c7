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
``bare``           nothing is said to be counted: kind ``other``, no counted noun, no unit ("62
                   more than the 270", "Perceptions 301"): the surest sign of a number that
                   counts nothing
``after_month``    the word before is a month's name ("February 6"): a day of a month that the
                   entity model did not tag a date
=================  ============================================================================
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..months import ABBREVIATIONS, FULL_NAMES
from .annotations import doc_text
from .count_kinds import EVENT_KINDS, GROUP_KINDS
from .fact_confidence import score

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .counts import Count

#: The word just before a number, with an optional full stop ("Feb. 6").
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")


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
    if count.kind == "other" and count.object is None and count.unit is None:
        out["bare"] = 1.0
    if after_month(text, count.number_start):
        out["after_month"] = 1.0
    return out


def after_month(text: str, at: int) -> bool:
    """Whether the word before ``text[at]`` is a month's name or abbreviation, capitalised
    ("February 6", "Feb. 6"; also run on to a word before it, "FeaturedFebruary 6")."""
    found = _WORD_BEFORE.search(text, max(0, at - 24), at)
    if found is None:
        return False
    word = found.group(1)
    if any(word.endswith(name.capitalize()) for name in FULL_NAMES):
        return True
    return word[:1].isupper() and word.lower() in ABBREVIATIONS


def confidence(count: Count, doc: Doc) -> float:
    """The probability that the count is right, to three decimals."""
    return score("count", features(count, doc))
