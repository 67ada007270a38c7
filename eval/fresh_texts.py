"""Write the real news texts of the place and date sets (LGL local news, GeoVirus WikiNews, TimeBank
wire news) as plain text files, for fresh-text checks of the event and entity stages: none of these
texts is in an event or entity label file, so what the extractors do on them was never tuned on.

Each file is named by its article's id (LGL ``docid``, TimeBank ``DOCID``, GeoVirus the position of
the article in the file, ``geovirus_0007``) and holds exactly the article's text as the scorers of
``eval/places.py`` and ``eval/dates.py`` read it, so an offset into the written file is an offset into
that text. The files go to a folder outside the project (the texts are never copied into it); labels
kept in ``eval/data/`` name the id and the offsets.

    python eval/fresh_texts.py --corpus lgl --out /tmp/fresh/lgl --seed 2323 --count 150
"""

from __future__ import annotations

import argparse
import random
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from dates import parse_tml

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
CORPORA = ("lgl", "geovirus", "timebank")


def texts(corpus: str, data: Path = EVAL) -> dict[str, str]:
    """Every article of a corpus by its id, in file order."""
    if corpus == "timebank":
        return {p.stem: parse_tml(p).text for p in sorted((data / "dates" / "timebank").glob("*.tml"))}
    if corpus == "lgl":
        root = ET.parse(data / "places" / "lgl.xml").getroot()
        return {f"lgl_{art.get('docid')}": art.findtext("text") or "" for art in root.iter("article")}
    if corpus == "geovirus":
        root = ET.parse(data / "places" / "GeoVirus.xml").getroot()
        return {f"geovirus_{i:04d}": art.findtext("text") or "" for i, art in enumerate(root.iter("article"))}
    raise ValueError(f"unknown corpus {corpus!r} (one of {', '.join(CORPORA)})")


def draw(corpus: str, seed: int | None, count: int | None, data: Path = EVAL) -> dict[str, str]:
    """A seeded random draw of ``count`` articles (all, in file order, with no seed)."""
    found = texts(corpus, data)
    ids = list(found)
    if seed is not None:
        random.Random(seed).shuffle(ids)
    if count is not None:
        ids = ids[:count]
    return {i: found[i] for i in ids}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=CORPORA, required=True)
    ap.add_argument("--out", type=Path, required=True, help="folder to write to (outside the project)")
    ap.add_argument("--seed", type=int, default=None, help="draw the articles in this seeded order")
    ap.add_argument("--count", type=int, default=None)
    ap.add_argument("--skip", type=Path, nargs="*", default=[], help="files listing ids to leave out")
    ap.add_argument("--data", type=Path, default=EVAL)
    args = ap.parse_args(argv)
    if ROOT in args.out.resolve().parents:
        print("fresh_texts: write outside the project (the texts are never copied into it)", file=sys.stderr)
        return 2
    if not args.data.exists():
        print(f"fresh_texts: no data at {args.data}", file=sys.stderr)
        return 2
    lines = (line.strip() for f in args.skip for line in f.read_text(encoding="utf-8").splitlines())
    skip = {line.removesuffix(".txt") for line in lines}  # ids, or the file names of a draw
    drawn = draw(args.corpus, args.seed, None, args.data)
    found = {k: v for k, v in drawn.items() if k not in skip and v.strip()}
    chosen = list(found)[: args.count] if args.count is not None else list(found)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in chosen:
        (args.out / f"{name}.txt").write_text(found[name], encoding="utf-8")
    print(f"{len(chosen)} {args.corpus} texts written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
