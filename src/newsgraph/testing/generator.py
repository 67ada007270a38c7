"""``Generator``: synthetic articles with every fact kind, deterministic given a seed.

Articles are built sentence by sentence from small templates (``newsgraph.testing.vocab``), and
every fact is recorded in the contract's JSON form (``docs/schema.md``) with offsets into the text
it was written into, so any number of articles can be made in seconds without the NLP pipeline."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from ..records import Article, SourceMap, content_hash
from ..resolve.entities import fold
from .builder import ArticleBuilder
from .vocab import (
    COUNTRIES,
    EVENTS,
    FILLERS,
    FIRST,
    LAST,
    ORGS,
    QUOTES,
    SOURCES,
    TITLES,
    WEEKDAYS,
    Actor,
    Country,
    Org,
    Person,
)

START = dt.date(2023, 1, 1)
"""The earliest publication date; articles are spread over the two years from it."""


#: About one in this many events (and articles) gets a confidence (relevance) below 0.5.
LOW_SHARE = 8


def _share(*parts: str) -> float:
    """A number in [0, 1] (3 decimals) drawn from ``parts``: below 0.5 for about one in
    :data:`LOW_SHARE` of them, from 0.5 up for the others."""
    draw = int(content_hash(*parts), 16)
    unit = (draw >> 8) % 1000 / 1000
    if draw % LOW_SHARE == 0:
        return round(0.05 + 0.4 * unit, 3)
    return round(0.5 + 0.49 * unit, 3)


class Generator:
    """Deterministic synthetic articles: the same seed gives the same articles, in the same order.

    Each article has 7 to 12 paragraphs of event sentences (actor, verb, recipient, place, date,
    and a death toll for strikes), direct quotes, counts (protesters, money, displaced people) and
    filler, with entities (countries, capitals, people, organisations), roles and actor codes.
    Some people are named by surname only, as an article would, to exercise store-wide resolution.
    Every article has a relevance and every event a confidence, drawn from the article's id (so the
    random choices above stay as they were): about one event in :data:`LOW_SHARE` and one article
    in :data:`LOW_SHARE` fall below the default thresholds.

    The output depends on the seed and on the calls made so far: ``Generator(s).articles(n)``
    always gives the same ``n`` articles, but ``article(i)`` is not a function of ``i`` alone.
    """

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        """The one source of randomness; every choice the generator makes draws from it."""
        rng = self.rng
        # surnames held by one person resolve surname-only mentions; shared ones stay apart
        self.people: list[Person] = [
            Person(f"{first} {last}{suffix}", rng.choice(TITLES), rng.choice(COUNTRIES).code)
            for i, last in enumerate(LAST)
            for j, suffix in enumerate(("", "ski", "ani", "er"))
            for first in rng.sample(FIRST, 1 + (i + j) % 3)
        ]
        """The people articles can mention, made once per generator."""
        self.start = START

    def articles(self, n: int) -> Iterator[Article]:
        """``n`` articles, numbered from 0 (the number is in the title, source and URL)."""
        if n < 0:
            raise ValueError(f"the number of articles must be 0 or more, not {n}")
        for i in range(n):
            yield self.article(i)

    def article(self, i: int) -> Article:
        """The next article, numbered ``i``."""
        rng = self.rng
        published = self.start + dt.timedelta(days=rng.randint(0, 729))
        b = ArticleBuilder(published)
        countries = rng.sample(COUNTRIES, 3)
        people: list[Person] = []
        for p in rng.sample(self.people, 8):
            if len(people) < 3 and all(p.surname != q.surname for q in people):
                people.append(p)
        focus: list[Actor] = [*countries[:2], *people[:2]]
        if rng.random() < 0.3:
            focus.append(rng.choice(ORGS))
        for paragraph in range(rng.randint(7, 12)):
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
            b.trim()
        text = b.text()
        verb = b.facts["events"][0]["event_type"].lower() if b.facts["events"] else "news"
        title = f"{countries[0].name} and {countries[1].name}: {verb} report {i}"
        entities = sorted(b.entities.values(), key=lambda e: int(e["id"][1:]))
        article_id = content_hash(title, text)
        for event in b.facts["events"]:
            event["confidence"] = _share(article_id, event["id"])
        return Article(
            id=article_id,
            source=f"{rng.choice(SOURCES)}/{i:06d}.txt",
            title=title,
            published=published,
            published_from="metadata",
            text=text,
            url=f"https://example.org/{i}",
            authors=[f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
            captions=[f"A scene in {countries[0].capital}, {published:%B %-d, %Y}."],
            credits=["Synthetic Press"],
            source_map=SourceMap.identity(len(text)),
            doc_hash=content_hash("synthetic", str(i)),
            relevance=_share(article_id, "relevance"),
            entities=entities,
            quotes=b.facts["quotes"],
            events=b.facts["events"],
            counts=b.facts["counts"],
            dates=b.facts["dates"],
            places=b.facts["places"],
        )

    # -- mentions -------------------------------------------------------------------------
    def _country(self, b: ArticleBuilder, c: Country) -> dict[str, Any]:
        eid = b.entity(f"GPE:{c.code}", c.name, "GPE", c.code)
        return {"entity": eid, "code": c.code, "sector": "GOV"}

    def _person(self, b: ArticleBuilder, p: Person, *, full: bool) -> dict[str, Any]:
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

    def _org(self, b: ArticleBuilder, org: Org) -> dict[str, Any]:
        eid = b.entity(f"ORG:{fold(org.name)}", org.name, "ORG", org.code)
        return {"entity": eid, "code": org.code, "sector": "IGO"}

    def _actor(self, b: ArticleBuilder, focus: list[Actor]) -> tuple[Actor, dict[str, Any]]:
        """Mention one of the article's focus actors; return it and its participant record."""
        what = self.rng.choice(focus)
        start = b.pos
        if isinstance(what, Person):
            ref = self._person(b, what, full=self.rng.random() < 0.3)
        elif isinstance(what, Org):
            ref = self._org(b, what)
        else:
            ref = self._country(b, what)
        return what, {**ref, "text": b.text()[start:], "start": start, "end": b.pos}

    # -- sentences ------------------------------------------------------------------------
    def _date(self, b: ArticleBuilder, day: dt.date) -> dict[str, Any]:
        span = b.span(f"on {WEEKDAYS[day.weekday()]}")
        inner = {"text": span["text"][3:], "start": span["start"] + 3, "end": span["end"]}
        b.facts["dates"].append({**inner, "type": "DATE", "value": day.isoformat(), "anchor": "published"})
        return inner

    def _place(self, b: ArticleBuilder, c: Country) -> dict[str, Any]:
        key = f"GPE:{c.code}:{fold(c.capital)}"
        eid = b.entity(key, c.capital, "GPE", c.code)
        m = b.entities[key]["mentions"][-1]
        place = {
            "text": m["text"],
            "start": m["start"],
            "end": m["end"],
            "name": c.capital,
            "country": c.code,
            "admin1": None,
            "lat": c.lat,
            "lon": c.lon,
            "geonameid": 100000 + COUNTRIES.index(c),
            "feature": "city",
            "population": 1_000_000,
            "entity": eid,
        }
        b.facts["places"].append(place)
        return place

    def _event_sentence(self, b: ArticleBuilder, focus: list[Actor], where: Country) -> None:
        rng = self.rng
        sent_start = b.pos
        actor, actor_ref = self._actor(b, focus)
        b.add(" ")
        verb = rng.choice(EVENTS)
        trigger = b.span(verb.phrase)
        b.add(" ")
        _, recipient_ref = self._actor(b, [f for f in focus if f is not actor])
        b.add(" in ")
        place = self._place(b, where)
        b.add(" ")
        day = b.published - dt.timedelta(days=rng.randint(0, 6))
        date_span = self._date(b, day)
        b.add(". ")
        magnitudes: dict[str, int] = {}
        if verb.event_type == "ASSAULT":
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
                "event_type": verb.event_type,
                "mode": None,
                "context": [],
                "actor": [_participant(actor_ref)],
                "recipient": [_participant(recipient_ref)],
                "date": day.isoformat(),
                "date_text": date_span["text"],
                "location": {k: place[k] for k in ("text", "start", "end", "name", "country", "lat", "lon")},
                "trigger": trigger,
                "sentence": {"start": sent_start, "end": b.pos - 1},
                "magnitudes": magnitudes,
                "quad": verb.quad,
                "cameo": verb.cameo,
                "negated": False,
                "hypothetical": False,
                "future": False,
                "quote": None,
            }
        )

    def _quote_sentence(self, b: ArticleBuilder, speaker: Person, other: Actor) -> None:
        rng = self.rng
        head, tail = rng.choice(QUOTES).split("{X}")
        b.add("“")
        q_start = b.pos
        b.add(head)
        if isinstance(other, Person):
            self._person(b, other, full=False)
        elif isinstance(other, Org):
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

    def _count_sentence(self, b: ArticleBuilder, focus: list[Actor]) -> None:
        rng = self.rng
        choice = rng.random()
        if choice < 0.4:
            b.add("About ")
            n = rng.randint(2, 400) * 100
            num = b.span(f"{n:,}")
            b.add(" protesters gathered, organisers said. ")
            _count(b, num, n, "about", "protesters", "protesters", None)
        elif choice < 0.7:
            self._actor(b, focus)
            b.add(" pledged $")
            n = rng.randint(1, 900)
            num = b.span(f"{n} million")
            b.add(" in aid. ")
            _count(b, num, n * 1_000_000, "exact", "money", None, "USD")
        else:
            n = rng.randint(10, 5000)
            b.add("More than ")
            num = b.span(f"{n:,}")
            b.add(" people were displaced. ")
            _count(b, num, n, "at_least", "displaced", "people", None)


def _count(
    b: ArticleBuilder,
    num: dict[str, Any],
    value: int,
    qualifier: str,
    kind: str,
    obj: str | None,
    unit: str | None,
) -> None:
    """Record a count whose number is the span ``num``, followed by the word ``obj`` if any."""
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


def _participant(ref: dict[str, Any]) -> dict[str, Any]:
    """An event participant in the contract's form."""
    return {k: ref[k] for k in ("entity", "text", "start", "end", "code", "sector")}
