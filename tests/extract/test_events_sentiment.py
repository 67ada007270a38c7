"""The tone of what is said (events/sentiment.py): VADER's packaged lexicon, the tone of an ACCUSE's
clause as evidence (setting ``tone``) and events from the tone of a quote about
another actor (setting ``sentiment``, off by default). Our own sentences."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

import pytest
from tests.eventtexts import events_of

from newsgraph.extract.events.confidence import Evidence, confidence
from newsgraph.extract.events.sentiment import SENTIMENT, TONE


def test_the_lexicon_ships_in_the_package_and_loads_offline() -> None:
    lexicon = resources.files("vaderSentiment") / "vader_lexicon.txt"
    assert lexicon.is_file() and len(lexicon.read_text(encoding="utf-8").splitlines()) > 7000
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    scores = SentimentIntensityAnalyzer().polarity_scores
    assert scores("He is a liar and a disgrace.")["compound"] < -0.5
    assert scores("He is not a good leader.")["compound"] < 0  # negation is the library's


def test_both_settings_are_off_by_default() -> None:
    # neither met the bar on the tune half: sentiment evidence that lifts an event over the
    # default threshold must be right 80% of the time there (docs/events.md)
    assert TONE is False and SENTIMENT is False


def _evidence(**changes: Any) -> Evidence:
    base: dict[str, Any] = {
        "named_actor": True,
        "coded_actor": True,
        "state_actor": True,
        "coded_recipient": True,
        "how": "deontic",
        "question": False,
        "background": False,
        "alone": False,
        "quoted": False,
        "force_without_cue": False,
        "relevance": 1.0,
    }
    return Evidence(**{**base, **changes})


def test_tone_alone_never_reaches_the_default_threshold() -> None:
    # the best a tone-only event can have: a state actor, a coded recipient, on topic
    assert confidence(_evidence(sentiment=True)) < 0.5
    # a judgement of the tables whose clause's tone agrees is surer than one whose does not
    assert confidence(_evidence(tone_agrees=True)) > confidence(_evidence())


@contextmanager
def _settings(nlp: Any, **values: bool) -> Iterator[None]:
    events = nlp.get_pipe("newsgraph_events")
    before = {name: getattr(events, name) for name in values}
    for name, value in values.items():
        setattr(events, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(events, name, value)


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r["code"]}


def _of(nlp: Any, text: str, etype: str) -> list[dict[str, Any]]:
    return [e for e in events_of(nlp, text) if e["event_type"] == etype]


@pytest.mark.model
def test_a_negative_clause_confirms_an_accusation_of_the_tables(nlp: Any) -> None:
    # an activist (no political actor) calls another a threat: under the threshold on its own
    text = "\u201cI think that Viktor Orban is a threat,\u201d said Anna Novak, an activist in Bratislava."
    with _settings(nlp, tone=False):
        (plain,) = _of(nlp, text, "ACCUSE")
    with _settings(nlp, tone=True):
        (toned,) = _of(nlp, text, "ACCUSE")
    assert _codes(toned["actor"]) == {"SVK"} and _codes(toned["recipient"]) == {"HUN"}
    assert plain["confidence"] < 0.5 <= toned["confidence"]
    # the tone of the verb that accuses is what the tables read: no second sign
    blamed = "The German chancellor blamed the media for the confusion."
    with _settings(nlp, tone=False):
        before = [e["confidence"] for e in _of(nlp, blamed, "ACCUSE")]
    assert before
    with _settings(nlp, tone=True):
        assert [e["confidence"] for e in _of(nlp, blamed, "ACCUSE")] == before
    # a neutral clause confirms nothing
    calm = "Russia and Syria have been accused of delaying the talks in Geneva."
    with _settings(nlp, tone=False):
        before = [e["confidence"] for e in _of(nlp, calm, "ACCUSE")]
    assert before
    with _settings(nlp, tone=True):
        assert [e["confidence"] for e in _of(nlp, calm, "ACCUSE")] == before


@pytest.mark.model
def test_praise_and_criticism_of_another_said_in_a_quote(nlp: Any) -> None:
    praise = (
        "Chinese Foreign Minister Wang Yi met Vladimir Putin in Beijing on Monday. "
        "\u201cHe is a wise, kind and generous leader,\u201d Wang said."
    )
    blame = (
        "German Chancellor Olaf Scholz met Viktor Orban in Berlin on Monday. "
        "\u201cHe has hurt Europe and lost all trust,\u201d Scholz said."
    )
    with _settings(nlp, sentiment=False):
        assert not _of(nlp, praise, "SUPPORT") and not _of(nlp, blame, "ACCUSE")
    with _settings(nlp, sentiment=True):
        (support,) = _of(nlp, praise, "SUPPORT")
        (accuse,) = _of(nlp, blame, "ACCUSE")
    # "he" in Wang's own words is not Wang: the other person named, Putin
    assert _codes(support["actor"]) == {"CHN"} and _codes(support["recipient"]) == {"RUS"}
    assert _codes(accuse["actor"]) == {"DEU"} and _codes(accuse["recipient"]) == {"HUN"}
    # anchored at the verb of saying, and under the default threshold: the tone is weak evidence
    assert support["text"] == "said" and accuse["text"] == "said"
    assert support["confidence"] < 0.5 and accuse["confidence"] < 0.5


@pytest.mark.model
def test_no_tone_event_for_a_condition_a_denial_or_ones_own_country(nlp: Any) -> None:
    met = "German Chancellor Olaf Scholz met Viktor Orban in Berlin on Monday. "
    said = " Scholz said."
    with _settings(nlp, sentiment=True):
        # a condition supposes; it judges nobody ("if he is a liar" scores -0.74)
        condition = met + "\u201cIf he is a liar and a cheat, we will know it soon,\u201d" + said
        assert not _of(nlp, condition, "ACCUSE")
        # a positive score got by denying the bad (+0.67) is no praise
        assert not _of(nlp, met + "\u201cHe is not a liar and not a thief,\u201d" + said, "SUPPORT")
        # of one's own country: no other party
        own = "\u201cAmerica is a great and generous country,\u201d President Joe Biden said in Washington."
        assert not _of(nlp, own, "SUPPORT")


@pytest.mark.model
def test_the_words_of_names_carry_no_tone(nlp: Any) -> None:
    from newsgraph.extract.events.context import Context
    from newsgraph.extract.events.sentiment import clause_tone
    from newsgraph.extract.pipeline import prepare_doc

    # "United" is positive in the lexicon: the whole sentence scores +0.68
    doc = nlp(prepare_doc(nlp, "The United States and the United Kingdom met on Monday."))
    ctx = Context.build(doc, has_dates=True, has_counts=True, has_places=True)
    met = next(t for t in doc if t.lower_ == "met")
    assert clause_tone(ctx, met) == 0.0
