"""The authorities of an event's place as its doer, when the text leaves the doer unnamed and only
a state's own officers can have done it.

"Was arrested in Lebanon" (COERCE) is by the police of the place, and "has been put under
investigation in Italy" (ACCUSE `investigate`) by its magistrates: the manual's ACCUSE
`investigate` covers "any investigation, including commissions, grand juries, judicial or
political", and an investigation of a person told in the passive, with no "by" phrase, in a
country, is that country's inquiry, as an arrest there is that country's arrest. Only a verb told
in the passive counts ("the family investigated in Italy" names its own doer), and only a country
the geocoder found for the event's own place.
"""

from __future__ import annotations

from typing import Any

from .context import Context
from .drafts import Draft
from .references import actor_record
from .syntax import is_passive

#: Sectors of the state's officers who do what no one else can do to a person, by type and mode
#: (None: any mode of the type).
_AUTHORITIES: dict[tuple[str, str | None], str] = {
    ("COERCE", None): "COP",
    ("ACCUSE", "investigate"): "JUD",
}


def place_authorities(
    ctx: Context,
    d: Draft,
    etype: str,
    mode: str | None,
    location: dict[str, Any] | None,
    recipients: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The officers of the event's place (police for coercion, magistrates for an investigation),
    as an actor record spanning the place's words; [] when the type, mode or voice does not call
    for them or the place has no country. An investigation needs someone investigated (a
    recipient): "an investigation was opened in Italy" says nothing of whom."""
    if not location or not location.get("country") or not is_passive(d.anchor):
        return []
    sector = _AUTHORITIES.get((etype, None))
    if sector is None:
        sector = _AUTHORITIES.get((etype, mode or d.mode or d.entry.mode))
        if sector is None or not recipients:
            return []
    return [actor_record(ctx, None, location["start"], location["end"], location["country"], sector)]
