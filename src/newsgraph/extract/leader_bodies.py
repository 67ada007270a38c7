"""Governments named after their leader: "the Bush administration", "the Putin government", "the
Assad regime" are the government of the leader's country, whatever country the text named last
before them; the bare "the administration" after such a one speaks of it too (module
``entities.nominal_mentions`` codes bare nominal institutions from the country named before)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..resolve import actors
from .entity_groups import Entity
from .mentions import Mention


def leader_bodies(doc: Doc, entities: list[Entity], table: dict[tuple[str, ...], str]) -> list[Entity]:
    """``entities`` with a government entity for each "the <leader> <institution>" of a person
    with a country code, and the bare nominal institutions of that name after it moved into it."""
    lowers = [t.lower_ for t in doc]
    longest = max((len(k) for k in table), default=1)
    found: dict[tuple[str, ...], Entity] = {}
    firsts: dict[str, int] = {}  # institution name -> character offset of its first leader form
    for ent in entities:
        code = ent.actor.code if ent.type == "PERSON" and ent.actor else None
        if code is None or actors.country_name(code) is None:
            continue
        for m in ent.mentions:
            if m.i == 0 or lowers[m.i - 1] != "the":
                continue
            for n in range(longest, 0, -1):
                words = tuple(lowers[m.j : m.j + n])
                if len(words) < n or words not in table:
                    continue
                name = table[words]
                key = ("ORG@", name, code)
                body = found.get(key)
                if body is None:
                    sector = actors.sector_of(name) or "GOV"
                    body = Entity(key=key, type="ORG", name=name, actor=actors.Actor(code, sector))
                    found[key] = body
                last = doc[m.j + n - 1]
                end = last.idx + len(last.text)
                body.mentions.append(Mention(m.j, m.j + n, doc[m.j].idx, end, doc[m.j : m.j + n].text, "ORG"))
                firsts[name] = min(firsts.get(name, body.mentions[-1].start), body.mentions[-1].start)
                break
    if not found:
        return entities
    leaders = Counter(key[1] for key in found)  # two leaders' governments: bare ones stay as they are
    codes = {key[1]: key for key in found if leaders[key[1]] == 1}
    out: list[Entity] = []
    for ent in entities:
        bare = ent.key[1] if ent.key[0] == "ORG@" and len(ent.key) == 3 else ""
        if bare in codes and ent.key != codes[bare] and ent.first.start > firsts[bare]:
            found[codes[bare]].mentions.extend(ent.mentions)  # "the administration" after it
            continue
        if ent.key in found:  # the same government named bare before: one entity
            found[ent.key].mentions.extend(ent.mentions)
            continue
        out.append(ent)
    for body in found.values():
        body.mentions.sort(key=lambda m: m.start)
    return out + list(found.values())
