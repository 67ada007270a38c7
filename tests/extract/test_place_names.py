"""place_names reads the gazetteer's feature array before making Place records: the same places."""

from __future__ import annotations

import pytest

from newsgraph.extract.place_names import _admin1, _city_of_state, _of_feature
from newsgraph.resolve.gazetteer import gazetteer
from newsgraph.resolve.place_index import FEATURES

NAMES = ["New York", "Washington", "Georgia", "Punjab", "Berlin", "Nairobi", "Nowhere"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("feature", ["admin1", "city", "country"])
def test_of_feature_is_the_candidates_of_that_feature(name: str, feature: str) -> None:
    want = [p for p in gazetteer().candidates(name) if p.feature == feature]
    assert _of_feature(name, FEATURES.index(feature)) == want


def test_state_and_city_of_one_name() -> None:
    assert [p.name for p in _admin1("New York")] == ["New York"]
    city = _city_of_state("New York")
    assert city is not None and (city.name, city.country) == ("New York City", "USA")
    assert _city_of_state("Nairobi") is None
