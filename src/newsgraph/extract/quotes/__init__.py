"""Quotes and reported speech with their speakers: the ``newsgraph_quotes`` component.

:class:`QuoteExtractor` (:mod:`.component`) works in passes over a parsed doc (docs/quotes.md says
what each finds):

1. direct quotes between quotation marks (:func:`quote_spans`, :mod:`.marks`), each with its cue
   and speaker (:mod:`.attribution`: ``_cue_for``, ``_subject`` and fallbacks); quotes split by
   their attribution are merged;
2. reported speech (:mod:`.reported`): for every reporting or attitude verb, the words it reports
   (``_content``, which reads asides set off by commas from the words, ``_attribution_aside``);
   partial quotes inside make one ``mixed`` quote;
3. nominal cues ("Trump's assertion that ...") and "according to X" (:mod:`.nominal`), colon lines
   and signatures (:mod:`.layout`).

Each quote record gets a confidence (:mod:`.confidence`: its kind, cue, speaker and length,
weighed by ``data/quote_confidence.tsv``). Speakers resolve to entities through the entity
component's token index (``_Mentions``,
:mod:`.speakers`); the words naming a source are read in :mod:`.names`. Quotes are
:class:`Quote` records (:mod:`.records`). Lexicons live in ``extract/data`` and load in
:mod:`.lexicon`: reporting_verbs.txt, attitude_verbs.tsv, source_nouns.txt and
attribution_nouns.txt."""

from __future__ import annotations

from .component import MIN_WORDS, QuoteExtractor, make_quotes
from .lexicon import attitude_frames, attribution_nouns, reporting_lemmas, source_nouns
from .marks import quote_spans
from .records import Quote

__all__ = [
    "MIN_WORDS",
    "Quote",
    "QuoteExtractor",
    "attitude_frames",
    "attribution_nouns",
    "make_quotes",
    "quote_spans",
    "reporting_lemmas",
    "source_nouns",
]
