"""``eval/fresh_texts.py``: the real news texts of the place and date sets written out by id, with a
seeded draw and a skip list, and never into the project."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

import fresh_texts as fresh  # noqa: E402


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "eval"
    (data / "places").mkdir(parents=True)
    (data / "dates" / "timebank").mkdir(parents=True)
    arts = "".join(f'<article docid="{i}"><text>Story {i} &amp; more.</text></article>' for i in range(6))
    (data / "places" / "lgl.xml").write_text(f"<articles>{arts}</articles>", encoding="utf-8")
    gv = "<articles><article><text>Flu in Lima.</text></article>"
    gv += "<article><text>Ebola.</text></article></articles>"
    (data / "places" / "GeoVirus.xml").write_text(gv, encoding="utf-8")
    tml = (
        '<TimeML><DOCID>X1</DOCID><DCT><TIMEX3 tid="t0" value="1998-02-13">x</TIMEX3></DCT>'
        '<TEXT>The council <EVENT eid="e1">voted</EVENT> <TIMEX3 tid="t1" value="1998-02-13">Friday</TIMEX3>.'
        "</TEXT></TimeML>"
    )
    (data / "dates" / "timebank" / "X1.tml").write_text(tml, encoding="utf-8")
    return data


def test_texts_are_read_by_id_as_the_scorers_read_them(tmp_path: Path) -> None:
    data = _data(tmp_path)
    lgl = fresh.texts("lgl", data)
    assert list(lgl)[:2] == ["lgl_0", "lgl_1"] and lgl["lgl_3"] == "Story 3 & more."
    assert fresh.texts("geovirus", data) == {"geovirus_0000": "Flu in Lima.", "geovirus_0001": "Ebola."}
    assert fresh.texts("timebank", data) == {"X1": "The council voted Friday."}


def test_a_seeded_draw_is_repeatable_and_differs_from_file_order(tmp_path: Path) -> None:
    data = _data(tmp_path)
    one = list(fresh.draw("lgl", 7, 4, data))
    assert one == list(fresh.draw("lgl", 7, 4, data)) and len(one) == 4
    assert set(fresh.draw("lgl", None, None, data)) == {f"lgl_{i}" for i in range(6)}
    assert [list(fresh.draw("lgl", s, None, data)) for s in range(5)] != [[f"lgl_{i}" for i in range(6)]] * 5


def test_the_main_writes_outside_the_project_and_skips_listed_ids(tmp_path: Path) -> None:
    data = _data(tmp_path)
    skip = tmp_path / "used.txt"
    skip.write_text("lgl_0\nlgl_1.txt\n", encoding="utf-8")  # an id, or a file name of a draw
    out = tmp_path / "out"
    assert fresh.main(["--corpus", "lgl", "--out", str(out), "--skip", str(skip), "--data", str(data)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [f"lgl_{i}.txt" for i in range(2, 6)]
    assert (out / "lgl_2.txt").read_text(encoding="utf-8") == "Story 2 & more."
    assert fresh.main(["--corpus", "lgl", "--out", str(ROOT / "eval" / "x"), "--data", str(data)]) == 2
    assert not (ROOT / "eval" / "x").exists()
