"""How likely an entity record is to be right: a name of a person, organisation, place or group,
with the name and the type a reader would give it.

An entity goes wrong when the words are no name (a capitalised heading word, a product, a
slogan), when the type is wrong (a firm named after a place, a team named after a city), or when
the name is cut or run on ("Trump Tower" for "Trump"). The evidence (names of the ``entity`` rows
of ``data/fact_confidence.tsv``, see :mod:`newsgraph.extract.fact_confidence`):

=================  ============================================================================
evidence           why
=================  ============================================================================
``type_<type>``    the type: a country or a nationality is nearly always right; an
                   organisation or a facility least (their names are ordinary words more often)
``mentions``       how often the article names it, beyond once (capped at four more): a name an
                   article keeps using is a name
``full_name``      the name has more than one word ("Angela Merkel", "World Health Organization")
``known``          newsgraph's own name tables know it (a country, a nationality, an organisation
                   of ``organisations.tsv``, a person of ``people.tsv``)
``role``           a title or role is attached ("Foreign Minister X", "X, the company's chief")
``actor``          it has an actor code
``model_only``     only spaCy's entity model says it is a name of that type: no table knows
                   it, no role or actor code is attached
``weak_capital``   every mention is at the start of a sentence or all in capitals: the capital
                   letter says nothing there
=================  ============================================================================

A nominal institution ("the police", no capital letter) is outside the real-news labels the
weights were fitted on; its confidence is read from the same evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import ENTITY_TYPES
from .annotations import doc_words
from .fact_confidence import score

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .entity_groups import Entity

#: The types with a weight of their own (``type_<type>``); the rest are ``type_other``.
TYPES = frozenset(ENTITY_TYPES)
#: Entity keys that come from newsgraph's name tables.
_TABLED_KEYS = frozenset({"COUNTRY", "NORP", "ORG", "ORG@", "CAPITAL"})
#: More mentions than this count as this.
MAX_MORE = 4


def features(ent: Entity, doc: Doc) -> dict[str, float]:
    """The evidence of one entity as named values (absent ones are 0)."""
    out = {f"type_{ent.type if ent.type in TYPES else 'other'}": 1.0}
    ms = ent.mentions
    if len(ms) > 1:
        out["mentions"] = min(len(ms) - 1, MAX_MORE) / MAX_MORE
    if len(ent.name.split()) > 1:
        out["full_name"] = 1.0
    if ent.canonical or ent.key[0] in _TABLED_KEYS:
        out["known"] = 1.0
    if ent.roles:
        out["role"] = 1.0
    if ent.actor is not None:
        out["actor"] = 1.0
    backed = "known" in out or "role" in out or "actor" in out
    if not backed and _model_typed(ent, doc):
        out["model_only"] = 1.0
    capital = any(c.isupper() for m in ms for c in m.text)  # none in "the police": no name to judge
    if capital and all(_weak_capital(doc, m.i, m.text) for m in ms):
        out["weak_capital"] = 1.0
    return out


def _model_typed(ent: Entity, doc: Doc) -> bool:
    """spaCy's entity model gave one of the entity's mentions the entity's type."""
    return any(doc[m.i].ent_type_ == ent.type for m in ent.mentions if m.i < len(doc))


def _weak_capital(doc: Doc, i: int, text: str) -> bool:
    """The mention at token ``i`` opens a sentence (or a line) or is written all in capitals."""
    if text.isupper() and len(text) > 1 and any(c.isalpha() for c in text[1:]):
        return not (len(text) <= 5 and " " not in text)  # "NATO", "FBI": acronyms are written so
    if i <= 0 or i >= len(doc):
        return True
    prev = doc_words(doc)[i - 1]
    return bool(doc[i].is_sent_start) or prev in ('"', "“", "\n", "\n\n") or "\n" in prev


def confidence(ent: Entity, doc: Doc) -> float:
    """The probability that the entity (its name and type) is right, to three decimals."""
    return score("entity", features(ent, doc))
