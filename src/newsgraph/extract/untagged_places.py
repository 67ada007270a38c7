"""Country and capital names the model left untagged.

The small English model was trained on news of the 2000s: it tags "Kiev" but often leaves "Kyiv"
untagged ("Russia hits Kyiv with ballistic missile", "fired a missile at Kyiv"). A word sequence
that is a country's name, alias or capital in the country table (``resolve/data/countries.tsv``),
written with its capitals, on no token of any span the model gave (whatever its label: "40 million
New Zealand dollars" may be money), is a ``GPE`` mention unless something beside it makes it part
of a longer name: a capitalised word ("Kyiv Independent"; in a headline in title case every word
has capitals, so there only the next rule counts), a joining mark glued to it ("Kyiv-based"), or a
currency word after it ("New Zealand dollars"). Names that are also given names or common words
("Jordan", "Chad", "Georgia", "Victoria", "Male", "Paris", "Washington", "Bern") are left to the
model (``untagged_place_stoplist.txt``)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from ..resolve.actors import country_codes, country_forms, country_name
from ..tables import data_lines
from .annotations import doc_words

#: Currency words after a country's name: the name is part of the currency's ("New Zealand dollars").
_CURRENCIES = frozenset(
    "dollar dollars pound pounds peso pesos rupee rupees rupiah yuan renminbi yen euro euros franc francs"
    " krona kronor krone kroner shekel shekels ruble rubles rouble roubles dinar dinars dirham dirhams rand"
    " real reais won lira liras ringgit baht riyal riyals rial rials naira shilling shillings"
    " hryvnia hryvnias zloty forint lei leu dong taka kwacha cedi birr".split()
)
#: Marks that join a word to a name next to it ("Kyiv-based", "Kyiv's" is kept: a possessive).
_JOINING = frozenset({"-", "–", "&", "/"})


@cache
def _stoplist() -> frozenset[str]:
    return frozenset(
        ln.strip().lower() for ln in data_lines("newsgraph.extract", "untagged_place_stoplist.txt")
    )


@cache
def names_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The table's country names, aliases and capitals as word tuples, by their first word, longest
    first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    stop = _stoplist()
    for code in country_codes():
        forms = (country_name(code) or "", *country_forms(code, "aliases"), *country_forms(code, "capitals"))
        for form in forms:
            words = tuple(form.split())
            if form.lower() in stop or "." in form or len(form) < 4:
                continue
            if all(w[:1].isupper() for w in words):
                out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}


def untagged_places(doc: Doc, taken: set[int], title_case: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of the table's country and capital names in ``doc`` on no token of
    ``taken`` (the tokens of the model's mentions); in a line of ``title_case`` (token ranges of
    headlines in title case) a capitalised word beside a name does not make it part of another.
    One pass over the doc's words as strings; a :class:`Token` is made only around a hit."""
    names = names_by_first_word()
    words = doc_words(doc)
    out: list[tuple[int, int]] = []
    n = len(words)
    after = 0  # the first word a name may start at: none inside the one found before
    # the words that open a name, found in one pass (a comprehension: most words open none)
    for i in [i for i, w in enumerate(words) if w in names]:
        if i < after or i in taken:
            continue
        for form in names[words[i]]:
            j = i + len(form)
            if j > n or tuple(words[i:j]) != form or taken.intersection(range(i, j)):
                continue
            headline = any(s <= i and j <= e for s, e in title_case)
            if _alone(doc, i, j, headline):
                out.append((i, j))
                after = j
            break
    return out


def _alone(doc: Doc, i: int, j: int, headline: bool) -> bool:
    """Nothing right before or after ``doc[i:j]`` makes it part of a longer name: no mark glued to
    it that joins words ("Kyiv-based", "pro-Kyiv") and, outside a title-case headline, no
    capitalised word beside it ("Kyiv Independent"; a sentence's first word does not count)."""
    if i > 0:
        before = doc[i - 1]
        if before.text in _JOINING and not before.whitespace_:
            return False
        if not headline and before.is_alpha and before.text[:1].isupper() and not before.is_sent_start:
            return False
    if j < len(doc):
        after = doc[j]
        if after.text in _JOINING and not doc[j - 1].whitespace_:
            return False
        if not headline and after.is_alpha and after.text[:1].isupper():
            return False
        if after.lower_ in _CURRENCIES:
            return False
    return True
