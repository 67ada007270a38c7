"""Near-duplicate articles grouped into stories (resolve/stories.py)."""

from __future__ import annotations

import pytest

from newsgraph.resolve import stories
from newsgraph.resolve.stories import group, sketch, update_stories, url_key, words
from newsgraph.store.db import Store
from storytexts import OTHER, STORY, article


def test_url_key_drops_trackers_and_keeps_page_ids() -> None:
    assert url_key("https://www.site.com/a/b/?utm_source=x&fbclid=1#top") == "site.com/a/b"
    assert url_key("http://site.com/a/b/index.html") == "site.com/a/b"
    assert url_key("https://site.com/view?idx=2&page=") != url_key("https://site.com/view?idx=3")
    assert url_key("https://site.com/") is None  # a home page names no story
    assert url_key(None) is None


def test_words_ignore_wrapping_case_and_accents() -> None:
    assert words("Café   said:\n“Yes” —\nno") == words("cafe said yes no")


def test_one_word_changed_is_a_copy_and_another_story_is_not() -> None:
    recapture = STORY.replace("Thursday", "Wednesday")
    syndicated = "By Wire Staff\n\nCAPITAL (AP) — " + STORY.replace("told reporters", "said") + "\n\n© AP"
    truncated = STORY[: int(len(STORY) * 0.7)]
    sketches = [
        sketch(n, t)
        for n, t in (("a", STORY), ("b", OTHER), ("c", recapture), ("d", syndicated), ("e", truncated))
    ]
    links = {link.article_id: link for link in group(sketches)}
    assert links["a"].duplicate_of is None and links["b"].duplicate_of is None
    assert links["b"].story_id == "b"
    for copy in "cde":
        assert links[copy].story_id == "a", copy
        assert links[copy].reason == "near"


def test_same_url_and_same_text_are_copies() -> None:
    sketches = [
        sketch("a", STORY, "https://news.example.com/2025/rates?utm_medium=rss"),
        sketch("b", OTHER, "https://www.news.example.com/2025/rates/"),
        sketch("c", STORY.upper().replace(". ", ".\n")),
    ]
    links = group(sketches)
    assert [(x.story_id, x.reason) for x in links] == [("a", None), ("a", "url"), ("a", "text")]


def test_short_texts_are_not_grouped_by_text() -> None:
    links = group([sketch("a", "Rates rise again"), sketch("b", "Rates rise again")])
    assert [x.duplicate_of for x in links] == [None, None]


def test_update_stories_links_across_runs_and_only_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write(articles=[article("a", STORY), article("b", OTHER)], run_id=store.start_run("one"))
        assert update_stories(store) == 0
    with Store(db) as store:  # a later run: the stored signatures find the copy
        copy = STORY.replace("half a percentage point", "50 basis points")
        store.write(articles=[article("c", copy, title="other title")], run_id=store.start_run("two"))
        assert update_stories(store) == 1
        assert update_stories(store) == 0  # nothing left to link
        rows = store.con.execute(
            "SELECT article_id, story_id, duplicate_of, reason FROM article_stories ORDER BY article_id"
        ).fetchall()
        assert rows == [("a", "a", None, None), ("b", "b", None, None), ("c", "a", "a", "near")]
        bands = store.con.execute("SELECT count(*), count(DISTINCT article_id) FROM story_bands").fetchone()
        assert bands == (3 * stories.BANDS, 3)


def test_candidates_come_from_shared_bands_only(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The comparison runs on the stored articles that share a band hash, not on every article."""
    compared: list[tuple[str, str]] = []
    real = stories.is_copy

    def spy(a: stories.Sketch, b: stories.Sketch) -> tuple[bool, float]:
        compared.append((a.article_id, b.article_id))
        return real(a, b)

    monkeypatch.setattr(stories, "is_copy", spy)
    with Store(tmp_path / "s.duckdb") as store:
        unrelated = [
            article(f"u{n}", f"{OTHER} Item {n} " + " ".join(f"w{n}x{k}" for k in range(200)))
            for n in range(30)
        ]
        store.write(articles=[article("a", STORY), *unrelated], run_id=store.start_run("one"))
        update_stories(store)
        compared.clear()
        store.write(
            articles=[article("c", STORY.replace("Thursday", "Friday"))], run_id=store.start_run("two")
        )
        assert update_stories(store) == 1
    assert ("c", "a") in compared
    assert len(compared) < 5


def test_a_changed_scheme_makes_the_signatures_again(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "s.duckdb") as store:
        store.write(
            articles=[article("a", STORY), article("c", STORY + " More.")], run_id=store.start_run("one")
        )
        update_stories(store)
        monkeypatch.setattr(stories, "SCHEME", stories.SCHEME + "-new")
        assert update_stories(store) == 1  # every article linked again under the new scheme
        row = store.con.execute("SELECT value FROM meta WHERE key = 'stories_scheme'").fetchone()
        assert row == (stories.SCHEME,)


def test_signatures_are_datasketchs_affine32_to_the_bit() -> None:
    """The numpy signature equals datasketch's MinHash (the library it reimplements for speed), so
    stores made before and after agree."""
    import numpy as np
    from datasketch import MinHash

    rng = np.random.default_rng(7)
    texts = [STORY, OTHER, " ".join(f"w{i}" for i in range(400))]
    hash_sets = [stories.shingle_hashes(words(t)) for t in texts]
    hash_sets += [np.unique(rng.integers(0, 1 << 32, n, dtype=np.uint64)) for n in (1, 30, 2000)]
    hash_sets.append(np.array([0, 0xFFFFFFFF], dtype=np.uint64))  # both ends of the range
    for hashes in hash_sets:
        expected = MinHash(num_perm=stories.NUM_PERM, seed=stories.SEED, scheme="affine32", hashfunc=int)
        expected.update_batch(hashes.tolist())
        got = stories.signature(hashes)
        assert got.dtype == np.uint32 and got.shape == (stories.NUM_PERM,)
        assert np.array_equal(got, expected.hashvalues.astype(np.uint32))
    assert np.all(stories.signature(np.zeros(0, np.uint64)) == 0xFFFFFFFF)
