"""The model's matrix products through numpy's BLAS rather than thinc's bundled BLIS.

thinc's CPU backend (:class:`thinc.api.NumpyOps`) multiplies matrices with BLIS, the library it
bundles, built for any x86 CPU. numpy's wheels bundle OpenBLAS, which picks kernels for the CPU it
runs on (AVX-512 on the Xeons of our CI). thinc supports both: ``NumpyOps(use_blis=False)`` sends
``gemm`` to ``numpy.dot``. The layers that go through ``ops.gemm`` (every tok2vec encoder's
maxout, the parser's and the entity recogniser's input layer, the tagger's softmax) then run
~30% faster there, the whole ``en_core_web_sm`` pipeline ~13% (``bench/ingest.py`` prints it). The
parser's per-state step keeps calling BLIS from Cython.

The two libraries add up a product's terms in different orders, so a score may differ from stock
spaCy's in its last bits; the tags, parses and entities compared on the bench corpus and the dev
sets were the same (``tests/extract/test_blas.py`` checks a pipeline against stock spaCy).

OpenBLAS would start a thread per core for large products. newsgraph already runs one process
per core, so :func:`one_blas_thread` keeps it to one (the ``threadpoolctl`` library does this
for every BLAS loaded in the process)."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from thinc.api import NumpyOps


def use_numpy_blas(nlp: Language) -> Language:
    """Make every thinc model of ``nlp``'s components multiply with numpy's BLAS; returns ``nlp``.

    Only models on thinc's CPU backend with BLIS are switched; others (a GPU, another backend)
    are left as they are."""
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        walk = getattr(model, "walk", None)
        if walk is None:
            continue
        for node in walk():
            if isinstance(node.ops, NumpyOps) and node.ops.use_blis:
                node.ops = ops
    return nlp


@cache
def one_blas_thread() -> None:
    """Limit numpy's BLAS to one thread in this process (once): newsgraph's parallelism is one
    process per core, and more threads per product only add CPU time for the text sizes of news."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
