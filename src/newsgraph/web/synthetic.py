"""Synthetic stores for tests, benchmarks and screenshots.

Articles are built sentence by sentence from small templates, and every fact is recorded in the
contract's JSON form (``docs/schema.md``) with offsets into the text it was written into, so a
store of any size can be made in seconds without the NLP pipeline."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Article, SourceMap, content_hash
from ..resolve.entities import fold
from ..store.db import Store

# (ISO code, name, demonym, capital, lat, lon)
COUNTRIES = [
    ("USA", "United States", "American", "Washington", 38.9, -77.04),
    ("RUS", "Russia", "Russian", "Moscow", 55.75, 37.62),
    ("UKR", "Ukraine", "Ukrainian", "Kyiv", 50.45, 30.52),
    ("CHN", "China", "Chinese", "Beijing", 39.9, 116.4),
    ("FRA", "France", "French", "Paris", 48.86, 2.35),
    ("DEU", "Germany", "German", "Berlin", 52.52, 13.4),
    ("GBR", "Britain", "British", "London", 51.5, -0.13),
    ("TUR", "Turkey", "Turkish", "Ankara", 39.93, 32.86),
    ("IRN", "Iran", "Iranian", "Tehran", 35.69, 51.39),
    ("ISR", "Israel", "Israeli", "Jerusalem", 31.77, 35.21),
    ("EGY", "Egypt", "Egyptian", "Cairo", 30.04, 31.24),
    ("SAU", "Saudi Arabia", "Saudi", "Riyadh", 24.71, 46.68),
    ("QAT", "Qatar", "Qatari", "Doha", 25.29, 51.53),
    ("ARM", "Armenia", "Armenian", "Yerevan", 40.18, 44.51),
    ("AZE", "Azerbaijan", "Azerbaijani", "Baku", 40.41, 49.87),
    ("IND", "India", "Indian", "New Delhi", 28.61, 77.21),
    ("PAK", "Pakistan", "Pakistani", "Islamabad", 33.68, 73.05),
    ("BGD", "Bangladesh", "Bangladeshi", "Dhaka", 23.81, 90.41),
    ("NGA", "Nigeria", "Nigerian", "Abuja", 9.08, 7.4),
    ("BRA", "Brazil", "Brazilian", "Brasilia", -15.79, -47.88),
    ("SDN", "Sudan", "Sudanese", "Khartoum", 15.5, 32.56),
    ("SYR", "Syria", "Syrian", "Damascus", 33.51, 36.29),
    ("LBN", "Lebanon", "Lebanese", "Beirut", 33.89, 35.5),
    ("JPN", "Japan", "Japanese", "Tokyo", 35.68, 139.69),
]
ORGS = [
    ("United Nations", "IGOUNO"),
    ("NATO", "IGONAT"),
    ("European Union", "IGOEEC"),
    ("International Committee of the Red Cross", "NGOIRC"),
    ("World Health Organization", "IGOWHO"),
    ("African Union", "IGOAFU"),
    ("Arab League", "IGOARL"),
]
FIRST = (
    "Amina Boris Carla Dmitri Elena Farid Grace Hassan Ingrid Jamal Karin Leon Maria Nabil Olga Pedro "
    "Rania Sergei Tahmina Umar Vera Walid Yara Zoran Anwar Leila Omar Sofia Tomas Nadia"
).split()
LAST = (
    "Alvarez Bakr Chen Dubois Ekinci Farouk Gomez Haddad Ivanova Jensen Kaya Lindqvist Mansour Novak "
    "Okafor Petrov Quraishi Rahman Sato Tariq Usmanov Volkova Weber Yilmaz Zhou Hossain Karimi Moreau "
    "Nakamura Osei"
).split()
TITLES = ("Foreign Minister", "Defence Minister", "Prime Minister", "President", "Spokesperson", "Envoy")
SOURCES = ("wire-a", "wire-b", "daily-c", "gazette-d", "herald-e", "times-f", "post-g", "monitor-h")
# (verb phrase, PLOVER type, quad, CAMEO root)
EVENTS = [
    ("signed an agreement with", "AGREE", "verbal cooperation", "05"),
    ("held talks with", "CONSULT", "verbal cooperation", "04"),
    ("praised", "SUPPORT", "verbal cooperation", "05"),
    ("sent aid to", "AID", "material cooperation", "07"),
    ("began joint exercises with", "COOPERATE", "material cooperation", "06"),
    ("withdrew troops from the border with", "RETREAT", "material cooperation", "08"),
    ("called on", "REQUEST", "verbal conflict", "02"),
    ("accused", "ACCUSE", "verbal conflict", "11"),
    ("rejected a proposal from", "REJECT", "verbal conflict", "12"),
    ("threatened", "THREATEN", "verbal conflict", "13"),
    ("imposed sanctions on", "SANCTION", "verbal conflict", "16"),
    ("mobilised troops against", "MOBILIZE", "material conflict", "15"),
    ("launched strikes on", "ASSAULT", "material conflict", "19"),
]
QUOTES = [
    "We will not accept any pressure from {X}",
    "Our door remains open to {X}",
    "The talks with {X} were constructive and frank",
    "There can be no lasting peace without {X}",
    "We expect {X} to honour its commitments",
    "The people of {X} deserve better than this",
]
FILLERS = [
    "Officials gave no further details.",
    "The statement came after weeks of rising tension along the frontier and in the capital.",
    "Residents described long queues at petrol stations and shops running short of bread.",
    "Negotiators are due to meet again next month, according to people familiar with the talks.",
    "Opposition lawmakers criticised the decision and demanded a debate in parliament.",
    "The ministry did not respond to a request for comment.",
    "Analysts said the move could reshape the region's politics.",
    "Markets were calm in early trading.",
    "Diplomats expect further meetings in the coming weeks.",
]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(slots=True)
class Person:
    name: str
    title: str
    code: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class _Builder:
    """Accumulates an article's text and its facts, keeping offsets exact."""

    published: dt.date
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    facts: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {k: [] for k in ("quotes", "events", "counts", "dates", "places")}
    )

    def add(self, text: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start, self.pos

    def span(self, text: str) -> dict[str, Any]:
        start, end = self.add(text)
        return {"text": text, "start": start, "end": end}

    def entity(self, key: str, name: str, etype: str, code: str | None, text: str | None = None) -> str:
        """Write a mention of an entity and return its per-article id."""
        shown = text or name
        start, end = self.add(shown)
        record = self.entities.get(key)
        if record is None:
            record = {
                "id": f"e{len(self.entities) + 1}",
                "key": key,
                "name": name,
                "type": etype,
                "aliases": [],
                "start": start,
                "end": end,
                "text": shown,
                "mentions": [],
                "roles": [],
                "actor": {"code": code, "sector": "GOV"} if code else None,
            }
            self.entities[key] = record
        record["mentions"].append({"start": start, "end": end, "text": shown})
        if shown != name and shown not in record["aliases"]:
            record["aliases"].append(shown)
        return str(record["id"])

    def text(self) -> str:
        return "".join(self.parts)


class Generator:
    """Deterministic synthetic articles: the same seed gives the same store."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        # surnames held by one person resolve surname-only mentions; shared ones stay apart
        self.people = [
            Person(f"{first} {last}{suffix}", rng.choice(TITLES), rng.choice(COUNTRIES)[0])
            for i, last in enumerate(LAST)
            for j, suffix in enumerate(("", "ski", "ani", "er"))
            for first in rng.sample(FIRST, 1 + (i + j) % 3)
        ]
        self.start = dt.date(2023, 1, 1)

    # -- entities -------------------------------------------------------------------------
    def _country(self, b: _Builder, c: tuple[str, str, str, str, float, float]) -> dict[str, Any]:
        eid = b.entity(f"GPE:{c[0]}", c[1], "GPE", c[0])
        return {"entity": eid, "code": c[0], "sector": "GOV"}

    def _person(self, b: _Builder, p: Person, *, full: bool) -> dict[str, Any]:
        key = f"PERSON:{fold(p.name)}"
        if not full and key not in b.entities and self.rng.random() < 0.2:
            # an article that names someone by surname only: its own key, resolved store-wide
            eid = b.entity(f"PERSON:{fold(p.surname)}", p.surname, "PERSON", p.code)
        elif full or key not in b.entities:
            b.add(f"{p.title} ")
            eid = b.entity(key, p.name, "PERSON", p.code)
            b.entities[key]["roles"] = [
                {"title": p.title, "affiliation": p.code, "since": b.published.isoformat()}
            ]
        else:
            eid = b.entity(key, p.name, "PERSON", p.code, text=p.surname)
        return {"entity": eid, "code": p.code, "sector": "GOV"}

    def _org(self, b: _Builder, org: tuple[str, str]) -> dict[str, Any]:
        eid = b.entity(f"ORG:{fold(org[0])}", org[0], "ORG", org[1])
        return {"entity": eid, "code": org[1], "sector": "IGO"}

    def _actor(self, b: _Builder, focus: list[Any]) -> dict[str, Any]:
        """Mention one of the article's focus actors (a country, a person or an organisation)."""
        what = self.rng.choice(focus)
        start = b.pos
        if isinstance(what, Person):
            ref = self._person(b, what, full=self.rng.random() < 0.3)
        elif len(what) == 2:
            ref = self._org(b, what)
        else:
            ref = self._country(b, what)
        return {**ref, "text": b.text()[start:], "start": start, "end": b.pos, "what": what}

    # -- sentences ------------------------------------------------------------------------
    def _date(self, b: _Builder, day: dt.date) -> tuple[dict[str, Any], str]:
        span = b.span(f"on {WEEKDAYS[day.weekday()]}")
        inner = {"text": span["text"][3:], "start": span["start"] + 3, "end": span["end"]}
        b.facts["dates"].append({**inner, "type": "DATE", "value": day.isoformat(), "anchor": "published"})
        return inner, day.isoformat()

    def _place(self, b: _Builder, c: tuple[str, str, str, str, float, float]) -> dict[str, Any]:
        eid = b.entity(f"GPE:{c[0]}:{fold(c[3])}", c[3], "GPE", c[0])
        record = b.entities[f"GPE:{c[0]}:{fold(c[3])}"]
        m = record["mentions"][-1]
        place = {
            "text": m["text"],
            "start": m["start"],
            "end": m["end"],
            "name": c[3],
            "country": c[0],
            "admin1": None,
            "lat": c[4],
            "lon": c[5],
            "geonameid": 100000 + COUNTRIES.index(c),
            "feature": "city",
            "population": 1_000_000,
            "entity": eid,
        }
        b.facts["places"].append(place)
        return place

    def _event_sentence(self, b: _Builder, focus: list[Any], where: Any) -> None:
        rng = self.rng
        sent_start = b.pos
        actor = self._actor(b, focus)
        b.add(" ")
        verb, etype, quad, cameo = rng.choice(EVENTS)
        trigger = b.span(verb)
        b.add(" ")
        recipient = self._actor(b, [f for f in focus if f is not actor["what"]])
        b.add(" in ")
        place = self._place(b, where)
        b.add(" ")
        day = b.published - dt.timedelta(days=rng.randint(0, 6))
        date_span, date_value = self._date(b, day)
        b.add(". ")
        magnitudes: dict[str, int] = {}
        if etype == "ASSAULT":
            b.add("At least ")
            n = rng.randint(2, 90)
            num = b.span(str(n))
            b.add(" people were killed")
            obj = {"text": "people", "start": num["end"] + 1, "end": num["end"] + 7}
            b.facts["counts"].append(
                {
                    "text": f"{n} people",
                    "start": num["start"],
                    "end": obj["end"],
                    "value": n,
                    "number_text": str(n),
                    "qualifier": "at_least",
                    "kind": "killed",
                    "object": obj,
                    "unit": None,
                    "event": f"v{len(b.facts['events']) + 1}",
                }
            )
            magnitudes["dead"] = n
            b.add(". ")
        b.facts["events"].append(
            {
                "id": f"v{len(b.facts['events']) + 1}",
                **trigger,
                "event_type": etype,
                "mode": None,
                "context": [],
                "actor": [_part(actor)],
                "recipient": [_part(recipient)],
                "date": date_value,
                "date_text": date_span["text"],
                "location": {k: place[k] for k in ("text", "start", "end", "name", "country", "lat", "lon")},
                "trigger": trigger,
                "sentence": {"start": sent_start, "end": b.pos - 1},
                "magnitudes": magnitudes,
                "quad": quad,
                "cameo": cameo,
                "negated": False,
                "hypothetical": False,
                "future": False,
                "quote": None,
            }
        )

    def _quote_sentence(self, b: _Builder, speaker: Person, other: Any) -> None:
        rng = self.rng
        template = rng.choice(QUOTES)
        head, tail = template.split("{X}")
        b.add("“")
        q_start = b.pos
        b.add(head)
        if isinstance(other, Person):
            self._person(b, other, full=False)
        elif len(other) == 2:
            self._org(b, other)
        else:
            self._country(b, other)
        b.add(tail + ",")
        q_end = b.pos
        b.add("” ")
        cue = b.span("said")
        b.add(" ")
        s_start = b.pos
        ref = self._person(b, speaker, full=rng.random() < 0.5)
        b.add(". ")
        b.facts["quotes"].append(
            {
                "text": b.text()[q_start:q_end],
                "start": q_start,
                "end": q_end,
                "kind": "direct",
                "cue": cue,
                "speaker": ref["entity"],
                "speaker_text": b.text()[s_start : b.pos - 2],
                "speaker_start": s_start,
                "speaker_end": b.pos - 2,
            }
        )

    def _count_sentence(self, b: _Builder, focus: list[Any]) -> None:
        rng = self.rng
        choice = rng.random()
        if choice < 0.4:
            b.add("About ")
            n = rng.randint(2, 400) * 100
            num = b.span(f"{n:,}")
            b.add(" protesters gathered, organisers said. ")
            self._count(b, num, n, "about", "protesters", "protesters", None)
        elif choice < 0.7:
            actor = self._actor(b, focus)
            b.add(" pledged $")
            n = rng.randint(1, 900)
            num = b.span(f"{n} million")
            b.add(" in aid. ")
            self._count(b, num, n * 1_000_000, "exact", "money", None, "USD")
            del actor
        else:
            n = rng.randint(10, 5000)
            b.add("More than ")
            num = b.span(f"{n:,}")
            b.add(" people were displaced. ")
            self._count(b, num, n, "at_least", "displaced", "people", None)

    def _count(
        self,
        b: _Builder,
        num: dict[str, Any],
        value: int,
        qualifier: str,
        kind: str,
        obj: str | None,
        unit: str | None,
    ) -> None:
        end = num["end"]
        obj_span = None
        if obj:
            obj_span = {"text": obj, "start": end + 1, "end": end + 1 + len(obj)}
            end = obj_span["end"]
        b.facts["counts"].append(
            {
                "text": b.text()[num["start"] : end],
                "start": num["start"],
                "end": end,
                "value": value,
                "number_text": num["text"],
                "qualifier": qualifier,
                "kind": kind,
                "object": obj_span,
                "unit": unit,
                "event": None,
            }
        )

    # -- articles -------------------------------------------------------------------------
    def article(self, i: int) -> Article:
        rng = self.rng
        published = self.start + dt.timedelta(days=rng.randint(0, 729))
        b = _Builder(published)
        countries = rng.sample(COUNTRIES, 3)
        people: list[Person] = []
        for p in rng.sample(self.people, 8):
            if len(people) < 3 and all(p.surname != q.surname for q in people):
                people.append(p)
        focus: list[Any] = [*countries[:2], *people[:2]]
        if rng.random() < 0.3:
            focus.append(rng.choice(ORGS))
        n_paragraphs = rng.randint(7, 12)
        for paragraph in range(n_paragraphs):
            if paragraph:
                b.add("\n\n")
            for _ in range(rng.randint(2, 4)):
                kind = rng.random()
                if kind < 0.45:
                    self._event_sentence(b, focus, rng.choice(countries))
                elif kind < 0.7:
                    speaker = rng.choice(people)
                    self._quote_sentence(b, speaker, rng.choice([f for f in focus if f is not speaker]))
                elif kind < 0.85:
                    self._count_sentence(b, focus)
                else:
                    b.add(" ".join(rng.sample(FILLERS, 2)) + " ")
            # drop the trailing space of the paragraph
            if b.parts and b.parts[-1].endswith(" "):
                b.parts[-1] = b.parts[-1][:-1]
                b.pos -= 1
        text = b.text()
        verb = b.facts["events"][0]["event_type"].lower() if b.facts["events"] else "news"
        title = f"{countries[0][1]} and {countries[1][1]}: {verb} report {i}"
        entities = sorted(b.entities.values(), key=lambda e: int(e["id"][1:]))
        return Article(
            id=content_hash(title, text),
            source=f"{rng.choice(SOURCES)}/{i:06d}.txt",
            title=title,
            published=published,
            published_from="metadata",
            text=text,
            url=f"https://example.org/{i}",
            authors=[f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
            captions=[f"A scene in {countries[0][3]}, {published:%B %-d, %Y}."],
            credits=["Synthetic Press"],
            source_map=SourceMap.identity(len(text)),
            doc_hash=content_hash("synthetic", str(i)),
            entities=entities,
            quotes=b.facts["quotes"],
            events=b.facts["events"],
            counts=b.facts["counts"],
            dates=b.facts["dates"],
            places=b.facts["places"],
        )

    def articles(self, n: int) -> Iterator[Article]:
        """``n`` articles, numbered from 0."""
        for i in range(n):
            yield self.article(i)


def _part(ref: dict[str, Any]) -> dict[str, Any]:
    """An event participant in the contract's form."""
    return {k: ref[k] for k in ("entity", "text", "start", "end", "code", "sector")}


def build_store(path: str | Path, n: int, *, seed: int = 0, batch: int = 500) -> Path:
    """Write ``n`` synthetic articles into a new store at ``path`` (replaced when it exists)."""
    path = Path(path)
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)
    gen = Generator(seed)
    with Store(path) as store:
        run_id = store.start_run(f"synthetic {n}")
        chunk: list[Article] = []
        for article in gen.articles(n):
            chunk.append(article)
            if len(chunk) >= batch:
                store.write(articles=chunk, run_id=run_id)
                chunk = []
        store.write(articles=chunk, run_id=run_id)
        store.finish_run(run_id, n_articles=n, n_errors=0)
    return path
