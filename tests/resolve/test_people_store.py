"""A store's person variants kept up to date run by run (resolve/people.py) are the variants made
from all its keys at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from newsgraph.records import Article, SourceMap
from newsgraph.resolve import names
from newsgraph.resolve.entities import canonical_map, person_variant_map, store_keys
from newsgraph.resolve.people import store_canonical_map, store_variants
from newsgraph.store.db import Store

#: The people each run adds (name, actor code): a short name that a later run gives two fuller
#: names, a first initial whose country arrives in a later run, spelling variants, surnames.
RUNS: list[list[tuple[str, str | None]]] = [
    [("George Bush", "USA"), ("James Comey", "USA"), ("Volodymyr Zelensky", "UKR"), ("Ana Ruiz", None)],
    [("George W Bush", "USA"), ("J Comey", None), ("Volodymyr Zelenskyy", None), ("Ruiz", None)],
    [("George H W Bush", "USA"), ("J Comey", "USA"), ("Ana Maria Ruiz", None), ("Paul Marsh", "FRE")],
    [("Paul Marsh", "FRE"), ("P Marsh", "FRE"), ("Zelenskiy", None), ("Antony Blinken", "USA")],
]


def _article(run: int, people: list[tuple[str, str | None]]) -> Article:
    text = " ".join(name for name, _ in people)
    entities: list[dict[str, Any]] = [
        {
            "id": f"e{i}",
            "start": 0,
            "end": 1,
            "text": name,
            "key": f"PERSON:{name.lower()}",
            "name": name,
            "type": "PERSON",
            "actor": {"code": code} if code else None,
            "mentions": [[0, 1]],
        }
        for i, (name, code) in enumerate(people)
    ]
    return Article(
        id=f"a{run}",
        source=f"a{run}.txt",
        title="t",
        published=dt.date(2025, 1, 2),
        published_from=None,
        text=text,
        source_map=SourceMap.identity(len(text)),
        entities=entities,
    )


def test_kept_variants_are_those_of_all_keys_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    parse = names.parse

    def counting(text: str) -> names.PersonName | None:
        parsed.append(text)
        return parse(text)

    monkeypatch.setattr(names, "parse", counting)
    maps = []
    with Store(tmp_path / "s.duckdb") as store:
        for run, people in enumerate(RUNS):
            store.write(articles=[_article(run, people)], run_id=store.start_run("t"))
            keys, codes = store_keys(store.con)
            parsed.clear()
            kept = store_variants(store, keys, codes)
            # only the keys this run brought are parsed; the rest come from the store
            assert sorted(parsed) == sorted(
                {n.lower() for n, _ in people if len(n.split()) > 1} - {p for m in maps for p in m[1]}
            )
            assert kept == person_variant_map(keys, codes)
            assert store_canonical_map(store) == canonical_map(keys, codes)
            maps.append((kept, {k[len("PERSON:") :] for k in keys if k.startswith("PERSON:")}))
        parsed.clear()
        assert store_variants(store, keys, codes) == maps[-1][0] and parsed == []  # nothing new
    first, second, third, last = (m[0] for m in maps)
    assert first == {}
    assert second["PERSON:george bush"] == "PERSON:george w bush"
    assert "PERSON:george bush" not in third  # two fuller George Bushes now: it stays apart
    assert "PERSON:j comey" not in second and third["PERSON:j comey"] == "PERSON:james comey"  # country came
    assert (
        second["PERSON:volodymyr zelenskyy"] == "PERSON:volodymyr zelensky"
        or second["PERSON:volodymyr zelensky"] == "PERSON:volodymyr zelenskyy"
    )
    assert last["PERSON:p marsh"] == "PERSON:paul marsh"


def test_a_changed_scheme_makes_the_kept_variants_again(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write(articles=[_article(0, RUNS[0] + RUNS[1])], run_id=store.start_run("t"))
        keys, codes = store_keys(store.con)
        want = store_variants(store, keys, codes)
        assert want
        store.con.execute("UPDATE person_variants SET other = 'PERSON:nobody'")
        store.con.execute("UPDATE meta SET value = 'old' WHERE key = 'people_scheme'")
        assert store_variants(store, keys, codes) == want
