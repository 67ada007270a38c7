"""Document-level corrections of the model's entity spans, made on the cleaned mentions
(``extract/mentions.py``) before their labels are made consistent (:mod:`.labels`):

- **A known organisation tagged in part grows** over the untagged capitalised words beside it
  ("Islamic" + "State" -> "Islamic State", tagged ``NORP`` by the model) and becomes ``ORG``.
- **A person's name after a title or word of address grows** over one untagged capitalised word
  before it that the model tags as a name elsewhere in the article or that is a common given name
  ("Prince Alwaleed" + "Bin Talal" -> "Alwaleed Bin Talal"; not "Commodore"); a person's name
  cut after a middle initial grows over the capitalised word after it ("Ben S." + "Bernanke").
- **Known organisations the model missed**: a one-word proper noun that is a name of
  ``organisations.tsv`` with its own code ("posted on Twitter") becomes an ``ORG`` mention.
- **Countries the model missed**: a one-word proper noun that is a country's name, with no
  capitalised word beside it ("Nigeria's main opposition party"), becomes a ``GPE`` mention.
- **An acronym of something that is no entity**: an acronym defined in brackets after a law, a
  programme, an index or an event ("the Affordable Care Act (ACA)", "Hang Seng Index (HSI)":
  a phrase the model tags ``LAW``, ``EVENT``, ``PRODUCT`` or ``WORK_OF_ART``, or one ending in a
  word such as "Act", "Index" or "Treaty") whose initials it spells is no name of an entity
  (GUIDE.md: laws, programmes and events are not labelled): each of its mentions is dropped,
  unless a table knows it.
- **A place and another name of it** after a comma are one name ("Washington, D.C."); a state or
  country after a comma stays a name of its own ("Cleveland, Ohio")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..resolve.names import COMMON_GIVEN
from .annotations import WordTest, doc_text, doc_word_set, doc_words, word_positions
from .label_cues import (
    grow_place_bodies,
    join_hyphenated_groups,
    join_place_names,
)
from .labels import address_words, is_given
from .mentions import Mention
from .quotes.lexicon import reporting_lemmas
from .role_titles import title_ranges
from .roles import FOLLOW_SITES
from .span_pieces import known

#: How many untagged words a known organisation's partly tagged name may grow by on each side.
_GROW = 2


def fix_spans(doc: Doc, mentions: list[Mention], ents: Sequence[Span] | None = None) -> list[Mention]:
    """``mentions`` with the span fixes of the module docstring made (in the text's order);
    ``ents`` is ``doc.ents`` when the caller has it already."""
    words = doc_words(doc)
    taken = {t for m in mentions for t in range(m.i, m.j)}

    def free(k: int) -> bool:
        return 0 <= k < len(words) and k not in taken and words[k][:1].isupper() and words[k].isalpha()

    out = [_grow_organisation(doc, m, taken, free) for m in mentions]
    for n, m in enumerate(out):  # "Ben S." + "Bernanke": a name the model cut after a middle initial
        last = words[m.j - 1]
        initial = len(last) == 2 and last[0].isupper() and last[1] == "."
        if m.label == "PERSON" and m.j - m.i >= 2 and initial and free(m.j) and not known(words[m.j]):
            taken.add(m.j)
            end = doc[m.j].idx + len(words[m.j])
            out[n] = Mention(m.i, m.j + 1, m.start, end, doc_text(doc)[m.start : end], m.label)
    # words the model tags somewhere, whatever the label (a one-word span's text is its word)
    text = doc_text(doc)
    tagged = {
        words[e.start] if e.end - e.start == 1 else text[e.start_char : e.end_char]
        for e in (doc.ents if ents is None else ents)
    }
    titles = title_ranges(doc)
    title_ends = {end for _, end in titles}
    in_titles = {t for start, end in titles for t in range(start, end)}
    for n, m in enumerate(out):
        k = m.i - 1
        if m.label != "PERSON" or not free(k) or k in in_titles or known(words[k]):
            continue
        before = words[k - 1].lower() if k > 0 else ""
        named = words[k] in tagged or is_given(words[k], COMMON_GIVEN)  # "Alwaleed", not "Commodore"
        if named and (k in title_ends or before.rstrip(".") in address_words()):
            taken.add(k)
            out[n] = Mention(k, m.j, doc[k].idx, m.end, doc[k : m.j].text, m.label)
    out = _missed_full_names(doc, out, taken)
    out = _missed_names(doc, _missed_countries(doc, _missed_organisations(doc, out, taken), taken), taken)
    out = join_hyphenated_groups(doc, _join_country_institution(doc, _join_city_region(doc, out)))
    out = join_place_names(doc, grow_place_bodies(doc, out))
    out = _northern_ireland(doc, out)
    return _drop_unnamed_acronyms(doc, out, doc.ents if ents is None else ents)


#: Words before "Ireland" that make it Northern Ireland, a part of the United Kingdom (GBR), not
#: the Irish Republic: "northern Ireland police" as wire transcripts write it, "N. Ireland".
_NORTHERN = frozenset({"northern", "n.", "n"})


def _northern_ireland(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An "Ireland" the model tagged without the "northern" before it grows over it."""
    taken = {t for m in mentions for t in range(m.i, m.j)}
    out: list[Mention] = []
    for m in mentions:
        k = m.i - 1
        if m.text.casefold() == "ireland" and k >= 0 and k not in taken and doc[k].lower_ in _NORTHERN:
            text = doc[k : m.j].text
            m = Mention(k, m.j, doc[k].idx, doc[k].idx + len(text), text, m.label)
        out.append(m)
    return out


def _missed_full_names(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """``mentions`` with the full names the model left untagged of a one-word name it took for a
    body or place that speaks ("Sanborn said", tagged ``ORG``): where the text writes that word
    after a common given name ("Jeff Sanborn, president of ..."), the two words are a ``PERSON``
    mention. Names the tables know are left alone ("Apple said")."""
    words = doc_words(doc)
    n_words = len(words)
    speakers = {
        m.text
        for m in mentions
        if m.j - m.i == 1
        and m.label != "PERSON"
        and m.j < n_words
        and (doc[m.j].lemma_ or words[m.j].lower()) in reporting_lemmas()
        and m.text[:1].isupper()
        and not m.text.isupper()
        and not known(m.text)
    }
    if not speakers:
        return mentions
    added: list[Mention] = []
    for k in range(1, n_words):
        w, first = words[k], words[k - 1]
        if w not in speakers or k in taken or k - 1 in taken or not first.isalpha():
            continue
        if first[:1].isupper() and is_given(first, COMMON_GIVEN):
            start, end = doc[k - 1].idx, doc[k].idx + len(w)
            added.append(Mention(k - 1, k + 1, start, end, doc_text(doc)[start:end], "PERSON"))
            taken.update((k - 1, k))
    return sorted([*mentions, *added], key=lambda m: m.i) if added else mentions


#: Sites a sign-off asks to follow someone on ("Follow Pam Key on Twitter").
_FOLLOW_SITES = frozenset({"twitter", "facebook", "instagram", "threads", "bluesky", "x"})


_FOLLOW = frozenset({"Follow"})


def _missed_names(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """``mentions`` with the names of sign-offs the model leaves untagged: "Follow <Name> on
    Twitter" (or another site) makes the two or three capitalised words a ``PERSON`` mention.
    (Datelines, "VIENNA — ", are left to the model: events would take the place for an actor.)"""
    words = doc_words(doc)
    n_words = len(words)
    added: list[Mention] = []
    for k in word_positions(words, _FOLLOW):  # (``taken`` grows only after the loop)
        if k in taken:
            continue
        if k + 3 < n_words:
            j = k + 1
            while j < n_words and j - k <= 3 and words[j][:1].isupper() and words[j].isalpha():
                j += 1
            site = words[j + 1].lower() if j + 1 < n_words else ""
            free = not any(t in taken for t in range(k + 1, j))
            if 2 <= j - k - 1 <= 3 and j < n_words and words[j] == "on" and site in FOLLOW_SITES and free:
                text = doc_text(doc)[doc[k + 1].idx : doc[j - 1].idx + len(words[j - 1])]
                added.append(Mention(k + 1, j, doc[k + 1].idx, doc[k + 1].idx + len(text), text, "PERSON"))
    if not added:
        return mentions
    taken.update(t for m in added for t in range(m.i, m.j))
    return sorted([*mentions, *added], key=lambda m: m.i)


def _join_city_region(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A place and, after a comma, another name of it are one name ("Washington, D.C.")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.label == prev.label == "GPE"
            and prev.j + 1 == m.i
            and doc[prev.j].text == ","
            and _region_of(prev.text, m.text)
        ):
            text = doc[prev.i : m.j].text
            out[-1] = Mention(prev.i, m.j, prev.start, prev.start + len(text), text, "GPE")
            continue
        out.append(m)
    return out


def _join_country_institution(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A country's name or adjective and, right after it, an institution every country has ("U.S."
    + "House" of "U.S. House Speaker X", "Nigerian" + "Senate"), tagged apart by the model or left
    untagged, are one name: the country's body (``countries.national_institution``), not the
    country and a body of no country (the country alone would share the country's key)."""
    from .countries import national_institution  # countries reads this module's neighbours

    words = doc_words(doc)
    text = doc_text(doc)
    starts = {m.i: m for m in mentions}
    taken = {t for m in mentions for t in range(m.i, m.j)}
    out: list[Mention] = []
    skip: set[int] = set()
    for m in mentions:
        if id(m) in skip:
            continue
        grown = None
        if m.label in ("GPE", "NORP") and m.j < len(words) and doc[m.j - 1].whitespace_:
            nxt = starts.get(m.j)
            if nxt is not None and nxt.label in ("ORG", "FAC"):
                if national_institution(text[m.start : nxt.end]) is not None:
                    grown, skip_m = (nxt.j, nxt.end), nxt
            else:
                for n in (3, 2, 1):  # untagged words: "U.S. House" of "U.S. House Speaker X"
                    k = m.j + n
                    if k > len(words) or any(t in taken or not words[t][:1].isupper() for t in range(m.j, k)):
                        continue
                    end = doc[k - 1].idx + len(words[k - 1])
                    if national_institution(text[m.start : end]) is not None:
                        grown, skip_m = (k, end), None
                        break
        if grown is None:
            out.append(m)
            continue
        if skip_m is not None:
            skip.add(id(skip_m))
        taken.update(range(m.j, grown[0]))
        out.append(Mention(m.i, grown[0], m.start, grown[1], text[m.start : grown[1]], "ORG"))
    return out


def _region_of(place: str, region: str) -> bool:
    """Whether ``region`` is another name of ``place`` in the gazetteer ("D.C." for Washington);
    a state or country after a comma ("Cleveland, Ohio") is a name of its own."""
    if actors.country_code(region) is not None and not actors.is_capital(region):
        return False  # "Paris, France"
    return any(p.name == place and p.feature != "admin1" for p in gazetteer().candidates(region))


def _missed_organisations(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """``mentions`` with the one-word names of known organisations the model left untagged
    ("posted on Twitter"): a proper noun, not opening its sentence, that is a pattern of
    ``organisations.tsv`` with a code of its own (not "Senate", whose country depends on the
    article)."""
    words = doc_words(doc)
    names = _MISSED_ORGANISATIONS.among(doc_word_set(doc))  # remembered answers: set operations
    if not names:
        return mentions
    added: list[Mention] = []
    for k in word_positions(words, names):
        w = words[k]
        if k in taken:
            continue
        if doc[k].is_sent_start or doc[k].tag_ not in ("NNP", "NNPS"):
            continue
        added.append(Mention(k, k + 1, doc[k].idx, doc[k].idx + len(w), w, "ORG"))
    return sorted([*mentions, *added], key=lambda m: m.i) if added else mentions


def _missed_countries(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """``mentions`` with the one-word names of countries the model left untagged ("Nigeria's main
    opposition party", "Today in America"): a proper noun, not opening its sentence, that is a
    country's name (not its adjective, its capital or a given name: "Jordan", "Chad"), with no
    capitalised word beside it (not "Vietnam War", "New Mexico")."""
    words = doc_words(doc)
    names = _MISSED_COUNTRIES.among(doc_word_set(doc))  # remembered answers: set operations
    if not names:
        return mentions
    added: list[Mention] = []
    for k in word_positions(words, names):
        w = words[k]
        if k in taken or doc[k].is_sent_start or doc[k].tag_ not in ("NNP", "NNPS"):
            continue
        if _capital_word(words, k - 1) or _capital_word(words, k + 1):
            continue
        taken.add(k)
        added.append(Mention(k, k + 1, doc[k].idx, doc[k].idx + len(w), w, "GPE"))
    return sorted([*mentions, *added], key=lambda m: m.i) if added else mentions


def _capital_word(words: Sequence[str], k: int) -> bool:
    return 0 <= k < len(words) and words[k][:1].isupper() and words[k].replace(".", "").isalpha()


@lru_cache(maxsize=65536)
def _missed_country(w: str) -> bool:
    """Whether the word ``w`` may be a country's untagged name (see :func:`_missed_countries`)."""
    if len(w) < 4 or not w[:1].isupper() or not w.isalpha() or w.isupper():
        return False
    if actors.country_code(w) is None or actors.is_adjective(w) or actors.is_capital(w):
        return False
    return not is_given(w, COMMON_GIVEN) and not actors.is_known_person(w)


_MISSED_COUNTRIES = WordTest(_missed_country)


#: Labels of the model for things that are no entities of the guide ("Affordable Care Act").
_NOT_ENTITY_LABELS = frozenset({"LAW", "EVENT", "PRODUCT", "WORK_OF_ART"})
#: Last words of names of laws, agreements, programmes and market indexes.
_NOT_ENTITY_HEADS = frozenset(
    {"act", "bill", "treaty", "agreement", "accord", "partnership", "program", "programme"}
    | {"initiative", "index", "average", "law", "amendment", "doctrine"}
)
#: Short words an acronym may skip ("Deferred Action for Childhood Arrivals" -> "DACA").
_ACRONYM_SKIPS = frozenset({"of", "for", "and", "the", "on", "in", "to", "&"})
#: How many words before its bracket an acronym's phrase may take.
_ACRONYM_REACH = 8


def _drop_unnamed_acronyms(doc: Doc, mentions: list[Mention], ents: Sequence[Span]) -> list[Mention]:
    """``mentions`` without those of acronyms defined in brackets after something that is no
    entity (see the module docstring)."""
    words = doc_words(doc)
    n_words = len(words)
    kept = {t for m in mentions for t in range(m.i, m.j)}
    not_entity = {t for e in ents if e.label_ in _NOT_ENTITY_LABELS for t in range(e.start, e.end)}
    unnamed: set[str] = set()
    for m in mentions:
        text = m.text
        bracketed = m.i > 0 and m.j < n_words and words[m.i - 1] == "(" and words[m.j] == ")"
        if not bracketed or m.j - m.i != 1 or not text.isupper() or not 2 <= len(text) <= 6:
            continue
        phrase = _phrase_before(words, m.i - 1, text)
        if phrase is None and _phrase_before(words, m.i - 1, text, lower=True) is not None:
            unnamed.add(text)  # "binge eating disorder (BED)", "click-through rate (CTR)": common nouns
            continue
        if phrase is None or kept.intersection(range(*phrase)):
            continue  # no phrase spelt by it, or the phrase is an entity: "... Commission (INEC)"
        lo, hi = phrase
        if not_entity.intersection(range(lo, hi)) or words[hi - 1].lower() in _NOT_ENTITY_HEADS:
            unnamed.add(text)
    if not unnamed:
        return mentions
    return [m for m in mentions if m.text not in unnamed or actors.organisation(m.text) is not None]


def _phrase_before(
    words: Sequence[str], bracket: int, acronym: str, lower: bool = False
) -> tuple[int, int] | None:
    """The token range of the capitalised phrase ending right before ``bracket`` whose initials
    spell ``acronym`` (short words may be skipped, a hyphenated word gives each part's initial:
    "Trans-Pacific Partnership" -> "TPP"), or None; with ``lower``, of the phrase in lower case
    (its first word may open a sentence: "Binge eating disorder (BED)")."""
    letters = ""
    for lo in range(bracket - 1, max(-1, bracket - 1 - _ACRONYM_REACH), -1):
        w = words[lo]
        if w.lower() in _ACRONYM_SKIPS:
            continue
        if w == "-":
            continue
        if lower and not w[:1].islower() and not (letters and len(letters) == len(acronym) - 1):
            return None
        if not lower and not w[:1].isupper():
            return None
        letters = "".join(part[:1] for part in w.split("-")).upper() + letters
        if letters == acronym.upper():
            return lo, bracket
        if not acronym.upper().endswith(letters):
            return None
    return None


@lru_cache(maxsize=65536)
def _missed_organisation(w: str) -> bool:
    """Whether the word ``w`` may be a known organisation's untagged one-word name (see
    :func:`_missed_organisations`)."""
    if len(w) < 3 or not w[:1].isupper() or not w.isalpha() or w.isupper():
        return False
    org = actors.organisation(w)
    return org is not None and bool(org.code) and org.type in ("", "ORG")


_MISSED_ORGANISATIONS = WordTest(_missed_organisation)


def _grow_organisation(doc: Doc, m: Mention, taken: set[int], free: Callable[[int], bool]) -> Mention:
    """``m`` grown over untagged capitalised words into a known organisation's name, else ``m``."""
    if not (free(m.j) or free(m.i - 1)):
        return m
    for left in range(_GROW + 1):
        for right in range(_GROW + 1):
            extra = [*range(m.i - left, m.i), *range(m.j, m.j + right)]
            if not extra or not all(free(t) for t in extra):
                continue
            i, j = m.i - left, m.j + right
            text = doc_text(doc)[doc[i].idx : doc[j - 1].idx + len(doc[j - 1])]  # doc[i:j].text, no Span
            if actors.organisation(text) is not None:
                taken.update(extra)
                return Mention(i, j, doc[i].idx, doc[i].idx + len(text), text, "ORG")
    return m
