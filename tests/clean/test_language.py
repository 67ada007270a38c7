"""Language identification (no spaCy model needed)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.clean.language import (
    SAMPLE_CHARS,
    UNDETERMINED,
    article_language,
    detect_language,
    is_supported,
    sample,
)

ZULU = (
    "Umongameli wezwe uthe uhulumeni uzoqhubeka nokusiza abantu abahluphekayo ezindaweni zasemakhaya. "
    "Abafundi abaningi basezikoleni zaseThekwini bathole imiphumela emihle kulo nyaka."
)
GERMAN = "Die Finanzministerin ist am Dienstag nach einem Streit über den Haushalt zurückgetreten."
FRENCH = "Le ministre des Finances a démissionné mardi après une dispute sur le budget, selon Paris."
ENGLISH = "The finance minister resigned on Tuesday after a row over the budget, officials said."


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr"), (ZULU, "zu")])
def test_sentences_in_four_languages(text: str, code: str) -> None:
    guess = detect_language(text)
    assert guess.language == code
    assert 0.9 <= guess.score <= 1.0


@pytest.mark.parametrize("text", ["", "12 May 2024", "Trump Wins", "— 2024 —"])
def test_too_few_letters_is_undetermined(text: str) -> None:
    assert detect_language(text) == detect_language(text, min_score=0.9)
    assert detect_language(text).language == UNDETERMINED
    assert detect_language(text).score == 0.0


def test_a_low_score_is_undetermined_only_below_the_threshold() -> None:
    text = "Biden signs climate bill into law."  # a short headline: en, but not sure of it
    loose = detect_language(text)
    assert loose.language == "en" and loose.score < 0.9
    strict = detect_language(text, min_score=0.9)
    assert strict.language == UNDETERMINED and strict.score == loose.score


def test_an_isizulu_article_of_an_english_outlet_is_judged_on_its_own_text() -> None:
    # an English title ("Mandela Day: ...") does not make the article English
    guess = article_language("Mandela Day", f"{ZULU}\n\n{ZULU}")
    assert guess.language == "zu"


def test_only_the_start_of_a_long_article_is_read() -> None:
    long_text = ENGLISH + " " + GERMAN * 400
    assert len(sample("Title", long_text)) == SAMPLE_CHARS
    assert article_language(None, ENGLISH * 40 + GERMAN * 400).language == "en"


def test_supported_languages() -> None:
    assert is_supported("en", ("en",))
    assert is_supported(UNDETERMINED, ("en",))  # undetermined: processed
    assert is_supported(None, ("en",))
    assert not is_supported("de", ("en",))
    assert is_supported("de", ("en", "de"))


def test_the_model_loads_without_writing_a_file(tmp_path: Path) -> None:
    """py3langid's own loader unpacks its model into a temporary file: on a full disk (here a file
    size limit of 0) that crashed every ingest before a coded error could be given."""
    script = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))\n"
        "from newsgraph.clean.language import detect_language\n"
        "print(detect_language('Der Minister sagte, die Gespräche würden in Genf fortgesetzt.').language)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "de"


def test_unpacked_model_is_cached_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.clean import language

    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    language._identifier.cache_clear()
    try:
        first = language._identifier()
        (cached,) = tmp_path.glob("langid-*.npz")
        assert cached.stat().st_size > 10 * language._packed_model().stat().st_size  # unpacked

        def no_unpacking(data: bytes) -> bytes:
            raise AssertionError("the cached model should have been read")

        monkeypatch.setattr(language.lzma, "decompress", no_unpacking)
        language._identifier.cache_clear()
        again = language._identifier()
        text = "The minister said the talks would resume next week in Geneva."
        assert again.classify(text) == first.classify(text)
        # the weights are mapped from the cached file (read-only, shared), not copied in
        assert not again.nb_ptc.flags.writeable and not again.nb_ptc.flags.owndata
    finally:
        language._identifier.cache_clear()


def test_broken_or_absent_model_cache_still_detects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.clean import language

    language._identifier.cache_clear()
    try:
        monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
        path = language._cached_model_path()
        assert path is not None
        path.write_bytes(b"not a numpy archive")
        assert detect_language("Die Regierung hat am Montag neue Gesetze beschlossen.").language == "de"
        assert path.stat().st_size > 1_000_000  # unpacked again and written over the broken file

        language._identifier.cache_clear()
        monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", "off")
        assert language._cached_model_path() is None
        assert detect_language("Le gouvernement a annoncé lundi de nouvelles mesures.").language == "fr"
    finally:
        language._identifier.cache_clear()


def test_model_cache_written_compressed_is_read_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lzma

    import numpy as np

    from newsgraph.clean import language

    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    language._identifier.cache_clear()
    try:
        path = language._cached_model_path()
        assert path is not None
        raw = lzma.decompress(language._packed_model().read_bytes())
        with np.load(io.BytesIO(raw)) as data:
            arrays = {name: data[name] for name in data.files}
        with path.open("wb") as fh:  # members deflated: they cannot be mapped, only read
            np.savez_compressed(fh, **arrays)
        mapped = language._mapped_arrays(path)
        assert not isinstance(mapped["ptc"], np.memmap) and mapped["ptc"].shape[0] > 1000
        assert detect_language("Die Regierung hat am Montag neue Gesetze beschlossen.").language == "de"
    finally:
        language._identifier.cache_clear()
