"""How the C allocator serves the model's arrays.

glibc's ``malloc`` serves a request of ``M_MMAP_THRESHOLD`` bytes or more with a fresh ``mmap``
and gives it back to the system on ``free``; smaller ones come from the heap, which gives memory
back only from its top. The threshold starts at 128 KiB and rises as large blocks are freed (up to
32 MiB), so a process that keeps allocating arrays of a few hundred KiB to tens of MiB, as spaCy's
layers do for every batch, soon serves them all from its heap. There they land between the
objects that outlive the batch (article texts and fact rows waiting for their transaction), the
heap's top can no longer come down, and the peak of a run was the highest of more such draws
the longer it ran: ``bench/ingest.py``'s peak RSS at 1,000 articles over that at 300 was
1.04-1.10.

:func:`map_largest_arrays` fixes the threshold at :data:`MMAP_THRESHOLD` (8 MiB) in every process
that loads the pipeline: a batch's largest arrays are mapped and given back when freed, the rest
stay on the heap. Measured with the bench corpus in one process: peak at 1,000 articles 730-744 MB
against 764-795, at 300 693-711 against 721-723; CPU time 2-4% higher (the mapped pages are
zero-filled again for every batch). Setting any of malloc's thresholds in the environment turns
the moving threshold off too, and Dask's nanny does, for every worker it starts
(``MALLOC_TRIM_THRESHOLD_=65536`` in ``distributed.nanny.pre-spawn-environ``), leaving it at
128 KiB: every array of a layer was then mapped and zero-filled, and the same work took 20% more
CPU time (8.0-8.4 s against 6.7-7.0 s on 120 bench articles); with the threshold set here it does
not. Elsewhere (another C library, another system) it does nothing."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from functools import cache

log = logging.getLogger(__name__)

#: glibc's ``mallopt`` parameter for the mmap threshold, and the value set.
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 8 * 1024 * 1024


@cache
def map_largest_arrays() -> bool:
    """Set glibc's mmap threshold to :data:`MMAP_THRESHOLD` in this process (once); whether it
    was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # no glibc (musl has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    if not done:
        log.debug("mallopt(M_MMAP_THRESHOLD) refused")
    return done
