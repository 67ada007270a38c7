"""newsgraph.allocator: large blocks served from the heap, even in a process started the way Dask's
nanny starts its workers."""

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
def mapped_after_malloc():
    before = libc.mallinfo2().hblks
    block = libc.malloc(1 << 20)  # 1 MiB, the size of a layer's array for a batch
    after = libc.mallinfo2().hblks
    libc.free(ctypes.c_void_p(block))
    return after - before
print(mapped_after_malloc())
from newsgraph.allocator import keep_arrays_on_heap
print(keep_arrays_on_heap())
print(mapped_after_malloc())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_a_large_block_comes_from_the_heap_once_set_even_with_dasks_trim_threshold() -> None:
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").mallinfo2  # noqa: B018
    except (OSError, AttributeError):
        pytest.skip("not glibc 2.33 or later")
    env = {"MALLOC_TRIM_THRESHOLD_": "65536", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False, env=env
    )
    assert proc.returncode == 0, proc.stderr
    # mapped on its own before (the threshold fixed at 128 KiB), from the heap after
    assert proc.stdout.split() == ["1", "True", "0"]


def test_a_process_started_without_such_a_setting_keeps_glibcs_own_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsgraph import allocator

    for name in allocator.FIXING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    allocator.keep_arrays_on_heap.cache_clear()
    try:
        assert allocator.keep_arrays_on_heap() is False
    finally:
        allocator.keep_arrays_on_heap.cache_clear()
