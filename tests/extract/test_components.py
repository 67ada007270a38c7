"""newsgraph's extractors are real spaCy components: registered by entry points, saved and loaded
with the pipeline, checked by ``analyze_pipes``, loud on a pipeline that cannot feed them, and
serialisable with the doc."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.errors import MissingAnnotationError, TablesMismatchError
from newsgraph.extract.annotations import (
    ENTITY_SPANS,
    article_context,
    doc_entities,
    doc_quotes,
    entity_index,
    fact_lists,
)
from newsgraph.extract.pipeline import add_components, prepare_doc
from newsgraph.settings import Settings
from newsgraph.tables import TABLES_VERSION

TEXT = (
    "Foreign Minister Retno Marsudi met her Chinese counterpart in Jakarta on Tuesday.\n\n"
    "“We will not accept any violation of our sovereignty,” Marsudi told reporters after the talks.\n\n"
    "The ministry said in a statement that 40 fishing boats had entered the zone."
)


@pytest.fixture(scope="module")
def model() -> str:
    return Settings.load().model


@pytest.mark.model
def test_a_saved_pipeline_loads_in_a_fresh_process_without_importing_newsgraph(
    tmp_path: Path, model: str
) -> None:
    nlp = spacy.load(model)
    nlp.add_pipe("newsgraph_entities", after="ner")
    nlp.add_pipe("newsgraph_quotes", after="newsgraph_entities")
    doc = nlp(TEXT)
    here = fact_lists(doc)["quotes"]
    assert here and here[0]["speaker"]
    assert doc._.newsgraph_quotes[0].speaker == here[0]["speaker"]  # typed records
    nlp.to_disk(tmp_path / "pipe")
    assert (
        json.loads((tmp_path / "pipe" / "newsgraph_quotes" / "newsgraph.json").read_text())["tables_version"]
        == TABLES_VERSION
    )
    script = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
        "doc = nlp(sys.stdin.read())\n"
        "quotes = [q.as_json() for q in doc._.newsgraph_quotes]\n"
        "print(json.dumps({'pipes': nlp.pipe_names, 'quotes': quotes}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], input=TEXT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    there = json.loads(proc.stdout)
    assert there["pipes"][-2:] == ["newsgraph_entities", "newsgraph_quotes"]
    assert there["quotes"] == here


@pytest.mark.model
def test_analyze_pipes_finds_no_problem(nlp: Any) -> None:
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert [name for name in nlp.pipe_names if name.startswith("newsgraph_")]
    assert all(not found for found in problems.values()), problems


def test_on_a_blank_pipeline_a_component_says_what_it_lacks() -> None:
    nlp = spacy.blank("en")
    add_components(nlp, ("newsgraph_entities",))  # nothing to feed it: left out, not silently idle
    assert "newsgraph_entities" not in nlp.pipe_names
    nlp.add_pipe("newsgraph_quotes")
    with pytest.raises(MissingAnnotationError) as err:
        nlp("He said “this is a test of the thing” yesterday.")
    assert err.value.code == "NG401" and "parser" in str(err.value)
    with pytest.raises(MissingAnnotationError):
        nlp.initialize()
    assert len(nlp("")) == 0  # an empty doc needs nothing


def test_the_error_handler_is_spacys() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_events")
    seen: list[tuple[str, int]] = []
    nlp.set_error_handler(lambda name, proc, docs, e: seen.append((name, len(docs))))
    assert list(nlp.pipe(["Rebels attacked a village.", "Troops withdrew."])) == []
    assert seen == [("newsgraph_events", 1), ("newsgraph_events", 1)]


def test_tables_of_another_version_are_refused(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(TablesMismatchError):
        nlp.add_pipe("newsgraph_counts", config={"tables": "newsgraph.tables.v0"})
    pipe = nlp.add_pipe("newsgraph_counts")
    pipe.to_disk(tmp_path / "c")
    saved = json.loads((tmp_path / "c" / "newsgraph.json").read_text())
    assert saved["tables"]["newsgraph.extract/counts_numbers.tsv"]
    pipe.from_disk(tmp_path / "c")  # the same tables: fine
    (tmp_path / "c" / "newsgraph.json").write_text(json.dumps({**saved, "tables_version": "old"}))
    with pytest.raises(TablesMismatchError) as err:
        pipe.from_disk(tmp_path / "c")
    assert err.value.code == "NG202"


@pytest.mark.model
def test_a_pipeline_without_a_parser_leaves_out_what_needs_one(caplog: Any, model: str) -> None:
    nlp = spacy.load(model, exclude=["parser"])
    with caplog.at_level("WARNING"):
        add_components(nlp)
    assert "newsgraph_quotes" not in nlp.pipe_names and "newsgraph_events" not in nlp.pipe_names
    assert "newsgraph_entities" in nlp.pipe_names
    assert "newsgraph_quotes left out" in caplog.text


@pytest.mark.model
def test_annotations_survive_to_bytes_and_two_processes(nlp: Any) -> None:
    def prepared() -> list[Doc]:
        return [
            prepare_doc(nlp, TEXT, published=dt.date(2024, 5, 7), headings=[(0, 10)]),
            prepare_doc(nlp, TEXT.replace("Jakarta", "Manila"), published="2024-05-08"),
        ]

    one = list(nlp.pipe(prepared()))
    two = list(nlp.pipe(prepared(), n_process=2))
    assert [d._.newsgraph_facts for d in two] == [d._.newsgraph_facts for d in one]
    assert [doc_entities(d) for d in two] == [doc_entities(d) for d in one]
    assert [doc_quotes(d) for d in two] == [doc_quotes(d) for d in one] != [(), ()]
    assert any(e.roles for e in doc_entities(two[0]))  # nested records came back typed
    assert isinstance(doc_entities(two[0])[0].mentions, tuple)
    assert article_context(two[1]).published == dt.date(2024, 5, 8)
    back = Doc(nlp.vocab).from_bytes(one[0].to_bytes())
    assert article_context(back) == article_context(one[0])
    assert article_context(back).headings == ((0, 10),)
    assert article_context(back).main_country in ("IDN", "CHN")  # set once, by the entities
    assert [(s.start, s.end, s.label_, s.id_) for s in back.spans[ENTITY_SPANS]] == [
        (s.start, s.end, s.label_, s.id_) for s in one[0].spans[ENTITY_SPANS]
    ]
    assert entity_index(back) == entity_index(one[0]) != {}
    assert doc_entities(back) == doc_entities(one[0])
    assert fact_lists(back) == fact_lists(one[0])
    assert not one[0].user_data.keys() - {k for k in one[0].user_data if k[0] == "._."}
