"""eval/actors_review.py: sample ids to sources, and the judgement files it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalscripts import load_eval

ROOT = Path(__file__).resolve().parents[1]


R = load_eval("actors_review")


def test_sample_ids_name_polnear_files_and_scrapinghub_keys() -> None:
    assert R.source_of("nyt_2016-03-04_x.txt") == "quotes/polnear/train/text/nyt_2016-03-04_x.txt"
    assert R.source_of("ab12") == "articles/scrapinghub/ground-truth.json#ab12"


def test_judgements_skip_comments_and_refuse_unknown_verdicts(tmp_path: Path) -> None:
    head = "\t".join(R.FIELDS)
    good = tmp_path / "good.tsv"
    good.write_text(
        f"# a note\n{head}\nf.txt\t3\t9\tAcme\tORG\tUSA/BUS\t\tright\tUS firm\n", encoding="utf-8"
    )
    assert R.read_judged([good])[("f.txt", 3, 9)]["code_v"] == "right"
    bad = tmp_path / "bad.tsv"
    bad.write_text(f"{head}\nf.txt\t3\t9\tAcme\tORG\tUSA/BUS\t\tpartly\t\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        R.read_judged([bad])
