"""The JSON contract of ``extract`` (docs/schema.md) does not move when the code behind it does:
the output on the bundled sample corpus is compared, line by line, with the output recorded when
the contract was last changed on purpose.

After an intended change of what the extractors find, rewrite the record with
``NEWSGRAPH_UPDATE_CONTRACT=1 .venv/bin/python -m pytest tests/runner/test_contract.py`` and say
why in the commit."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newsgraph.runner.local import extract
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "corpus"
RECORD = ROOT / "tests" / "fixtures" / "sample_extract.jsonl.gz"


@pytest.mark.model
def test_extract_output_on_the_sample_corpus_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # sources are recorded as given: examples/corpus/...
    items = extract([SAMPLE.relative_to(ROOT)], Settings.load())
    lines = [json.dumps(item.as_dict(), ensure_ascii=False) for item in items]
    if os.environ.get("NEWSGRAPH_UPDATE_CONTRACT"):
        RECORD.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0))
    recorded = gzip.decompress(RECORD.read_bytes()).decode().splitlines()
    assert len(lines) == len(recorded) >= 15
    for mine, theirs in zip(lines, recorded, strict=True):
        a, b = json.loads(mine), json.loads(theirs)
        assert a.keys() == b.keys()
        for key in a:
            assert a[key] == b[key], f"{a['source']}: {key} differs"
