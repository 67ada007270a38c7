"""The query layer: one typed function per list, which the CLI commands and the web both call.

Each list has its filter model in :mod:`.filters` (validated and normalised there, and nowhere
else), a row type and a function over the store in its own module: :mod:`.articles`,
:mod:`.entities`, :mod:`.roles`, :mod:`.quotes`, :mod:`.events`, :mod:`.counts`. The CLI parses
its options into the filter and prints the rows; the web parses its query parameters into the same filter (its
forms add the page) and answers from the same conditions, with the store's lists held in memory
(:mod:`newsgraph.web.queries`) as its faster way to the same rows.

Entities are merged one way everywhere (``derived.entity_stats``,
:func:`newsgraph.store.export_graph.prepare_entities`), and a name filter means one thing
everywhere: its words start words of a name or alias, accents and case ignored."""

from .articles import ArticleRow, articles
from .counts import CountRow, counts
from .entities import EntitySummary, entities, entity_condition
from .events import EventRow, events
from .filters import (
    MAX_PER_PAGE,
    ArticleFilter,
    CountFilter,
    DateRange,
    EntityFilter,
    EventFilter,
    NetworkFilter,
    Paging,
    QuoteFilter,
    RoleFilter,
)
from .quotes import QuoteRow, quotes
from .roles import RoleHolder, roles

__all__ = [
    "MAX_PER_PAGE",
    "ArticleFilter",
    "ArticleRow",
    "CountFilter",
    "CountRow",
    "DateRange",
    "EntityFilter",
    "EntitySummary",
    "EventFilter",
    "EventRow",
    "NetworkFilter",
    "Paging",
    "QuoteFilter",
    "QuoteRow",
    "RoleFilter",
    "RoleHolder",
    "articles",
    "counts",
    "entities",
    "entity_condition",
    "events",
    "quotes",
    "roles",
]
