"""Temporal expressions with TimeML values: the ``newsgraph_dates`` component.

The text is cut into small tokens, each given a class from ``data/dates_words.tsv`` and the month
table :mod:`newsgraph.months` (MONTH, WEEKDAY, UNIT, REL, NUM, ...). The classes of a text form
a string of letters, one per token, and the rules of ``data/dates_patterns.tsv`` are regular
expressions over that string: the longest match wins. Each rule names a handler that turns the
matched tokens into a TimeML type and value.

Relative expressions are resolved against the publication date ("yesterday", "last week", "on
Saturday", "Oct. 7") or against the date the text last mentioned ("a day later", "the following
month", "the year-earlier quarter"). A bare weekday, month or day of a month takes its year or week
from the tense of the verb it belongs to: "attacked on Oct. 7" is the last Oct. 7 not after the
publication date, "will meet on Oct. 7" the next one. Without a publication date a relative
expression keeps ``value`` None.

The package, one job a module:

* :mod:`.lexicon`: the word list, token pattern and rules, loaded once from the data files;
* :mod:`.tokens`: the component's own tokens of the text and their string of class letters;
* :mod:`.values`: TimeML values and calendar arithmetic;
* :mod:`.expressions`: a matched expression, its context, the handler registry;
* :mod:`.resolve`: days, months and years named without a year or week, resolved;
* :mod:`.named`, :mod:`.relative`: the handlers (calendar points; relative, durations, sets);
* :mod:`.matching`: choosing the expressions of a text and writing the date records;
* :mod:`.tense`: the tense of a clause from spaCy's parse;
* :mod:`.component`: the spaCy factory and component."""

from .component import DateExtractor, make_dates
from .expressions import (
    HANDLERS,
    PAST_SLACK_DAYS,
    PAST_SLACK_MONTHS,
    REJECT,
    Context,
    Expr,
    Handler,
    Result,
    handler,
)
from .lexicon import Grammar, grammar, plan_verbs
from .matching import Found, find_dates
from .tense import Tense, clause_tense
from .tokens import Tok, tokenize
from .values import at_unit, duration, move, shift

__all__ = [
    "HANDLERS",
    "PAST_SLACK_DAYS",
    "PAST_SLACK_MONTHS",
    "REJECT",
    "Context",
    "DateExtractor",
    "Expr",
    "Found",
    "Grammar",
    "Handler",
    "Result",
    "Tense",
    "Tok",
    "at_unit",
    "clause_tense",
    "duration",
    "find_dates",
    "grammar",
    "handler",
    "make_dates",
    "move",
    "plan_verbs",
    "shift",
    "tokenize",
]
