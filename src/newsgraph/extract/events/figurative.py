"""Force as a figure of speech: "Trump fought with the Republican leadership over the nomination",
"Warren launched an attack on Trump", "Clinton battled Sanders over health care". Political news
words criticism as combat; the PLOVER manual's ASSAULT is the use of force that can do harm, and
its ACCUSE covers criticism and disapproval. A record of such a word (word class ``figurative``
of ``plover_words.tsv``) coded ASSAULT whose doers and targets are all people or political bodies
(no armed or police forces, no weapon mode, no casualties, no context of force, no place
attacked) is an ACCUSE (mode ``disapprove``): the doer criticises the target. When every side
other than the doers is a named person, only the contexts cued in the event's own sentence count:
a news digest that tells of a crime in one paragraph still tells of a candidate who "attacked" a
critic in another; when a country or a body is attacked, the article's strongest contexts count
too ("Putin attacked Ukraine" in an article about the war)."""

from __future__ import annotations

from typing import Any

from ...resolve.actors import country_code
from .. import plover
from .confidence import FORCE_CONTEXTS
from .drafts import Draft
from .syntax import lemma

#: Sectors of people and bodies that argue, not fight: government, legislature, parties,
#: courts, the opposition, media, civil society, business, labour.
_ARGUING = frozenset({"GOV", "LEG", "PTY", "JUD", "OPP", "JRN", "SOC", "BUS", "LAB", "ELI", "EDU", "CVL"})


#: Sectors of armed groups outside the state: a rebel leader who "declared war" means it (a
#: retired general who "attacked" a candidate on television argues).
_ARMED = frozenset({"REB", "PRM", "UAF"})


def _arguing(ref: dict[str, Any], people: set[str], places: set[str]) -> bool:
    if ref.get("sector") in _ARMED or ref.get("code") == "IMG":
        return False
    if ref.get("entity") in places and country_code(ref.get("text") or "") is None:
        # "attacked Gaza", "shelled Kharkiv": a town or a region is attacked with force, not
        # criticised (a country named as such is its state: "Trump attacked China over trade")
        return False
    return bool(ref.get("entity") in people or ref.get("sector") in _ARGUING)


def is_figurative(
    d: Draft, rec: dict[str, Any], people: set[str], cued: list[str], places: set[str] | None = None
) -> bool:
    """Whether an ASSAULT record is criticism worded as combat (see the module docstring);
    ``people`` are the ids of the article's PERSON entities, ``places`` those of its places, and
    ``cued`` the contexts cued in the event's sentence."""
    if rec["event_type"] != "ASSAULT" or rec["mode"] or rec["magnitudes"]:
        return False
    words = plover.word_class("figurative")
    if lemma(d.trigger) not in words and lemma(d.anchor) not in words:
        return False
    actors, recipients = rec["actor"], rec["recipient"]
    targets = recipients or actors[1:]
    persons = bool(targets) and all(r.get("entity") in people for r in targets)
    if set(cued if persons else rec["context"]) & FORCE_CONTEXTS:
        return False
    if not actors or not any(a.get("entity") in people for a in actors + recipients):
        return False  # a person is one of the sides: states and groups that "fight" may fight
    return all(_arguing(r, people, places or set()) for r in actors + recipients)


def as_criticism(rec: dict[str, Any]) -> None:
    """Recode a figurative ASSAULT record as the ACCUSE it reports; two-sided fighting ("fought
    with the party leadership") becomes the first side's criticism of the others named after the
    verb; a subject of several stays one side."""
    trigger = rec["start"]
    if not rec["recipient"] and len(rec["actor"]) > 1 and any(a["start"] > trigger for a in rec["actor"]):
        # "fought with the party leadership": the side after the verb is criticised; a subject
        # of several ("Reagan and Trump battled opposition from the media") is one side
        rec["actor"], rec["recipient"] = rec["actor"][:1], rec["actor"][1:]
    rec["event_type"] = "ACCUSE"
    rec["mode"] = "disapprove"
    rec["quad"] = plover.event_types()["ACCUSE"].quad
    rec["cameo"] = plover.cameo_root("ACCUSE", "disapprove")
