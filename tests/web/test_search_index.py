"""The search ranked from the postings in memory (web/postings.py) finds the articles and BM25
scores that the SQL over the postings table found, for words, prefixes and phrases."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pytest

from newsgraph.web import search
from newsgraph.web.postings import Postings
from newsgraph.web.queries import D, WebDb


@pytest.fixture(scope="module")
def web_db(synthetic_db: Path) -> Iterator[WebDb]:
    db = WebDb(synthetic_db)
    search.prepare(db)
    yield db
    db.close()


def sql_ranked(db: WebDb, parsed: search.Parsed) -> list[tuple[int, float]]:
    """The ranking as SQL gave it (the implementation before the arrays), on a fresh postings
    table: (rank, score) best first."""
    cur = db.cursor()
    search._build_postings(cur)
    try:
        n = max(1, db.stats["articles"])
        avg = db.one("SELECT avg(n_words) AS n FROM articles") or {}
        avgdl = float(avg.get("n") or 1.0) or 1.0
        tf = "count(*) + count(*) FILTER (WHERE p0.title)"
        counts: list[tuple[str, list[Any]]] = []
        for word in parsed.words:
            counts.append(
                (
                    f"SELECT p0.rank, {tf} AS tf FROM {D}.postings p0 WHERE p0.term >= ? AND p0.term < ? "
                    "GROUP BY p0.rank",
                    [word, word + "\U0010ffff"],
                )
            )
        for phrase in parsed.phrases:
            joins = "".join(
                f" JOIN {D}.postings p{i} ON p{i}.term = ? AND p{i}.rank = p0.rank "
                f"AND p{i}.pos = p0.pos + {i}"
                for i in range(1, len(phrase))
            )
            counts.append(
                (
                    f"SELECT p0.rank, {tf} AS tf FROM {D}.postings p0{joins} WHERE p0.term = ? "
                    "GROUP BY p0.rank",
                    [*phrase[1:], phrase[0]],
                )
            )
        ctes, joins_, terms, params = [], [], [], []
        for i, (sql, values) in enumerate(counts):
            ctes.append(f"t{i} AS ({sql})")
            params.extend(values)
            joins_.append(f"JOIN t{i} ON t{i}.rank = s.rank")
            idf = f"ln(1 + ({n} - df{i} + 0.5) / (df{i} + 0.5))"
            terms.append(
                f"{idf} * t{i}.tf * {search.K1 + 1!r} / (t{i}.tf + {search.K1!r} * (1 - {search.B!r} + "
                f"{search.B!r} * greatest(coalesce(s.n_words, 1), 1) / {avgdl!r}))"
            )
        dfs = ", ".join(f"(SELECT count(*) FROM t{i}) AS df{i}" for i in range(len(counts)))
        found = cur.execute(
            f"""WITH {", ".join(ctes)}, dfs AS (SELECT {dfs})
                SELECT s.rank, {" + ".join(terms)} AS score
                FROM {D}.search s {" ".join(joins_)} CROSS JOIN dfs""",
            params,
        ).fetchall()
    finally:
        cur.execute(f"DROP TABLE {D}.postings")
    return sorted(((int(r), float(s)) for r, s in found), key=lambda r: (-r[1], r[0]))


def words_of(db: WebDb) -> list[str]:
    """Some words of the store's titles and texts, frequent and rare."""
    text = " ".join(db.text(r) for r in range(1, min(len(db.texts), 20) + 1)).lower()
    found = sorted({w.strip(".,;:!?\"'()“”") for w in text.split()} - {""})
    return [w for w in found if w.isalpha()][::7][:12]


def test_words_prefixes_and_phrases_rank_as_sql_did(web_db: WebDb) -> None:
    words = words_of(web_db)
    assert len(words) >= 6
    text = web_db.text(1).lower().split()
    pair = [w for w in text[3:5]]
    queries = [
        *words[:6],
        words[0][:3],  # a prefix
        f"{words[1]} {words[2]}",
        f'"{" ".join(pair)}"',  # a phrase of the first article
        f'"{pair[0]}"',  # a phrase of one word: the whole word only
        f'"{words[3]} nosuchword"',
        "nosuchwordatall",
    ]
    matched = 0
    for query in queries:
        parsed = search.parse(query)
        got = search._ranked(web_db, search.ArticleSearch(q=query), parsed, newest=False)
        want = sql_ranked(web_db, parsed)
        assert [r for r, _ in got] == [r for r, _ in want], query
        assert all(math.isclose(a, b, rel_tol=1e-9) for (_, a), (_, b) in zip(got, want, strict=True))
        matched += len(got)
    assert matched > 20


def test_word_prefix_and_phrase_counts_of_a_small_table() -> None:
    # a hand-made postings table: rank 1 "red fox", rank 2 "red red hen", rank 3 "fox red"
    con = duckdb.connect()
    con.execute("CREATE TABLE p (term VARCHAR, rank INTEGER, pos INTEGER, title BOOLEAN)")
    rows = [("red", 1, 0, True), ("fox", 1, 1, False), ("red", 2, 0, False), ("red", 2, 1, False)]
    rows += [("hen", 2, 2, False), ("fox", 3, 0, False), ("red", 3, 1, False)]
    con.executemany("INSERT INTO p VALUES (?, ?, ?, ?)", rows)
    index = Postings.load(con, "p", 3)
    assert index.terms == ["fox", "hen", "red"]
    assert index.word("re").tolist() == [0, 2, 2, 1]  # title counts twice
    assert index.word("f").tolist() == [0, 1, 0, 1]
    assert index.phrase(["red", "fox"]).tolist() == [0, 2, 0, 0]  # at "red", in the title
    assert index.phrase(["fox", "red"]).tolist() == [0, 0, 0, 1]
    assert index.phrase(["red", "red", "hen"]).tolist() == [0, 0, 1, 0]
    assert index.phrase(["red", "cat"]).tolist() == [0, 0, 0, 0]
    assert index.phrase(["re"]).tolist() == [0, 0, 0, 0]  # a phrase word is whole
    assert not np.any(index.word("zebra"))
