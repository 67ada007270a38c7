"""The CLI's list commands and the web's lists, built on one query layer, list the same rows for
the same filters and refuse the same bad values (the CLI with exit code 2 naming its option, the
web with a 400 naming its parameter)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store.db import Store

runner = CliRunner()


def _cli(db: Path, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, [*args, "--db", str(db), "--json", "--limit", "0"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _web(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    body = client.get(path, params={"per_page": 200, **params})
    assert body.status_code == 200, body.text
    found = body.json()
    assert found["pages"] == 1
    return list(found["items"])


@pytest.mark.parametrize(
    ("args", "params"),
    [
        (["--actor", "usa", "--quad", "material conflict"], {"actor": "usa", "quad": "material conflict"}),
        (["--country", "syr", "--since", "2024-01-01"], {"country": "syr", "date_from": "2024-01-01"}),
        (
            ["--recipient", "alvarezski", "--min-confidence", "0"],
            {"recipient": "alvarezski", "min_confidence": 0},
        ),
    ],
)
def test_events_cli_lists_what_the_web_lists(
    client: TestClient, synthetic_db: Path, args: list[str], params: dict[str, Any]
) -> None:
    mine = [(r["article_id"], r["n"]) for r in _cli(synthetic_db, "events", *args)]
    assert mine == [(r["article_id"], r["n"]) for r in _web(client, "/api/events", **params)]
    assert mine


@pytest.mark.parametrize(
    ("args", "params"),
    [
        (["--speaker", "boris"], {"speaker": "boris"}),
        (["--contains", "door", "--until", "2024-06-30"], {"q": "door", "date_to": "2024-06-30"}),
    ],
)
def test_quotes_cli_lists_what_the_web_lists(
    client: TestClient, synthetic_db: Path, args: list[str], params: dict[str, Any]
) -> None:
    mine = [(r["article_id"], r["start"]) for r in _cli(synthetic_db, "quotes", *args)]
    assert mine == [(r["article_id"], r["start"]) for r in _web(client, "/api/quotes", **params)]
    assert mine


def test_entities_and_articles_cli_list_what_the_web_lists(client: TestClient, synthetic_db: Path) -> None:
    mine = [r["key"] for r in _cli(synthetic_db, "entities", "--name", "alv", "--type", "person")]
    assert mine == [r["key"] for r in _web(client, "/api/entities", q="alv", type="person")]
    assert mine
    mine = [r["id"] for r in _cli(synthetic_db, "articles", "--search", "aid report", "--country", "usa")]
    web = _web(client, "/api/articles", q="aid report", country="usa", sort="newest")
    assert mine == [r["id"] for r in web]
    assert mine


@pytest.mark.parametrize(
    ("command", "args", "path", "params", "option"),
    [
        ("events", ["--type", "FOO"], "/api/events", {"type": "FOO"}, "--type"),
        ("events", ["--quad", "friendly"], "/api/events", {"quad": "friendly"}, "--quad"),
        ("quotes", ["--kind", "apples"], "/api/quotes", {"kind": "apples"}, "--kind"),
        ("entities", ["--country", "ZZZ"], "/api/entities", {"country": "ZZZ"}, "--country"),
        (
            "events",
            ["--since", "2024-02-01", "--until", "2024-01-01"],
            "/api/events",
            {"date_from": "2024-02-01", "date_to": "2024-01-01"},
            "--until",
        ),
    ],
)
def test_bad_values_are_refused_alike(
    client: TestClient,
    synthetic_db: Path,
    command: str,
    args: list[str],
    path: str,
    params: dict[str, Any],
    option: str,
) -> None:
    result = runner.invoke(app, [command, *args, "--db", str(synthetic_db)])
    assert result.exit_code == 2
    assert f"error: {option}:" in result.output
    answer = client.get(path, params=params)
    assert answer.status_code == 400
    assert answer.json()["error"]["details"][0]["param"] == {"--until": "date_to"}.get(option, option[2:])


def test_counts_cli_lists_what_the_web_lists(client: TestClient, synthetic_db: Path) -> None:
    for args, params in (
        ([], {}),
        (["--kind", "KILLED", "--since", "2024-01-01"], {"kind": "killed", "date_from": "2024-01-01"}),
    ):
        mine = _cli(synthetic_db, "counts", *args)
        web = client.get("/api/counts", params={"per_page": 200, **params}).json()
        if web["pages"] == 1:
            assert mine == web["items"]
        else:  # the first page, in the same order
            assert mine[: len(web["items"])] == web["items"]
        assert mine


def test_a_value_newsgraph_writes_but_the_store_lacks_is_an_empty_list(
    client: TestClient, synthetic_db: Path
) -> None:
    """ "PROTEST" on a store without protests is no error: the list is empty on both edges, as any
    filter that matches nothing (a word no type has stays an error: above)."""
    from newsgraph.extract.plover import event_types
    from newsgraph.records import COUNT_KINDS, ENTITY_TYPES

    with Store(synthetic_db, read_only=True) as store:
        have = {r[0] for r in store.con.execute("SELECT DISTINCT event_type FROM events").fetchall()}
        kinds = {r[0] for r in store.con.execute("SELECT DISTINCT kind FROM counts").fetchall()}
        types = {r[0] for r in store.con.execute("SELECT DISTINCT type FROM entities").fetchall()}
    cases = [
        ("events", "--type", "/api/events", "type", sorted(set(event_types()) - have)),
        ("counts", "--kind", "/api/counts", "kind", sorted(set(COUNT_KINDS) - kinds)),
        ("entities", "--type", "/api/entities", "type", sorted(set(ENTITY_TYPES) - types)),
    ]
    assert any(missing for *_, missing in cases)  # the synthetic store lacks some
    for command, option, path, param, missing in cases:
        for value in missing[:2]:
            assert _cli(synthetic_db, command, option, value, "--min-confidence", "0") == []
            answer = client.get(path, params={param: value, "min_confidence": 0})
            assert answer.status_code == 200 and answer.json()["items"] == [], (path, value)
