"""Stories: copies of one article (the same page captured twice, a wire story syndicated with
small edits) grouped together, so that their facts are counted once.

Every stored article gets a row in ``article_stories``: its ``story_id`` (the id of the story's
representative, the first article of the group the store received) and ``duplicate_of`` (the
representative, or NULL when the article is one). An article joins an earlier story when

- ``url``: its canonical URL (scheme, ``www.``, query, fragment and a final ``/`` left out) is
  an earlier article's, and the URL has a path (a site's home page names no story);
- ``text``: its normalised words are an earlier article's (at least :data:`MIN_WORDS` of them);
- ``near``: its word 5-shingles are close to an earlier article's: estimated Jaccard similarity at
  least :data:`MIN_JACCARD`, or a truncated copy, one that holds at least :data:`MIN_CONTAINMENT`
  of the shorter text's shingles and is at least :data:`MIN_SIZE_RATIO` as long as the other.

Near copies are found with MinHash signatures (datasketch's ``affine32`` scheme, computed with
numpy: :func:`signature`) and locality-sensitive hashing: each
article's signature is cut into :data:`BANDS` bands and a hash of each band is stored in
``story_bands``; the candidates for a new article are the stored articles sharing a band hash with
it (one SQL join per batch of new articles), and only those are compared. The work per new
article does not grow with the store (no pass over every pair), and the grouping carries over
between runs: :func:`update_stories` handles the articles that have no ``article_stories`` row yet,
whichever runner stored them."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import duckdb
import numpy as np
import pyarrow as pa

from ..errors import StoreError
from ..store.db import Store

#: Words per shingle, MinHash permutations, and the LSH bands they are cut into (rows per band =
#: NUM_PERM / BANDS). 42 bands of 3 rows make an article with Jaccard similarity 0.45 to a stored
#: one a candidate with probability 0.98, 0.55 with 0.999, 0.1 with 0.04, 0.01 with 0.00004.
SHINGLE = 5
NUM_PERM = 126
BANDS = 42
ROWS = NUM_PERM // BANDS
SEED = 1
#: What the stored signatures were made with; a store whose signatures were made otherwise has
#: them all made again.
SCHEME = f"affine32/crc32-words-poly/{SHINGLE}-word/{NUM_PERM}/{BANDS}/{SEED}"
#: Fewest words for a text match or a near copy: shorter texts (headline-only feed items,
#: captions) are too alike by chance.
MIN_WORDS = 25
#: The similarity rules a candidate must pass (tuned on eval/duplicates.py's dev set).
MIN_JACCARD = 0.55
MIN_CONTAINMENT = 0.8
MIN_SIZE_RATIO = 0.3
#: New articles handled per SQL round.
BATCH = 2000

_WORD = re.compile(r"\w+")
#: The combining marks of the Basic Multilingual Plane (accents, Arabic vowel signs, kana voicing
#: marks): what "café" and "cafe" differ by.
_COMBINING = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c))) + "]"
)
_BAND_MIX = np.array([(0x9E3779B97F4A7C15 * (j + 1)) & 0xFFFFFFFFFFFFFFFF for j in range(ROWS)], np.uint64)

STORY_COLUMNS = pa.schema(
    [
        ("article_id", pa.string()),
        ("story_id", pa.string()),
        ("duplicate_of", pa.string()),
        ("reason", pa.string()),
        ("similarity", pa.float64()),
        ("url_key", pa.string()),
        ("text_hash", pa.string()),
        ("n_shingles", pa.int32()),
        ("signature", pa.binary()),
    ]
)
BAND_COLUMNS = pa.schema([("band", pa.int16()), ("hash", pa.int64()), ("article_id", pa.string())])


def words(text: str) -> list[str]:
    """The text's words, case-folded and without accents or punctuation: line wrapping, quote
    marks and dashes do not tell copies apart."""
    folded = text.casefold()
    if not folded.isascii():  # accents dropped: "café" is "cafe"
        folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
    return _WORD.findall(folded)


#: Query parameters that track a reader, not name a page.
_TRACKING = re.compile(r"utm_\w+|fbclid|gclid|mc_[ce]id|ref|ref_src|cmpid|ocid|smid|src|share|output|amp")


def url_key(url: str | None) -> str | None:
    """The canonical form of a URL (host without ``www.``, path without a final ``/``, the query's
    non-empty parameters that are not trackers, sorted), or None for a missing URL or one without
    a path or query."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    path = re.sub(r"/+$", "", parts.path or "")
    for suffix in ("/index.html", "/index.htm", "/amp"):
        path = path.removesuffix(suffix)
    query = sorted(
        p
        for p in parts.query.split("&")
        if "=" in p and p.split("=", 1)[1] and not _TRACKING.fullmatch(p.split("=", 1)[0])
    )
    if not host or (len(path) <= 1 and not query):
        return None
    return f"{host}{path}" + (f"?{'&'.join(query)}" if query else "")


def host(url: str | None) -> str | None:
    """An outlet's name from a URL: its host without ``www.``."""
    if not url:
        return None
    try:
        name = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return name.removeprefix("www.") if name else None


@dataclass(slots=True)
class Sketch:
    """What the grouping knows of one article."""

    article_id: str
    url_key: str | None
    text_hash: str | None
    n_shingles: int
    signature: np.ndarray | None  # NUM_PERM uint32 values; None for a text too short
    _bands: list[int] | None = None

    def bands(self) -> list[int]:
        """The LSH band hashes (signed 64-bit) of the signature; none for a short text."""
        if self._bands is not None:
            return self._bands
        if self.signature is None:
            return []
        rows = self.signature.astype(np.uint64).reshape(BANDS, ROWS)
        with np.errstate(over="ignore"):
            mixed = (rows * _BAND_MIX).sum(axis=1, dtype=np.uint64) + np.arange(BANDS, dtype=np.uint64)
        self._bands = [int(v) for v in mixed.view(np.int64)]
        return self._bands


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``NUM_PERM`` affine permutations ``h -> a * h + b`` (mod 2**32, ``a`` odd) of the
    signatures, drawn from numpy's seeded generator exactly as datasketch's ``MinHash(num_perm,
    seed, scheme="affine32")`` draws them."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def load_minhash() -> None:
    """Make the permutations now (a worker process does it when it starts), not on the first
    article."""
    _permutations()


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a set of 32-bit shingle hashes:
    datasketch's ``affine32`` scheme (each hash mixed once by MurmurHash3's 32-bit finalizer, then
    the smallest image under each permutation), computed here with numpy. The values are
    datasketch's to the bit (tests/resolve/test_stories.py checks it), so stores made either way
    agree; datasketch itself is not imported at run time, since importing it imports scipy, about
    0.45 CPU s in every process that makes signatures, each worker included."""
    a, b = _permutations()
    if not len(hashes):
        return np.full(NUM_PERM, 0xFFFFFFFF, np.uint32)
    hv = hashes.astype(np.uint32)[:, None]
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    hv = hv ^ (hv >> np.uint32(16))
    return np.asarray((hv * a + b).min(axis=0), dtype=np.uint32)


def shingle_hashes(ws: Sequence[str]) -> np.ndarray:
    """The distinct 32-bit hashes of the word ``SHINGLE``-grams of ``ws``: each word's CRC-32,
    combined over the ``SHINGLE`` words of each shingle (a polynomial in 64-bit arithmetic, cut
    to 32 bits). Hashing words once and combining them with numpy costs a fraction of joining
    and hashing every shingle's text."""
    vocab = {w: zlib.crc32(w.encode()) for w in set(ws)}
    per_word = np.array([vocab[w] for w in ws], dtype=np.uint64)
    n = len(ws) - SHINGLE + 1
    if n <= 0:
        return np.zeros(0, np.uint64)
    acc = np.zeros(n, np.uint64)
    with np.errstate(over="ignore"):
        for j in range(SHINGLE):
            acc = acc * np.uint64(1_000_003) + per_word[j : j + n]
    return np.unique(acc & np.uint64(0xFFFFFFFF))


def sketch(article_id: str, text: str, url: str | None = None) -> Sketch:
    """The URL key, text hash and MinHash signature of one article."""
    ws = words(text)
    if len(ws) < MIN_WORDS:
        return Sketch(article_id, url_key(url), None, 0, None)
    joined = " ".join(ws)
    shingles = shingle_hashes(ws)
    return Sketch(
        article_id,
        url_key(url),
        hashlib.sha256(joined.encode()).hexdigest()[:16],
        len(shingles),
        signature(shingles),
    )


def similarity(a: Sketch, b: Sketch) -> tuple[float, float]:
    """(estimated Jaccard similarity, estimated share of the smaller shingle set in the other)."""
    if a.signature is None or b.signature is None:
        return 0.0, 0.0
    jaccard = float(np.mean(a.signature == b.signature))
    common = jaccard * (a.n_shingles + b.n_shingles) / (1 + jaccard)
    return jaccard, min(1.0, common / max(1, min(a.n_shingles, b.n_shingles)))


def is_copy(a: Sketch, b: Sketch) -> tuple[bool, float]:
    """Whether ``a`` and ``b`` are near copies by the module's rules, and their Jaccard similarity."""
    jaccard, contained = similarity(a, b)
    small, large = sorted((a.n_shingles, b.n_shingles))
    if jaccard >= MIN_JACCARD:
        return True, jaccard
    return contained >= MIN_CONTAINMENT and small >= MIN_SIZE_RATIO * large, jaccard


@dataclass(slots=True)
class Link:
    """One article's place in its story."""

    article_id: str
    story_id: str
    duplicate_of: str | None
    reason: str | None
    similarity: float | None


class StoryIndex:
    """Sketches by URL key, text hash and band hash: the lookup of one run (the articles it
    added), beside the stored ones that :func:`update_stories` reads by SQL."""

    def __init__(self) -> None:
        self.by_url: dict[str, str] = {}
        self.by_text: dict[str, str] = {}
        self.by_band: dict[tuple[int, int], list[str]] = defaultdict(list)
        self.sketches: dict[str, Sketch] = {}
        self.story: dict[str, str] = {}

    def add(self, s: Sketch, story_id: str) -> None:
        self.sketches[s.article_id] = s
        self.story[s.article_id] = story_id
        if s.url_key:
            self.by_url.setdefault(s.url_key, s.article_id)
        if s.text_hash:
            self.by_text.setdefault(s.text_hash, s.article_id)
        for band, h in enumerate(s.bands()):
            self.by_band[(band, h)].append(s.article_id)

    def candidates(self, s: Sketch) -> set[str]:
        found: set[str] = set()
        for band, h in enumerate(s.bands()):
            found.update(self.by_band.get((band, h), ()))
        return found


def match(s: Sketch, index: StoryIndex, earlier: Sequence[str] = ()) -> tuple[str, str, float | None] | None:
    """The earlier article ``s`` copies, with the rule and the similarity, or None. ``earlier``
    are more candidates (articles found by SQL) whose sketches ``index`` holds."""
    if s.url_key and s.url_key in index.by_url:
        other = index.by_url[s.url_key]
        return other, "url", similarity(s, index.sketches[other])[0] if s.signature is not None else None
    if s.text_hash and s.text_hash in index.by_text:
        return index.by_text[s.text_hash], "text", 1.0
    best: tuple[float, str] | None = None
    for other in sorted(index.candidates(s)):
        copy, jaccard = is_copy(s, index.sketches[other])
        if copy and (best is None or jaccard > best[0]):
            best = (jaccard, other)
    return (best[1], "near", best[0]) if best else None


def group(sketches: Sequence[Sketch], index: StoryIndex | None = None) -> list[Link]:
    """Each sketch, in order, linked to the story of the first earlier article it copies (in
    ``index`` or earlier in ``sketches``), or made the representative of a new story."""
    index = index or StoryIndex()
    links = []
    for s in sketches:
        found = match(s, index)
        if found is None:
            links.append(Link(s.article_id, s.article_id, None, None, None))
        else:
            story = index.story[found[0]]
            links.append(Link(s.article_id, story, story, found[1], found[2]))
        index.add(s, links[-1].story_id)
    return links


# -- the store ---------------------------------------------------------------------------------


def has_stories(store: Store) -> bool:
    """Whether the store has the ``article_stories`` table (one written before it may not)."""
    return "article_stories" in store.tables()


def copies_filter(store: Store, column: str, include_copies: bool = False) -> str:
    """An SQL condition on the article id ``column`` that leaves out duplicate articles (copies
    of a story's representative); ``TRUE`` with ``include_copies`` or in a store without stories."""
    if include_copies or not has_stories(store):
        return "TRUE"
    return f"{column} NOT IN (SELECT article_id FROM article_stories WHERE duplicate_of IS NOT NULL)"


def _check_scheme(store: Store) -> None:
    row = store.con.execute("SELECT value FROM meta WHERE key = 'stories_scheme'").fetchone()
    if row and row[0] == SCHEME:
        return
    if row:  # signatures made otherwise cannot be compared with new ones: make them all again
        for table in (
            "article_stories",
            "story_bands",  # and the clusters, whose counts depend on which articles are copies
            "event_clusters",
            "event_cluster_members",
            "quote_clusters",
            "quote_cluster_members",
        ):
            store.con.execute(f"DELETE FROM {table}")
    store.con.execute("INSERT OR REPLACE INTO meta VALUES ('stories_scheme', ?)", [SCHEME])


def _pending(store: Store) -> Iterator[list[tuple[str, str | None, str]]]:
    """(id, url, text) of the articles without a story row, in store order, in batches."""
    ids = [
        r[0]
        for r in store.con.execute(
            "SELECT a.id FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM article_stories s WHERE s.article_id = a.id) "
            "ORDER BY a.run_id, a.rowid"
        ).fetchall()
    ]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = store.con.execute(
            "SELECT id, url, text FROM articles WHERE id IN (SELECT unnest(?))", [chunk]
        ).fetchall()
        by_id = {r[0]: (r[0], r[1], r[2]) for r in rows}
        yield [by_id[i] for i in chunk]


def _stored(store: Store, new: list[Sketch], index: StoryIndex) -> None:
    """Load into ``index`` the stored articles that share a URL key, a text hash or a band hash
    with a new sketch (with their band hashes, so that the index finds them as candidates)."""
    rows = [(s.article_id, band, h) for s in new for band, h in enumerate(s.bands())]
    bands = pa.table(
        {
            "article_id": [r[0] for r in rows],
            "band": pa.array([r[1] for r in rows], pa.int16()),
            "hash": pa.array([r[2] for r in rows], pa.int64()),
        }
    )
    keys = pa.table(
        {
            "url_key": [s.url_key for s in new],
            "text_hash": [s.text_hash for s in new],
        }
    )
    con = store.con
    con.register("_new_bands", bands)
    con.register("_new_keys", keys)
    try:
        pairs = con.execute(
            "SELECT DISTINCT n.article_id, b.article_id FROM _new_bands n "
            "JOIN story_bands b ON b.band = n.band AND b.hash = n.hash"
        ).fetchall()
        wanted = {old for _, old in pairs}
        for (old,) in con.execute(
            "SELECT s.article_id FROM article_stories s WHERE s.url_key IN (SELECT url_key FROM _new_keys) "
            "OR s.text_hash IN (SELECT text_hash FROM _new_keys)"
        ).fetchall():
            wanted.add(old)
        wanted -= set(index.sketches)
        if wanted:
            for aid, story, ukey, thash, n, sig in con.execute(
                "SELECT article_id, story_id, url_key, text_hash, n_shingles, signature FROM article_stories "
                "WHERE article_id IN (SELECT unnest(?)) ORDER BY rowid",
                [sorted(wanted)],
            ).fetchall():
                signature = np.frombuffer(sig, dtype=np.uint32) if sig is not None else None
                index.add(Sketch(aid, ukey, thash, n or 0, signature), story)
    finally:
        con.unregister("_new_bands")
        con.unregister("_new_keys")


def update_stories(store: Store, sketches: Sequence[Sketch] | None = None) -> int:
    """Give every article without one its story row (and its band hashes): a copy joins the
    story of the first stored article it copies. Returns the number of copies found.

    With ``sketches`` (made by :func:`sketch` where the texts were, in the order the articles
    were stored), only those articles are linked, and no text is read again: the runners link
    each batch they write this way, which gives the same stories as linking them all at the end."""
    _check_scheme(store)
    if sketches is not None:
        return _link(store, _unlinked(store, sketches))
    copies = 0
    for batch in _pending(store):
        copies += _link(store, [sketch(aid, text or "", url) for aid, url, text in batch])
    return copies


def _link(store: Store, sketches: list[Sketch]) -> int:
    if not sketches:
        return 0
    index = StoryIndex()
    _stored(store, sketches, index)
    links = group(sketches, index)
    _write(store, sketches, links)
    return sum(1 for link in links if link.duplicate_of)


def _unlinked(store: Store, sketches: Sequence[Sketch]) -> list[Sketch]:
    """``sketches`` of stored articles that have no story row yet, in order."""
    ids = [s.article_id for s in sketches]
    if not ids:
        return []
    rows = store.con.execute(
        "SELECT a.id FROM articles a WHERE a.id IN (SELECT unnest(?)) "
        "AND NOT EXISTS (SELECT 1 FROM article_stories s WHERE s.article_id = a.id)",
        [ids],
    ).fetchall()
    wanted = {r[0] for r in rows}
    return [s for s in sketches if s.article_id in wanted]


def _write(store: Store, sketches: list[Sketch], links: list[Link]) -> None:
    stories = pa.Table.from_pylist(
        [
            {
                "article_id": s.article_id,
                "story_id": link.story_id,
                "duplicate_of": link.duplicate_of,
                "reason": link.reason,
                "similarity": link.similarity,
                "url_key": s.url_key,
                "text_hash": s.text_hash,
                "n_shingles": s.n_shingles,
                "signature": s.signature.tobytes() if s.signature is not None else None,
            }
            for s, link in zip(sketches, links, strict=True)
        ],
        schema=STORY_COLUMNS,
    )
    bands = pa.Table.from_pylist(
        [
            {"band": b, "hash": h, "article_id": s.article_id}
            for s in sketches
            for b, h in enumerate(s.bands())
        ],
        schema=BAND_COLUMNS,
    )
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        for name, table in (("article_stories", stories), ("story_bands", bands)):
            con.register("_batch", table)
            verb = "INSERT OR IGNORE INTO" if name == "article_stories" else "INSERT INTO"
            con.execute(f"{verb} {name} BY NAME SELECT * FROM _batch")
            con.unregister("_batch")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"writing stories to {store.path} failed: {exc}") from exc
