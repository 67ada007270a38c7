"""``eval/events_wire.py``: the small wire gold set read by article and split into halves by seed;
``eval/events_real.py``'s verbose list of misses names only the gold facts nothing matched."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalscripts import load_eval

wire = load_eval("events_wire")
real = load_eval("events_real")


def test_gold_rows_are_read_by_article(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    rows = ["file\ttrigger_start\ttrigger_end\ttypes\tactor\trecipient\tstatus"]
    rows += [
        "A\t0\t4\tREJECT\tUSA\tGBR,FRA\tfact",
        "B\t5\t9\tCONCEDE,AGREE\tIRQ\t\tunsure",
        "A\t9\t12\tACCUSE\t\t\tfact",
    ]
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    by = wire.read_gold(gold)
    assert list(by) == ["A", "B"] and len(by["A"]) == 2
    assert by["B"][0]["types"].split(",") == ["CONCEDE", "AGREE"]


def test_half_the_articles_are_tuned_on_and_the_split_is_repeatable() -> None:
    files = [f"art{i}" for i in range(8)]
    half = wire.halves(files)
    assert sorted(half.values()).count("tune") == 4 and half == wire.halves(list(reversed(files)))
    assert any(wire.halves(files, seed) != half for seed in range(5))


def test_the_verbose_misses_are_the_unmatched_gold_facts(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Russia rejected the plan. Russia accused Ukraine."
    gold = [
        real.GoldEvent(0, 7, 15, "REJECT", "fact", frozenset({"RUS"}), frozenset()),
        real.GoldEvent(1, 33, 40, "ACCUSE", "fact", frozenset({"RUS"}), frozenset({"UKR"})),
    ]
    article = real.Article("f", "s", "tune", "politics", True, text, [(0, 25), (26, 49)], gold)
    found = [real.Predicted(0, 7, 15, "REJECT", frozenset({"RUS"}), frozenset(), 0.9, {})]
    tally = real.score(article, found, verbose=True)
    out = capsys.readouterr().out
    assert tally.matched == 1
    assert "FN ACCUSE" in out and "FN REJECT" not in out
