"""The thresholds that decide what newsgraph reports by default. This module imports no NLP, so
the store's readers (the CLI, the web app, the exports) share them without loading spaCy."""

from __future__ import annotations

import math

from ..errors import ConfigError

#: Events below this confidence (``extract/events/confidence.py``) are not reported as facts by
#: default: the ``events`` command, the exports and the web UI leave them out unless told otherwise.
DEFAULT_MIN_CONFIDENCE = 0.5
#: Quotes below this confidence (``extract/quotes/confidence.py``) are not reported by default: the
#: ``quotes`` command, the quote exports and the web UI leave them out unless told otherwise.
DEFAULT_MIN_QUOTE_CONFIDENCE = 0.6
#: Places below this confidence (``extract/place_confidence.py``) are left out of the web map's
#: places layer.
DEFAULT_MIN_PLACE_CONFIDENCE = 0.5
#: Entities below this confidence (``extract/entity_confidence.py``) are left out of the
#: ``entities`` command and the web entity lists unless told otherwise; the exports keep them all.
DEFAULT_MIN_ENTITY_CONFIDENCE = 0.7
#: Dates below this confidence (``extract/dates/confidence.py``) are not shown by default.
DEFAULT_MIN_DATE_CONFIDENCE = 0.7
#: Counts below this confidence (``extract/count_confidence.py``) are left out of the ``counts``
#: command and the web count lists unless told otherwise; the exports keep them all.
DEFAULT_MIN_COUNT_CONFIDENCE = 0.5
#: At or above this relevance (``extract/relevance.py``) an article is about public affairs.
PUBLIC_AFFAIRS = 0.5


def check_threshold(name: str, value: float) -> float:
    """``value`` when it is a share in [0, 1]; a :class:`~newsgraph.errors.ConfigError` (NG200)
    naming ``name`` otherwise.

    >>> check_threshold("min_confidence", 0.25)
    0.25
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ConfigError(f"{name} must be a number from 0 to 1, not {value!r}")
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"{name} must be from 0 to 1, not {value:g}")
    return float(value)
