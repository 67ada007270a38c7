"""newsgraph.allocator: a batch's largest arrays mapped and given back when freed, the others from
the heap, in a plain process and in one started the way Dask's nanny starts its workers."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
import ctypes
class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd",
        "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype = ctypes.c_void_p
def mapped_after_malloc(size):
    before = libc.mallinfo2().hblks
    block = libc.malloc(size)
    after = libc.mallinfo2().hblks
    libc.free(ctypes.c_void_p(block))
    return after - before
# glibc's moving threshold: a large block freed raises it past that size
libc.free(ctypes.c_void_p(libc.malloc(24 << 20)))
print(mapped_after_malloc(1 << 20), mapped_after_malloc(16 << 20))
from newsgraph.allocator import map_largest_arrays
print(map_largest_arrays())
print(mapped_after_malloc(1 << 20), mapped_after_malloc(16 << 20))
"""


def _run(env: dict[str, str]) -> list[str]:
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").mallinfo2  # noqa: B018
    except (OSError, AttributeError):
        pytest.skip("not glibc 2.33 or later")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False, env=env
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_a_batchs_largest_arrays_are_mapped_and_the_others_come_from_the_heap() -> None:
    # before: glibc's moving threshold, raised by the 24 MiB block, serves both from the heap
    assert _run({"PATH": "/usr/bin:/bin"}) == ["0", "0", "True", "0", "1"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_a_dask_worker_serves_a_layers_array_from_its_heap_again() -> None:
    # Dask's nanny fixes the trim threshold, which fixes the mmap threshold at 128 KiB: every
    # array of a layer was mapped on its own before
    assert _run({"MALLOC_TRIM_THRESHOLD_": "65536", "PATH": "/usr/bin:/bin"}) == ["1", "1", "True", "0", "1"]
