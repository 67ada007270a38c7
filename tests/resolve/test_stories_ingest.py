"""The issue's case through the real pipeline: a page captured twice with one word changed must
not double its events and quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.runner.local import ingest
from newsgraph.settings import Settings
from newsgraph.store.db import Store
from newsgraph.store.stories import counts

pytestmark = pytest.mark.model

PAGE = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "page_summit.html"


def test_a_recaptured_page_is_counted_once(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8")
    again = html.replace("Diplomats said", "Diplomats stated", 1)
    assert again != html
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    (tmp_path / "first" / "page.html").write_text(html, encoding="utf-8")
    (tmp_path / "second" / "page.html").write_text(again, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    settings = Settings.load(jobs=1)
    first = ingest([tmp_path / "first"], db, settings)
    with Store(db) as store:
        before = counts(store)
    second = ingest([tmp_path / "second"], db, settings)
    assert (first.n_copies, second.n_articles, second.n_copies) == (0, 1, 1)
    with Store(db) as store:
        after = counts(store)
        every = counts(store, include_copies=True)
    assert before["events"] > 0 and before["quotes"] > 0
    for kind in ("articles", "events", "quotes", "entities"):
        assert after[kind] == before[kind], kind
    assert every["articles"] == 2 and every["events"] > after["events"]
    assert after["copies"] == 1 and after["stories"] == 1
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--json", "--limit", "0"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) <= before["events"]


def _corpus_with_copies(root: Path) -> Path:
    """The sample corpus with an edited re-capture of each HTML page and a copy of the world desk
    dump, so that several batches hold copies of articles in earlier ones."""
    sample = PAGE.parent
    out = root / "corpus"
    out.mkdir()
    for path in sorted(sample.iterdir()):
        (out / path.name).write_bytes(path.read_bytes())
    for page in sorted(sample.glob("page_*.html")):
        html = page.read_text(encoding="utf-8")
        (out / f"z_{page.name}").write_text(html.replace("said", "stated", 1), encoding="utf-8")
    dump = (sample / "dump_world_desk.txt").read_text(encoding="utf-8")
    (out / "z_dump_world_desk.txt").write_text(dump.replace("the", "a", 3), encoding="utf-8")
    return out


def test_stories_linked_per_batch_are_those_linked_from_the_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ingest links the batches it writes with the sketches the workers made, and clusters their
    facts as it links them; one process, every core and linking and clustering everything again
    from the stored texts afterwards give the same stories and clusters."""
    from newsgraph.runner import local
    from newsgraph.runner.local import link_stories
    from newsgraph.testing.compare import STORY_TABLES, store_rows

    monkeypatch.setattr(local, "LINK_EVERY", 3)  # linked a few articles at a time
    reopened: list[str] = []
    reopen = Store.reopen

    def counted(store: Store) -> None:
        reopened.append(store.path)
        reopen(store)

    monkeypatch.setattr(Store, "reopen", counted)  # and the store opened again after each linking
    corpus = _corpus_with_copies(tmp_path)
    rows = []
    for jobs in (1, 2):
        db = tmp_path / f"j{jobs}.duckdb"
        report = ingest([corpus], db, Settings.load(jobs=jobs, batch_size=2))
        assert report.n_copies >= 3
        assert reopened.count(str(db)) >= 1
        rows.append(store_rows(db))
    assert rows[1] == rows[0]
    with Store(tmp_path / "j1.duckdb") as store:  # the old way: from the texts, after the run
        for table in STORY_TABLES:
            store.con.execute(f"DELETE FROM {table}")
        assert link_stories(store) == report.n_copies
    again = store_rows(tmp_path / "j1.duckdb")
    for table in STORY_TABLES:
        assert again[table] == rows[0][table], table
    assert sum(1 for r in rows[0]["article_stories"] if r[2] is not None) == report.n_copies
