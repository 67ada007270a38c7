"""Where newsgraph keeps files it derives from what is installed, so that later processes skip
the work: the built gazetteer (:mod:`newsgraph.resolve.gazetteer`) and the language detector's
model unpacked (:mod:`newsgraph.clean.language`).

Nothing here is fetched over the network: every cached file is made from installed packages and
newsgraph's own tables, named by a hash of what it was made from, and rebuilt when that changes.
A cache that cannot be written only costs the time of making the file again."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

#: Values of ``NEWSGRAPH_CACHE_DIR`` that turn caching off.
OFF = frozenset({"off", "none", "0"})


def cache_dir(explicit: Path | None = None) -> Path | None:
    """``explicit`` if given, else ``$NEWSGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsgraph``
    (``~/.cache/newsgraph``); None when ``NEWSGRAPH_CACHE_DIR`` turns caching off."""
    if explicit is not None:
        return explicit
    env = os.environ.get("NEWSGRAPH_CACHE_DIR", "")
    if env.lower() in OFF:
        return None
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "newsgraph"


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so that a process
    reading ``path`` at the same time sees the whole file or none; False (and a log line) when the
    folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}-", delete=False) as fh:
            fh.write(data)
        os.replace(fh.name, path)
    except OSError as exc:
        log.info("cache file not written to %s (%s)", path, exc)
        return False
    return True
