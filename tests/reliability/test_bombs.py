"""Decompression bombs: a 1 GiB payload in a file of about a megabyte, in every compressed form the
readers take. Each is refused with NG104 (per file, or per record: the records after a bomb are
still read), and the peak memory of the process that reads them all stays far below 1.5 GB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hostile import bomb, html_bytes, warc_record

GIB = 2**30
#: The target of issue 17: peak RSS below 1.5 GB while reading a 1 GiB bomb.
MAX_RSS = 1.5e9

GOOD = {
    "title": "Harbour Talks Resume",
    "maintext": "Delegates met in Oslo on Monday to discuss the harbour.",
}

READ_ALL = """
import json, resource, sys
from newsgraph.runner.local import iter_documents
from newsgraph.settings import Settings
out = {}
for path in sys.argv[1:]:
    items = list(iter_documents([path], Settings.load()))
    out[path] = [
        [getattr(i, "code", None), getattr(i, "title", None), getattr(i, "message", "")] for i in items
    ]
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child forked from a big pytest
# process would report the parent's size
status = open("/proc/self/status").read() if sys.platform == "linux" else ""
hwm = [line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")]
out["rss"] = int(hwm[0]) * 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(out))
"""


def make_bombs(folder: Path) -> dict[str, Path]:
    page = html_bytes("Harbour Talks Resume", "Delegates met in Oslo on Monday to discuss the harbour.")
    files = {
        "txt": ("bomb.txt.gz", bomb(GIB)),
        "html": ("bomb.html.gz", bomb(GIB, prefix=b"<html><body><p>")),
        "rss": ("bomb.rss.gz", bomb(GIB, prefix=b'<rss version="2.0"><channel><item><description>')),
        # one 1 GiB JSON line between two good records: refused alone, the others read
        "jsonl": (
            "bomb.jsonl.gz",
            bomb(
                GIB,
                prefix=json.dumps(GOOD).encode() + b'\n{"maintext": "',
                suffix=b'"}\n' + json.dumps({**GOOD, "title": "Second Record After Bomb"}).encode() + b"\n",
            ),
        ),
        "json": ("bomb.json.gz", bomb(GIB, prefix=b'[{"maintext": "')),
        # an HTTP response whose Content-Encoding inflates a small payload to 1 GiB, beside a good page
        "warc": (
            "bomb.warc",
            warc_record("http://bomb.example/a", bomb(GIB, prefix=b"<html><body><p>"), extra="").replace(
                b"Content-Type: text/html", b"Content-Encoding: gzip\r\nContent-Type: text/html", 1
            )
            + warc_record("http://bomb.example/b", page),
        ),
    }
    out = {}
    for key, (name, data) in files.items():
        path = folder / name
        path.write_bytes(data)
        out[key] = path
    return out


def test_bombs_are_refused_within_bounded_memory(tmp_path: Path) -> None:
    paths = make_bombs(tmp_path)
    assert all(p.stat().st_size < 3 * 2**20 for p in paths.values())  # each is small on disk
    done = subprocess.run(
        [sys.executable, "-c", READ_ALL, *map(str, paths.values())],
        capture_output=True,
        check=True,
        timeout=300,
    )
    result = json.loads(done.stdout)
    rss = result.pop("rss")
    print(f"peak RSS reading {len(paths)} bombs of 1 GiB each: {rss / 2**20:.0f} MiB")
    assert rss < MAX_RSS
    assert rss < 768 * 2**20  # far below: a reader that inflated one bomb whole would pass 1 GiB
    for key, path in paths.items():
        items = result[str(path)]
        codes = [code for code, _, _ in items if code]
        assert codes == ["NG104"], (key, items)
        assert all("\n" not in message for _, _, message in items)
    titles = [title for _, title, _ in result[str(paths["jsonl"])] if title]
    assert titles == ["Harbour Talks Resume", "Second Record After Bomb"]  # the records around the bomb
    assert [title for _, title, _ in result[str(paths["warc"])] if title] == ["Harbour Talks Resume"]
