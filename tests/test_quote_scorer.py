"""The PolNeAR quote scorer of eval/quotes.py on small hand-made gold and predictions."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalscripts import load_eval

ROOT = Path(__file__).resolve().parents[1]


Q = load_eval("quotes")
G = Q.GoldAttribution


def gold(content, source=(), direct=False):  # type: ignore[no-untyped-def]
    return G(content=list(content), source=list(source), cue=[], direct=direct)


def test_exact_match() -> None:
    s = Q.score({"d": [gold([(10, 30)], [(0, 5)])]}, {"d": [{"start": 10, "end": 30}]})
    assert s["content_p"] == s["content_r"] == s["content_f1"] == 1.0
    assert s["speaker_acc"] == 0.0  # no speaker predicted
    assert s["triple_f1"] == 0.0
    assert (s["n_gold"], s["n_pred"]) == (1, 1)


def test_half_overlap_boundary() -> None:
    g = {"d": [gold([(0, 10)])]}
    # overlap 5 of gold 10 and pred 10: exactly half of each -> match
    assert Q.score(g, {"d": [{"start": 5, "end": 15}]})["content_f1"] == 1.0
    # overlap 6 of gold 10, pred 10 -> match
    assert Q.score(g, {"d": [{"start": 4, "end": 14}]})["content_f1"] == 1.0
    # overlap 4 of 10 -> no match
    assert Q.score(g, {"d": [{"start": 6, "end": 16}]})["content_f1"] == 0.0
    # pred inside gold but too short: overlap 4 < half of gold 10
    assert Q.score(g, {"d": [{"start": 0, "end": 4}]})["content_f1"] == 0.0
    # pred covers gold but too long: overlap 10 < half of pred 21
    assert Q.score(g, {"d": [{"start": 0, "end": 21}]})["content_f1"] == 0.0
    assert Q.score(g, {"d": [{"start": 0, "end": 20}]})["content_f1"] == 1.0


def test_greedy_one_to_one() -> None:
    g = {"d": [gold([(0, 10)]), gold([(100, 110)])]}
    # two predictions on the first gold: only one matches; the better overlap wins
    preds = [{"start": 3, "end": 12}, {"start": 0, "end": 10}]
    s = Q.score(g, {"d": preds})
    assert s["n_matched"] == 1
    assert s["content_p"] == 0.5 and s["content_r"] == 0.5
    assert Q.match_doc(g["d"], preds) == [(0, 1)]
    # one prediction over two adjacent golds matches at most one
    g2 = [gold([(0, 10)]), gold([(10, 20)])]
    assert len(Q.match_doc(g2, [{"start": 0, "end": 20}])) == 1
    # largest overlap first
    g3 = [gold([(0, 10)]), gold([(0, 12)])]
    assert Q.match_doc(g3, [{"start": 0, "end": 12}]) == [(1, 0)]


def test_discontinuous_gold() -> None:
    g = {"d": [gold([(0, 10), (20, 30)])]}  # total length 20
    # covers both ranges (overlap 20 of pred 30) -> match
    assert Q.score(g, {"d": [{"start": 0, "end": 30}]})["content_f1"] == 1.0
    # first range only: overlap 10 = half of gold 20 and all of pred -> match
    assert Q.score(g, {"d": [{"start": 0, "end": 10}]})["content_f1"] == 1.0
    # 9 of the first range: below half of 20
    assert Q.score(g, {"d": [{"start": 0, "end": 9}]})["content_f1"] == 0.0
    # overlap summed over ranges: 5 + 5 = 10 of gold 20, pred 20 -> match
    assert Q.score(g, {"d": [{"start": 5, "end": 25}]})["content_f1"] == 1.0


def test_speaker() -> None:
    g = {"d": [gold([(0, 10)], [(20, 25)]), gold([(50, 60)], [(40, 45), (70, 75)]), gold([(80, 90)])]}
    preds = [
        {"start": 0, "end": 10, "speaker_start": 24, "speaker_end": 30},  # overlaps source
        {"start": 50, "end": 60, "speaker_start": 72, "speaker_end": 73},  # second source range
        {"start": 80, "end": 90, "speaker_start": 80, "speaker_end": 85},  # gold has no source
        {"start": 200, "end": 210, "speaker_start": 20, "speaker_end": 25},  # unmatched
    ]
    s = Q.score(g, {"d": preds})
    assert s["n_matched"] == 3
    assert s["speaker_acc"] == pytest.approx(2 / 3)
    p, r = 2 / 4, 2 / 3
    assert s["triple_f1"] == pytest.approx(2 * p * r / (p + r))
    # adjacent but not overlapping is wrong
    s2 = Q.score(
        {"d": [gold([(0, 10)], [(20, 25)])]},
        {"d": [{"start": 0, "end": 10, "speaker_start": 25, "speaker_end": 30}]},
    )
    assert s2["speaker_acc"] == 0.0


def test_direct_subset() -> None:
    text = 'He said the plan works. "We will win this," she said. Others "doubt" it, he added.' + " " * 20
    d_start = text.index('"We')
    d_end = text.index(',"') + 2
    g = {
        "d": [
            gold([(d_start, d_end)], [(d_end + 1, d_end + 4)], direct=True),
            gold([(8, 22)], [(0, 2)]),
        ]
    }
    o_start = text.index('Others "')
    preds = [
        {"start": d_start, "end": d_end, "speaker_start": d_end + 1, "speaker_end": d_end + 4},
        {"start": 8, "end": 22},
        {"start": o_start + 7, "end": o_start + 14},  # unmatched, contains quote marks
    ]
    s = Q.score(g, {"d": preds}, {"d": text})
    assert s["n_gold_direct"] == 1
    assert s["n_pred_direct"] == 2  # the matched one and the unmatched quoted one
    assert s["direct_r"] == 1.0
    assert s["direct_p"] == 0.5
    assert s["direct_f1"] == pytest.approx(2 / 3)
    assert s["direct_triple_f1"] == pytest.approx(2 / 3)
    assert s["content_p"] == pytest.approx(2 / 3) and s["content_r"] == 1.0
    # without texts only predictions matched to a direct gold count
    assert Q.score(g, {"d": preds})["direct_p"] == 1.0


def test_is_direct() -> None:
    assert Q.is_direct("he said “no way”")
    assert Q.is_direct('a "quote" here')
    assert Q.is_direct("«non»")
    assert Q.is_direct("‘we will go’")
    assert not Q.is_direct("Clinton’s team avoided it")
    assert not Q.is_direct("that the plan works")


def test_parse_ann_discontinuous_and_missing_roles() -> None:
    text = "Officials said the deal, which was signed, is done. It failed, according to reports."
    ann = "\n".join(
        [
            "T1\tSource 0 9\tOfficials",
            "T2\tCue 10 14\tsaid",
            "T3\tContent 15 23;41 50\tthe deal is done",
            "T4\tAttribution 10 14\tsaid",
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            "T5\tContent 52 61\tIt failed",
            "T6\tCue 63 75\taccording to",
            "T7\tAttribution-no-source 63 75\taccording to",
            "E2\tAttribution-no-source:T7 Content:T5 Cue:T6",
        ]
    )
    atts = Q.parse_ann(ann, text)
    assert len(atts) == 2
    assert atts[0].content == [(15, 23), (41, 50)]
    assert atts[0].source == [(0, 9)] and atts[0].cue == [(10, 14)]
    assert atts[1].source == [] and atts[1].content == [(52, 61)]
    assert not atts[0].direct


def test_regex_baseline() -> None:
    text = 'He said "we will win this" and “no” and “they are wrong again”.'
    preds = Q.regex_baseline(text)
    assert [text[p["start"] : p["end"]] for p in preds] == ['"we will win this"', "“they are wrong again”"]


def test_a_quote_split_by_its_attribution_is_scored_by_its_pieces() -> None:
    # “A,” said someone with a long title and place. “B.” : gold content is A + B, without the
    # attribution; the prediction's span from A to B is mostly attribution, its parts are not
    g = {"d": [gold([(0, 20), (80, 100)])]}
    whole = {"d": [{"start": 0, "end": 100}]}
    assert Q.score(g, whole)["content_f1"] == 0.0
    split = {"d": [{"start": 0, "end": 100, "parts": [(0, 20), (80, 100)]}]}
    assert Q.score(g, split)["content_f1"] == 1.0


def test_documents_fall_in_fixed_halves() -> None:
    names = [f"politico_2016-0{m}-1{d}_story-{m}{d}" for m in range(1, 10) for d in range(10)]
    halves = [Q.half_of(n) for n in names]
    assert set(halves) == {"tune", "measure"}
    assert 0.3 < halves.count("tune") / len(halves) < 0.7
    assert [Q.half_of(n) for n in names] == halves  # by the name alone: the same every run
