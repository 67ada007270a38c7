"""Store keys that stand for one entity across the store."""

from __future__ import annotations

from newsgraph.resolve.entities import canonical_map


def test_a_nationality_is_its_country_when_the_country_is_there() -> None:
    keys = {"GPE:IND", "NORP:IND", "NORP:PAK", "PERSON:modi", "PERSON:narendra modi", "GPE:IND:new delhi"}
    canon = canonical_map(keys)
    assert canon["NORP:IND"] == "GPE:IND"
    assert "NORP:PAK" not in canon  # no Pakistan entity to join
    assert canon["PERSON:modi"] == "PERSON:narendra modi"
    assert "GPE:IND:new delhi" not in canon  # a capital stays a place of its own
