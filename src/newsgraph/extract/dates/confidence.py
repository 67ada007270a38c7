"""How likely a date record is to be right: a temporal expression whose normalised value is the one
a reader would give it.

A date goes wrong in two ways: the words are no time at all ("a new year of growth", "the
present"), or the value is resolved against the wrong point ("Friday" the wrong week, "the
following month" counted from the wrong date). The evidence (names of the ``date`` rows of
``data/fact_confidence.tsv``, see :mod:`newsgraph.extract.fact_confidence`):

==================  ============================================================================
evidence            why
==================  ============================================================================
``form_<form>``     what the rule matched: ``calendar`` (a month, a day of a month, a year, a
                    decade, a season, a quarter, a holiday), ``clock``, ``weekday``, ``ref``
                    ("now", "recently"), ``part`` ("this morning"), ``relative`` ("last week",
                    "two days ago", "a year earlier"), ``duration``, ``set`` ("every week")
``year_given``      the words hold the year ("March 3, 2015"): nothing is left to guess
``published``       the value was counted from the publication date ("yesterday", "on Friday")
``from_date``       the value was counted from a date the text named earlier ("a day later")
``no_value``        no value could be given (a relative date without a publication date)
``model_agrees``    spaCy's own entity model tags the words a DATE or TIME too
``modified``        a modifier was joined on ("the end of", "about", "mid-")
``one_word``        a single word ("now", "currently", "today"): the surest to be a slip
==================  ============================================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..fact_confidence import score

if TYPE_CHECKING:
    from .matching import Found

#: The form of each rule of ``data/dates_patterns.tsv`` (``form_<form>``); a rule not named here
#: is ``relative``.
FORMS = {
    "iso": "calendar",
    "full": "calendar",
    "month_year": "calendar",
    "month_day": "calendar",
    "month": "calendar",
    "year": "calendar",
    "decade": "calendar",
    "holiday": "calendar",
    "season": "calendar",
    "quarter": "calendar",
    "clock": "clock",
    "weekday": "weekday",
    "weekdays": "weekday",
    "weekend": "weekday",
    "ref": "ref",
    "part": "part",
    "duration": "duration",
    "set": "set",
}


def features(found: Found) -> dict[str, float]:
    """The evidence of one date as named values (absent ones are 0)."""
    e = found.expr
    out = {f"form_{FORMS.get(e.rule, 'relative')}": 1.0}
    toks = e.all[e.start_tok : e.j]
    if any(t.cls in ("YEAR", "ISO") for t in toks):
        out["year_given"] = 1.0
    if found.value is None:
        out["no_value"] = 1.0
    elif found.anchor == "published":
        out["published"] = 1.0
    elif found.anchor == "date":
        out["from_date"] = 1.0
    if e.in_entity:
        out["model_agrees"] = 1.0
    if e.start_tok < e.i:
        out["modified"] = 1.0
    if sum(1 for t in toks if t.text[:1].isalnum()) == 1:
        out["one_word"] = 1.0
    return out


def confidence(found: Found) -> float:
    """The probability that the date is right, to three decimals."""
    return score("date", features(found))
