"""A batch frees the reference cycles it leaves behind before it returns: once the pipeline is
loaded the garbage collector runs rarely (extract.pipeline.preload), and without a collection per
batch a long run's memory grew with the number of articles."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest

from newsgraph.records import Document
from newsgraph.runner import batch
from newsgraph.runner.batch import process_documents
from newsgraph.settings import Settings

pytestmark = pytest.mark.model

TEXT = (
    "Minister Resigns Over Budget Row\n\n"
    "The finance minister resigned on Tuesday after a row over the budget, officials said in Paris.\n"
)


class _Node:
    """An object in a cycle with itself: reference counting alone never frees it."""

    def __init__(self) -> None:
        self.me = self


def test_batches_free_the_cycles_they_left_behind_every_few_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    left: list[weakref.ref[_Node]] = []
    clean = batch.clean_document

    def cleaning_that_leaves_a_cycle(*args: Any, **kwargs: Any) -> Any:
        left.append(weakref.ref(_Node()))  # garbage only a collection can free
        return clean(*args, **kwargs)

    monkeypatch.setattr(batch, "clean_document", cleaning_that_leaves_a_cycle)
    monkeypatch.setattr(batch, "COLLECT_EVERY", 3)
    document = Document(source="a.txt", text=TEXT, reader="text", kind="dump")  # one article
    settings = Settings.load(jobs=1)
    process_documents([document], settings)  # loads the pipeline first
    gc.collect()
    monkeypatch.setattr(batch, "_since_collection", 0)
    gc.disable()  # no automatic collection from here: only the batches' own can free the cycles
    try:
        left.clear()
        for _ in range(2):  # two articles: no collection yet (it costs ~16 ms however few)
            [(found, errors)] = process_documents([document], settings)
            assert found and not errors
        assert len(left) == 2 and all(ref() is not None for ref in left)
        process_documents([document], settings)  # the third article: the cycles are freed
        assert len(left) == 3 and all(ref() is None for ref in left)
    finally:
        gc.enable()
