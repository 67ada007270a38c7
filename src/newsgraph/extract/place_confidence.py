"""How likely a place record is to be right: a confidence in [0, 1] per place.

A place record is wrong when the name is no place here (a person's or a firm's name, a word the
gazetteer happens to hold) or when the reading is the wrong place of that name. The confidence
weighs the evidence the resolution leaves (``extract/places.py``):

=================  ==============================================================================
evidence           why
=================  ==============================================================================
kind               a country or a continent is nearly always read right; a state or a county
                   less surely; a town or a landmark least (many share a name)
margin             how far the reading's score is ahead of the next reading's, capped at 10
                   (log10 of population and the kind's prior, plus the context's support): a
                   close call is a guess
sole               the gazetteer knows one place of that name
entity             the entity model typed the whole name a place (GPE, LOC, FAC); a name found
                   otherwise (after "in", from newsgraph's own table) is less sure to be one
qualified          a state or country is written after the name ("Paris, Texas")
population         log10 of the place's people over 7 (a town of ten million is 1): a big place
                   is the likelier reading and the likelier place to be named
=================  ==============================================================================

The weights are log-odds in ``data/place_confidence.tsv``, fitted on the tune halves of LGL and
GeoVirus only (``eval/places_confidence.py``: a logistic regression with a Gaussian prior of mean 0).
The web map's places layer leaves out places below
:data:`~newsgraph.extract.thresholds.DEFAULT_MIN_PLACE_CONFIDENCE` (docs/places.md gives the
figures there)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..resolve.gazetteer import Gazetteer
from ..resolve.place_index import FEATURES
from ..tables import data_rows

if TYPE_CHECKING:
    from .places import Mention

#: The weight table.
TABLE = ("newsgraph.extract", "place_confidence.tsv")
#: Kinds of place (``kind_<kind>`` features) by gazetteer feature kind.
KINDS = {
    "country": "country",
    "continent": "country",
    "admin1": "division",
    "admin2": "division",
    "city": "town",
    "landmark": "town",
    "other": "town",
    "region": "region",
    "sea": "region",
    "water": "region",
    "island": "region",
}
#: Margins above this count as this.
MAX_MARGIN = 10.0


@cache
def weights() -> dict[str, float]:
    """The weight table: feature name -> log-odds weight (and ``bias``)."""
    return {row[0]: float(row[1]) for row in data_rows(*TABLE, strip=True) if len(row) >= 2}


@dataclass(frozen=True, slots=True)
class PlaceEvidence:
    """What the confidence of one place is computed from."""

    kind: str
    margin: float | None
    entity: bool
    qualified: bool
    population: int

    @classmethod
    def of(cls, mention: Mention, gaz: Gazetteer) -> PlaceEvidence:
        assert mention.place is not None
        i = mention.place
        return cls(
            kind=KINDS.get(FEATURES[gaz.feature[i]], "town"),
            margin=mention.margin,
            entity=mention.entity is not None,
            qualified=mention.within is not None or mention.qualifies,
            population=int(gaz.population[i] or 0),
        )

    def features(self) -> dict[str, float]:
        """The evidence as named values, the weight table's names (absent ones are 0)."""
        out = {f"kind_{self.kind}": 1.0}
        if self.margin is None:
            out["sole"] = 1.0
        else:
            out["margin"] = min(self.margin, MAX_MARGIN) / MAX_MARGIN
        if self.entity:
            out["entity"] = 1.0
        if self.qualified:
            out["qualified"] = 1.0
        if self.population > 0:
            out["population"] = min(math.log10(self.population + 1) / 7.0, 1.5)
        return out


def confidence(evidence: PlaceEvidence, table: Mapping[str, float] | None = None) -> float:
    """The probability that the place is right, rounded to three decimals."""
    w = weights() if table is None else table
    z = w.get("bias", 0.0) + sum(w.get(name, 0.0) * value for name, value in evidence.features().items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)
