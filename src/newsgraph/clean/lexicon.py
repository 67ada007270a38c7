"""Word lists and patterns for cleaning, loaded once from ``clean/data/``."""

from __future__ import annotations

import re
from functools import cache

from ..tables import data_lines


@cache
def credit_names() -> tuple[str, ...]:
    """Known photo and wire credits, longest first."""
    return tuple(sorted(data_lines("newsgraph.clean", "credits.txt", strip=True), key=len, reverse=True))


@cache
def marker_pattern() -> re.Pattern[str]:
    """One pattern matching a whole line that is a site marker or boilerplate."""
    markers = data_lines("newsgraph.clean", "markers.txt", strip=True)
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in markers) + r")\Z", re.IGNORECASE)


@cache
def credit_pattern() -> re.Pattern[str]:
    """A trailing credit: ``(Reuters)``, ``(AP Photo/Jane Doe)``, ``REUTERS/John Smith``,
    ``Photo: AFP``, ``(Photo by X/Getty Images)``."""
    names = "|".join(re.escape(n) for n in credit_names())
    return re.compile(
        rf"""(?:
              \(\s*(?P<paren>(?:photo\s+by\s+[^()]{{1,60}}?/\s*)?(?:{names})(?:\s*(?:photo)?\s*/\s*[^()]{{1,60}})?)\s*\)
            | (?:photo|credit|image|picture)s?\s*:\s*(?P<label>[^.]{{1,80}})
            | (?P<slash>(?:{names})\s*/\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,3}})
            )\s*\.?\s*\Z""",
        re.IGNORECASE | re.VERBOSE,
    )
