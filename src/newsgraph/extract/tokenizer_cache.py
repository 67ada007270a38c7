"""Filling spaCy's tokenizer cache outside memory zones, so that tokenising inside one stays cheap.

spaCy's tokenizer remembers how it split each whitespace-delimited chunk ("said,", "Tuesday.")
in a cache of at most ``Tokenizer.max_cache_size`` (10,000) chunks, and reads a chunk it has
seen from there instead of running its prefix, suffix and infix expressions again. Inside a
memory zone (``nlp.memory_zone()``, which the runner opens around each chunk of articles so that
the vocabulary does not grow with the corpus) it reads that cache but never adds to it: every
chunk not cached before the zone is split again at every occurrence. On the bench corpus that
made tokenising 200 articles cost 0.47 CPU s inside a zone against 0.06 s outside one.

:func:`warm_tokenizer` tokenises, outside any zone, the chunks of the coming texts that it has not
given the tokenizer before, until it has given as many as the cache holds: the cache then fills
with the corpus's own first chunks, as it does when spaCy runs without zones. Tokenisation is the
same either way (the cache holds what the expressions give); the words of those chunks stay in the
vocabulary for good, a bounded number (at most ``max_cache_size`` chunks' worth, once per
process)."""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokenizer import Tokenizer

#: Per pipeline, its tokenizer and the chunks given to it so far (at most its cache size).
_GIVEN: weakref.WeakKeyDictionary[Language, tuple[Tokenizer, set[str]]] = weakref.WeakKeyDictionary()


def warm_tokenizer(nlp: Language, texts: Iterable[str]) -> int:
    """Give ``nlp``'s tokenizer the whitespace-delimited chunks of ``texts`` it has not had from
    here yet, up to its cache size in all; how many were given. Does nothing inside a memory zone
    (the tokenizer would not keep them), for a tokenizer that is not spaCy's, or once the cache
    size is reached."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer) or getattr(nlp.vocab, "in_memory_zone", False):
        return 0
    known = _GIVEN.get(nlp)
    if known is None or known[0] is not tokenizer:  # (a pipeline given a new tokenizer starts over)
        known = _GIVEN[nlp] = (tokenizer, set())
    given = known[1]
    room = int(getattr(tokenizer, "max_cache_size", 0)) - len(given)
    if room <= 0:
        return 0
    new: list[str] = []
    for text in texts:
        for chunk in text.split():
            if chunk not in given:
                given.add(chunk)
                new.append(chunk)
                if len(new) >= room:
                    break
        if len(new) >= room:
            break
    for chunk in new:
        # one call per chunk: within one call the tokenizer stops caching after the first chunk
        # that is one of its special cases ("Mr.", "don't")
        tokenizer(chunk)
    return len(new)
