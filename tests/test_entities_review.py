"""eval/entities_review.py: the stratified draw and the per-field figures."""

from __future__ import annotations

from pathlib import Path

from evalscripts import load_eval

ROOT = Path(__file__).resolve().parents[1]


R = load_eval("entities_review")


def _rows(counts: list[int]) -> list[dict[str, object]]:
    return [{"file": f"f{k % 7}", "start": k, "end": k + 3, "n": n} for k, n in enumerate(counts)]


def test_draw_takes_20_of_the_most_mentioned_and_40_of_the_long_tail_seeded() -> None:
    rows = _rows([30 - k % 30 for k in range(100)] + [1, 2] * 60)
    picked = R.draw(rows)
    top = [r for r in picked if r["stratum"] == "top"]
    tail = [r for r in picked if r["stratum"] == "tail"]
    assert len(top) == 20 and len(tail) == 40
    cut = sorted((int(r["n"]) for r in rows), reverse=True)[R.TOP - 1]
    assert all(int(r["n"]) >= cut for r in top)
    assert all(int(r["n"]) <= 2 for r in tail)
    assert [r["start"] for r in R.draw(_rows([30 - k % 30 for k in range(100)] + [1, 2] * 60))] == [
        r["start"] for r in picked
    ]


def test_figures_give_the_right_share_per_field() -> None:
    row = {f + "_v": "right" for f in R.FIELDS}
    bad = {**row, "code_v": "wrong", "role_v": "partly"}
    lines = R.figures([row, row, row, bad])
    assert any(line.startswith("code") and "wrong  1" in line and "0.750" in line for line in lines)
    assert any(line.startswith("name") and "1.000" in line for line in lines)
    assert lines[-1] == "all five right 3 of 4 (0.750)"
