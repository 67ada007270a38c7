"""The model on numpy's BLAS gives what stock spaCy gives, and the setting turns it off."""

from __future__ import annotations

import subprocess
import sys

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, POS, TAG
from spacy.language import Language
from thinc.api import NumpyOps

from newsgraph.extract.blas import use_numpy_blas
from newsgraph.extract.pipeline import _load

ATTRS = [TAG, POS, DEP, HEAD, ENT_IOB, ENT_TYPE]

TEXTS = [
    "The foreign minister of Kenya, Musalia Mudavadi, said on Monday that talks with Ethiopia "
    "would resume in Addis Ababa next week.",
    "WASHINGTON (AP) — U.S. forces struck 3 sites in eastern Syria on Friday; 12 people were "
    'killed, officials told reporters.\n\n"We will not back down," the general said.',
    "Shares of Siemens AG fell 4% after the company cut its forecast, and the European "
    "Commission opened an inquiry into the deal.",
    "Protesters gathered outside parliament in Dhaka, demanding the resignation of the prime "
    "minister, while police fired tear gas.",
    "",
    "Ok",
]


def _ops(nlp: Language) -> set[tuple[type, bool | None]]:
    found = set()
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            found |= {(type(node.ops), getattr(node.ops, "use_blis", None)) for node in model.walk()}
    return found


def _annotations(nlp: Language) -> list[numpy.ndarray]:
    return [doc.to_array(ATTRS) for doc in nlp.pipe(TEXTS)]


def test_numpy_blas_gives_stock_spacy_s_tags_parses_and_entities(model_name: str) -> None:
    stock = spacy.load(model_name)
    assert (NumpyOps, True) in _ops(stock)  # stock spaCy multiplies with BLIS
    fast = use_numpy_blas(spacy.load(model_name))
    assert _ops(fast) == {(NumpyOps, False)}  # every layer of every component switched
    for a, b in zip(_annotations(stock), _annotations(fast), strict=True):
        assert numpy.array_equal(a, b)
    doc = fast(TEXTS[0])
    assert {e.text for e in doc.ents} >= {"Kenya", "Monday"}


def test_the_setting_keeps_blis_when_off(model_name: str) -> None:
    on = _load(model_name, ("ner",), True)
    off = _load(model_name, ("ner",), False)
    assert _ops(on) == {(NumpyOps, False)}
    assert (NumpyOps, True) in _ops(off)
    for a, b in zip(_annotations(on), _annotations(off), strict=True):
        assert numpy.array_equal(a[:, :4], b[:, :4])  # tags and parses; no entity recogniser here


def test_a_loaded_pipeline_runs_every_blas_on_one_thread() -> None:
    # in a fresh process: a BLAS another test imported after this process's pipeline was loaded
    # (scipy's, through datasketch) was never the pipeline's to limit
    script = (
        "from threadpoolctl import threadpool_info\n"
        "from newsgraph.extract.pipeline import load_pipeline\n"
        "from newsgraph.settings import Settings\n"
        "load_pipeline(Settings.load())\n"
        "print(sorted({p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas'}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[1]"
