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


def test_a_batch_frees_the_cycles_it_left_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    left: list[weakref.ref[_Node]] = []
    clean = batch.clean_document

    def cleaning_that_leaves_a_cycle(*args: Any, **kwargs: Any) -> Any:
        left.append(weakref.ref(_Node()))  # garbage only a collection can free
        return clean(*args, **kwargs)

    monkeypatch.setattr(batch, "clean_document", cleaning_that_leaves_a_cycle)
    document = Document(source="a.txt", text=TEXT, reader="text", kind="dump")
    settings = Settings.load(jobs=1)
    process_documents([document], settings)  # loads the pipeline first
    gc.disable()  # no automatic collection from here: only the batch's own can free the cycle
    try:
        left.clear()
        [(found, errors)] = process_documents([document], settings)
        assert found and not errors
        assert len(left) == 1
        assert left[0]() is None
    finally:
        gc.enable()
