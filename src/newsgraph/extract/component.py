"""What every newsgraph pipeline component shares: its tables, the annotations it needs, spaCy's
error handler, ``initialize`` and ``to_disk``/``from_disk``.

A component reads lexicons and tables shipped with the package (:mod:`newsgraph.tables`). Its
factory's ``default_config`` names the version of those tables (``tables = "newsgraph.tables.v1"``);
a saved pipeline records that version and a digest of every table the component read, and loading
it checks both, so a pipeline saved with one newsgraph does not silently run with another's
lexicons."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar, NoReturn

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import MissingAnnotationError, TablesMismatchError
from ..tables import TABLES_VERSION, Table, digest

log = logging.getLogger(__name__)

ErrorHandler = Callable[[str, Any, list[Doc], Exception], None]

#: What each annotation a component may need is called in messages, and which spaCy component
#: usually provides it.
_ANNOTATIONS = {
    "DEP": ("a dependency parse (token.dep)", "parser"),
    "ENT_IOB": ("named entities (doc.ents)", "ner"),
    "TAG": ("part-of-speech tags (token.tag)", "tagger"),
}


def _raise(proc_name: str, proc: Any, docs: list[Doc], e: Exception) -> NoReturn:
    raise e


class Component:
    """Base class of newsgraph's pipeline components (see the module docstring)."""

    #: The data files the component reads.
    tables: ClassVar[tuple[Table, ...]] = ()
    #: Annotations a non-empty doc must carry (``Doc.has_annotation`` names); without them the
    #: component raises :class:`MissingAnnotationError` instead of silently finding nothing.
    needs: ClassVar[tuple[str, ...]] = ()

    def __init__(self, nlp: Language, name: str, *, tables: str = TABLES_VERSION) -> None:
        if tables != TABLES_VERSION:
            raise TablesMismatchError(
                f"{name}: the pipeline asks for tables {tables!r}, this newsgraph ships {TABLES_VERSION!r}"
            )
        self.nlp = nlp
        self.name = name
        self.tables_version = tables
        self._error_handler: ErrorHandler = _raise

    # -- running -----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self.check(doc)
        self.annotate(doc)
        return doc

    def annotate(self, doc: Doc) -> None:
        """Write the component's annotations to ``doc``."""
        raise NotImplementedError

    def check(self, doc: Doc) -> None:
        """Raise :class:`MissingAnnotationError` when ``doc`` lacks an annotation this needs."""
        if not len(doc):
            return
        for attr in self.needs:
            if not doc.has_annotation(attr):
                what, pipe = _ANNOTATIONS.get(attr, (attr, "a model component"))
                raise MissingAnnotationError(
                    f"{self.name} needs {what}, and the doc has none: add the model's '{pipe}' before "
                    f"it (load a trained pipeline such as en_core_web_sm, then add_pipe('{self.name}'))"
                )

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """``__call__`` over ``docs``; a failure goes to the error handler (``nlp.set_error_handler``),
        which by default raises."""
        for doc in docs:
            try:
                yield self(doc)
            except Exception as e:
                self._error_handler(self.name, self, [doc], e)

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        self._error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self._error_handler

    # -- set-up and serialisation ------------------------------------------------------------
    def missing(self, nlp: Language | None = None) -> list[str]:
        """What this component needs (``needs``) that no component before it in ``nlp`` provides,
        described for a message."""
        nlp = nlp or self.nlp
        names = nlp.pipe_names
        before = names[: names.index(self.name)] if self.name in names else names
        provided: set[str] = set()
        for pipe in before:
            meta = nlp.get_pipe_meta(pipe)
            provided.update(meta.assigns)
            provided.update(_MODEL_ASSIGNS.get(meta.factory, ()))
        out = []
        for attr in self.needs:
            if _SPACY_ATTR[attr] not in provided:
                what, pipe = _ANNOTATIONS.get(attr, (attr, "a model component"))
                out.append(f"{what} (from '{pipe}')")
        return out

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Check that the components before this one provide what it needs, and load its tables."""
        missing = self.missing(nlp)
        if missing:
            raise MissingAnnotationError(f"{self.name} needs {', '.join(missing)} before it in the pipeline")
        self.load_tables()

    def load_tables(self) -> None:
        """Load the tables now rather than on the first doc (subclasses call their loaders)."""

    def manifest(self) -> dict[str, Any]:
        return {"factory": self.name, "tables_version": self.tables_version, "tables": digest(self.tables)}

    def to_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "newsgraph.json").write_text(json.dumps(self.manifest(), indent=2, sort_keys=True) + "\n")

    def from_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> Component:
        return self._restore(json.loads((Path(path) / "newsgraph.json").read_text()))

    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return json.dumps(self.manifest(), sort_keys=True).encode()

    def from_bytes(self, data: bytes, *, exclude: Sequence[str] = ()) -> Component:
        return self._restore(json.loads(data))

    def _restore(self, saved: dict[str, Any]) -> Component:
        """Check a saved :meth:`manifest` against the tables this newsgraph ships, and load them."""
        if saved.get("tables_version") != TABLES_VERSION:
            raise TablesMismatchError(
                f"{self.name} was saved with tables {saved.get('tables_version')!r}; "
                f"this newsgraph ships {TABLES_VERSION!r}"
            )
        now = digest(self.tables)
        changed = sorted(k for k, v in saved.get("tables", {}).items() if now.get(k) != v)
        if changed:
            log.warning("%s: tables changed since the pipeline was saved: %s", self.name, ", ".join(changed))
        self.load_tables()
        return self


#: ``Doc.has_annotation`` names -> the attribute names of spaCy's ``assigns``.
_SPACY_ATTR = {"DEP": "token.dep", "ENT_IOB": "doc.ents", "TAG": "token.tag"}
#: What the trained model's own components assign (their factories' metadata does not all say).
_MODEL_ASSIGNS: dict[str, tuple[str, ...]] = {
    "parser": ("token.dep", "token.head", "token.is_sent_start", "doc.sents"),
    "ner": ("doc.ents", "token.ent_iob", "token.ent_type"),
    "tagger": ("token.tag",),
}
