"""The offline gazetteer: name keys, lookups, newsgraph's own tables and the cache file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from newsgraph.resolve.gazetteer import Gazetteer, Place, distance_km, gazetteer
from newsgraph.resolve.place_index import FEATURES, name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsgraph.resolve").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return rows[1:]


def _best(gaz: Gazetteer, text: str, feature: str) -> Place:
    found = [p for p in gaz.candidates(text) if p.feature == feature]
    assert found, f"no {feature} named {text!r}"
    return max(found, key=lambda p: p.population)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("St. Louis's", "st louis"),
        ("Saint Louis", "st louis"),
        ("the Philippines", "philippines"),
        ("Korea’s", "korea"),
        ("Łódź", "lodz"),
        ("Saint-Étienne", "st etienne"),
        ("Bosnia & Herzegovina", "bosnia and herzegovina"),
        ("Mt. Pleasant", "mt pleasant"),
        ("Mount Pleasant", "mt pleasant"),
        ("W.Va.", "w va"),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("text", "feature", "country", "admin1"),
    [
        ("Vientiane", "city", "LAO", None),
        ("Laos", "country", "LAO", None),
        ("Hokkaido", "admin1", "JPN", "Hokkaido"),
        ("Manila", "city", "PHL", None),
        ("Pyongyang", "city", "PRK", None),
        ("Laurel County", "admin2", "USA", "Kentucky"),
        ("Rapides Parish", "admin2", "USA", "Louisiana"),
        ("Texas", "admin1", "USA", "Texas"),
        ("Ontario", "admin1", "CAN", "Ontario"),
        ("South China Sea", "sea", None, None),
        ("Second Thomas Shoal", "island", "PHL", None),
        ("Gaza", "region", "PSE", None),
        ("Kosovo", "country", "KOS", None),
    ],
)
def test_known_places(
    gaz: Gazetteer, text: str, feature: str, country: str | None, admin1: str | None
) -> None:
    place = _best(gaz, text, feature)
    assert place.country == country
    if admin1 is not None:
        assert place.admin1 == admin1
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_country_names_the_country_table_knows_come_first(gaz: Gazetteer) -> None:
    for text in ("U.S.", "the United States", "Burma", "the Philippines"):
        first = gaz.candidates(text)[0]
        assert first.feature == "country", text
    assert gaz.candidates("U.S.")[0].country == "USA"
    assert gaz.candidates("Chinese") == [] or gaz.candidates("Chinese")[0].feature != "country"


def test_towns_carry_their_divisions(gaz: Gazetteer) -> None:
    town = next(p for p in gaz.candidates("Alexandria") if p.geonameid == 4314550)
    assert (town.country, town.admin1) == ("USA", "Louisiana")
    assert gaz.place(town.admin2_index).name == "Rapides Parish"
    assert 31.0 < town.lat < 31.6 and -92.7 < town.lon < -92.2


def test_abbreviations_and_postal_codes(gaz: Gazetteer) -> None:
    georgia = _best(gaz, "Georgia", "admin1")
    assert gaz.abbreviations["Ga."] == [georgia.index]
    assert gaz.postal["GA"] == [georgia.index]
    assert gaz.place(gaz.abbreviations["W.Va."][0]).name == "West Virginia"
    assert "ga" not in gaz.index  # abbreviations are matched as written only


def test_preferred_aliases(gaz: Gazetteer) -> None:
    capital = next(
        p for p in gaz.candidates("Washington") if (name_key("Washington"), p.index) in gaz.preferred
    )
    assert (capital.feature, capital.admin1) == ("city", "District of Columbia")
    kyiv = gaz.candidates("Kiev")
    assert kyiv and kyiv[0].country == "UKR"


def test_own_tables_are_well_formed() -> None:
    codes = set()
    for code, name, lat, lon in _rows("places_countries.tsv"):
        assert len(code) == 3 and code.isupper() and name
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180
        codes.add(code)
    assert len(codes) > 240
    for name, _alts, feature, code, lat, lon, *_ in _rows("places_extra.tsv"):
        assert feature in FEATURES, name
        assert not code or code in codes, name
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180


def test_own_admin1_points_are_used(gaz: Gazetteer) -> None:
    for code, name, _alts, _abbr, _postal, lat, lon in _rows("places_admin1.tsv"):
        found = [p for p in gaz.candidates(name) if p.feature == "admin1" and p.country == code]
        assert found, f"{name} ({code}) not in the GeoNames divisions"
        assert (round(found[0].lat, 4), round(found[0].lon, 4)) == (float(lat), float(lon))


def test_country_points_are_central(gaz: Gazetteer) -> None:
    usa = gaz.country("USA")
    assert usa is not None and usa.name == "United States" and usa.geonameid == 6252001
    assert distance_km(usa.lat, usa.lon, 39.8, -98.6) < 50


def test_distance_km() -> None:
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=3)
    assert distance_km(10.0, 179.5, 10.0, -179.5) == pytest.approx(109.5, abs=1)


def test_cache_round_trip(tmp_path: Path, gaz: Gazetteer) -> None:
    built = Gazetteer().load(cache_dir=tmp_path)
    assert not built.cached and list(tmp_path.glob("gazetteer-*.pickle"))
    loaded = Gazetteer().load(cache_dir=tmp_path)
    assert loaded.cached
    assert len(loaded) == len(built) == len(gaz)
    for text in ("Springfield", "Georgia", "Gaza", "U.S."):
        assert loaded.lookup(text) == built.lookup(text)


def test_broken_cache_file_is_rebuilt(tmp_path: Path) -> None:
    from newsgraph.resolve.gazetteer import cache_path

    path = cache_path(tmp_path)
    assert path is not None
    path.write_bytes(b"not a pickle")
    rebuilt = Gazetteer().load(cache_dir=tmp_path)
    assert not rebuilt.cached and rebuilt.lookup("Laos")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Wisconsin", "USA"),  # a state
        ("Kharkiv", "UKR"),  # a province and its city
        ("Ontario", "CAN"),
        ("Cincinnati", "USA"),  # a city
        ("Georgia", None),  # a country's own name stays the country's (actors.country_code)
        ("Punjab", None),  # Pakistan's and India's: no clear choice
        ("Burns", None),  # small towns do not stand for a country
    ],
)
def test_subnational_places_stand_for_their_country(gaz: Gazetteer, name: str, country: str | None) -> None:
    assert gaz.subnational_country(name) == country
