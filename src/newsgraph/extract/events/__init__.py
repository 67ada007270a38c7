"""PLOVER events per sentence: the ``newsgraph_events`` component.

Rules over the dependency parse, with the lexicons in ``extract/data/plover_*.tsv``
(``extract/plover.py`` reads them):

1. **Triggers.** A verb whose lemma and context match a row of ``plover_verbs.tsv`` ("urged",
   "called on", "froze ... assets"), or a noun of ``plover_nouns.tsv`` where the text reports it
   as an event: the object of a support verb ("held talks"), the subject of a verb of happening
   ("fighting erupted"), a noun with its own named actor ("Israeli airstrikes", "Tillerson's call
   for"), or the occasion of a clause ("raised it in a phone call with Putin"). In a quote or
   reported speech, "X must/should ..." is a REQUEST of the speaker to X.
2. **One event, not three.** The complement of a verbal event is its content: "urged China to
   resume talks" is one REQUEST (mode meet), "vowed to retaliate" a THREATEN
   (``plover_content.tsv``); the topic of a verbal event ("condemned the attack") is not an event
   of its own. A verb that passes its action on ("ordered the assets frozen") gives the complement
   event its actor. A same-type event below another with no subject of its own is merged into it
   ("attacked Israel, killing 1,200 people and abducting 250": one ASSAULT with its magnitudes).
3. **Auxiliary modes.** Negation, modals, "if" and governing verbs ("plans to", "failed to") mark
   events negated, hypothetical or future. Future cooperation is AGREE, a future retreat CONCEDE
   (manual); "did not accept" is a REJECT.
4. **Arguments.** Actors and recipients are the subject, object and recipient prepositions of the
   type (``plover_types.tsv``), resolved to entities and actor codes (``references.py``); meeting
   partners and two-sided fighters are all actors. Date, place and magnitudes come from the dates,
   places and counts components when they ran (fallbacks otherwise); contexts from cue words.

The modules, in the order the component runs them:

- ``candidates.py``: tokens in the lexicons, and the row whose conditions a trigger meets;
- ``context.py``: the doc's facts from the other components, indexed for lookups;
- ``drafts.py``: the event each trigger reports, with its type and mode (point 1);
- ``evaluation.py`` and ``received.py``: judgements said of an actor ("called the tariffs
  illogical") and criticism or praise received ("drew criticism from Democrats");
- ``sentiment.py``: the tone of what is said (a packaged sentiment lexicon), two settings off by
  default: ACCUSE/SUPPORT from the tone of a quote about another actor, and tone as evidence of
  an ACCUSE's confidence;
- ``relate.py``: contents, topics, pass-through verbs, merges, auxiliary modes (points 2 and 3);
- ``records.py``: one record per event, from ``actors.py`` (actors and recipients),
  ``references.py`` (noun phrases to actor codes), ``classify.py`` (final type and mode),
  ``when_where.py`` (date and place), ``magnitudes.py`` and ``cues.py`` (mode and context cues);
- ``syntax.py`` and ``modality.py``: reading the parse; ``component.py``: the spaCy component.

See docs/events.md for the record and its quality."""

from __future__ import annotations

from .component import EventExtractor, make_events

__all__ = ["EventExtractor", "make_events"]
