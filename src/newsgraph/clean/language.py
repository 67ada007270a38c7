"""Which language an article is written in, judged per article before any NLP.

The detector is py3langid (a Naive Bayes model over byte n-grams, 97 languages, the model inside
the wheel: nothing is downloaded). ``eval/language.py`` measures it against lingua, langdetect and
fastText's compressed model (docs/cleaning.md has the figures and why this one).

Only the first :data:`SAMPLE_CHARS` characters of the title and text are read: accuracy on
article-length texts is the same as on whole texts, and the cost stays flat however long the
article is. A text too short to judge, or a guess below ``Settings.language_min_score``, is
:data:`UNDETERMINED` (``"und"``, ISO 639-2's code for it): the pipeline treats it as supported, since a
headline-only feed item is far more often in the feed's usual language than not."""

from __future__ import annotations

import hashlib
import io
import logging
import lzma
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import caching

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from py3langid.langid import LanguageIdentifier

#: ISO 639-2 code for "undetermined".
UNDETERMINED = "und"
#: Characters of title + text the detector reads.
SAMPLE_CHARS = 1500
#: Fewer letters than this and no guess is made (a date, a number, a name).
MIN_LETTERS = 12
#: Codes the model gives that name a macrolanguage's member or an old code: the form stored.
_ALIASES = {"nb": "no", "iw": "he", "in": "id", "jw": "jv"}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """An ISO 639-1 code (or ``"und"``) and the detector's confidence in [0, 1]."""

    language: str
    score: float


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model: mapped from newsgraph's cached copy of it unpacked, else unpacked in
    memory (py3langid's own loader unpacks it into a temporary file first, which fails on a full
    disk)."""
    path = _cached_model_path()
    if path is not None:
        try:
            return _identifier_from(_mapped_arrays(path))
        except FileNotFoundError:
            pass
        except Exception as exc:  # a truncated or foreign file: unpack again and overwrite it
            log.warning("language model cache %s unreadable (%s); unpacking the model again", path, exc)
    raw = lzma.decompress(_packed_model().read_bytes())
    if path is not None:
        caching.write_atomically(path, raw)
    return _from_npz(raw)


def _from_npz(raw: bytes) -> LanguageIdentifier:
    import numpy as np

    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        return _identifier_from({name: data[name] for name in _ARRAYS})


#: The arrays of py3langid's model file.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "out_feat", "nextmove_row")


def _identifier_from(arrays: Mapping[str, NDArray[Any]]) -> LanguageIdentifier:
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    return LanguageIdentifier(
        np.asarray(arrays["ptc"]),
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _to_array(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=_to_array(arrays["nextmove_row"]),
    )


def _mapped_arrays(path: Path) -> dict[str, NDArray[Any]]:
    """The arrays of the unpacked model file at ``path`` (a zip of ``.npy`` files, stored
    uncompressed), mapped from the file rather than read: the 28 MB table of feature weights is
    paged in as the detector touches it, from the page cache that every process on the machine
    shares, instead of copied into each (reading the whole 68 MB file cost each worker about a
    quarter of a CPU second at start). A member stored compressed is read as usual."""
    import zipfile

    import numpy as np
    from numpy.lib import format as npy

    out: dict[str, NDArray[Any]] = {}
    with zipfile.ZipFile(path) as archive, path.open("rb") as fh:
        for name in _ARRAYS:
            info = archive.getinfo(f"{name}.npy")
            if info.compress_type != zipfile.ZIP_STORED:
                with archive.open(info) as member:
                    out[name] = npy.read_array(member, allow_pickle=False)
                continue
            fh.seek(info.header_offset)
            local = fh.read(30)  # the member's local header: its name and extra field follow
            if local[:4] != b"PK\x03\x04":
                raise ValueError(f"{path}: {name}.npy has no local header")
            start = info.header_offset + 30 + int.from_bytes(local[26:28], "little")
            start += int.from_bytes(local[28:30], "little")
            fh.seek(start)
            version = npy.read_magic(fh)
            if version == (1, 0):
                shape, fortran, dtype = npy.read_array_header_1_0(fh)
            elif version == (2, 0):
                shape, fortran, dtype = npy.read_array_header_2_0(fh)
            else:
                raise ValueError(f"{path}: {name}.npy has format version {version}")
            if dtype.hasobject:
                raise ValueError(f"{path}: {name}.npy holds Python objects")
            out[name] = np.memmap(
                path, dtype=dtype, mode="r", offset=fh.tell(), shape=shape, order="F" if fortran else "C"
            )
    return out


def _packed_model() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(str(MODEL_DIR)) / str(MODEL_FILE)


def _cached_model_path() -> Path | None:
    """Where the unpacked model is kept. Unpacking py3langid's ``.xz`` (4.6 MB into 68 MB) takes
    about half a second of CPU in every process that detects languages, every worker included;
    reading the unpacked file takes about a tenth of that. It is kept in newsgraph's cache folder
    (:func:`newsgraph.caching.cache_dir`), named by py3langid's version and the packed file's size (None:
    caching is off)."""
    folder = caching.cache_dir()
    if folder is None:
        return None
    packed = _packed_model()
    key = f"{version('py3langid')}|{packed.stat().st_size}"  # (not the file's bytes: read on a miss only)
    return folder / f"langid-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def load_detector() -> None:
    """Load the detector's model now (a worker process does it when it starts), not on the first
    article."""
    _identifier()


def sample(title: str | None, text: str) -> str:
    """What the detector reads of an article: its title and the start of its text."""
    head = f"{title}\n{text}" if title else text
    return head[:SAMPLE_CHARS]


def detect_language(text: str, *, min_score: float = 0.0) -> LanguageGuess:
    """The language of ``text``; ``und`` (score 0 when nothing was judged) when it has too few
    letters or the best guess scores below ``min_score``.

    >>> detect_language("The minister said the talks would resume next week in Geneva.").language
    'en'
    """
    letters = islice((c for c in text[:SAMPLE_CHARS] if c.isalpha()), MIN_LETTERS)  # enough is enough
    if sum(1 for _ in letters) < MIN_LETTERS:
        return LanguageGuess(UNDETERMINED, 0.0)
    code, score = _identifier().classify(text[:SAMPLE_CHARS])
    score = round(float(score), 4)
    if score < min_score:
        return LanguageGuess(UNDETERMINED, score)
    return LanguageGuess(_ALIASES.get(code, code), score)


def article_language(title: str | None, text: str, *, min_score: float = 0.0) -> LanguageGuess:
    """The language of an article from its title and the start of its text."""
    return detect_language(sample(title, text), min_score=min_score)


def is_supported(language: str | None, supported: tuple[str, ...]) -> bool:
    """Whether the extractors run on an article in ``language``: one of ``supported``, undetermined,
    or not known at all."""
    return not language or language == UNDETERMINED or language in supported
