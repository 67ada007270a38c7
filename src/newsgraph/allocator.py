"""How the C allocator serves the model's arrays.

glibc's ``malloc`` serves a request of ``M_MMAP_THRESHOLD`` bytes or more with a fresh ``mmap``
and gives it back to the system on ``free``. The threshold starts at 128 KiB and rises as large
blocks are freed (up to 32 MiB), so a process that keeps allocating arrays of a few hundred KiB,
as spaCy's layers do for every batch, soon serves them from the heap. Setting any of malloc's
thresholds fixes it instead, and Dask's nanny does, for every worker it starts
(``MALLOC_TRIM_THRESHOLD_=65536`` in ``distributed.nanny.pre-spawn-environ``): each such array is
then mapped, zero-filled page by page and unmapped again. Measured on 120 bench articles, the
same work took 20% more CPU time in a process started that way (8.0-8.4 s against 6.7-7.0 s).

:func:`keep_arrays_on_heap`, in a process whose environment fixed one of those thresholds, sets
the mmap threshold where glibc's own rule would have brought it (32 MiB), so that a Dask worker
serves those arrays from its heap again (measured: 6.7-6.8 s again). A process started without
such a setting keeps glibc's own rule, which gets there by itself (setting it there too made the
one-process peak memory of ``bench/ingest.py`` a little higher and the CPU time no lower beyond
noise). Elsewhere (another C library, another system) it does nothing."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
from functools import cache

log = logging.getLogger(__name__)

#: glibc's ``mallopt`` parameter for the mmap threshold, and the value set: glibc's own maximum
#: for a dynamically raised threshold on 64-bit systems.
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024


#: glibc's environment settings, any of which turns its moving mmap threshold off.
FIXING_VARIABLES = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")


@cache
def keep_arrays_on_heap() -> bool:
    """Set glibc's mmap threshold to :data:`MMAP_THRESHOLD` in this process (once) when its
    environment turned the moving threshold off (:data:`FIXING_VARIABLES`, as Dask's nanny does
    with the first); whether it was set."""
    if not sys.platform.startswith("linux") or not any(os.environ.get(v) for v in FIXING_VARIABLES):
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
