"""The web app's reads. Every HTML page and its JSON twin call the same function here; each takes
the :class:`WebDb` and a filter model (the query layer's, :mod:`newsgraph.query.filters`, plus a
page) and returns plain JSON values (dates as ISO strings): the same rows, in the same order, as
the layer's function of that list over the store (:mod:`newsgraph.query`), which the CLI calls;
this package is the server's faster way to them.

The store is opened read-only. At start-up a few derived tables are built in an in-memory
database attached as ``derived`` (see :mod:`newsgraph.store.export_graph`): normalised events,
quotes and counts, every word of every article for the search, each article's countries, and every
fact record indexed by article; the rows of the lists are also held in memory in list order
(:class:`Ranked`). Writers cannot change the store under a running server (DuckDB locks the
file); when the file is replaced, :mod:`newsgraph.web.db` opens a new :class:`WebDb`.

One job per module: :mod:`.tables` (the derived tables), :mod:`.memory` (lists held in memory),
:mod:`.webdb` (the store as the server holds it), :mod:`.forms` (the filters plus a page, paging,
totals), :mod:`.lookup` (names to keys), and one module per list (:mod:`.article_list`, :mod:`.entity_list`,
:mod:`.quote_list`, :mod:`.event_list`, :mod:`.count_list`). Everything is importable from here."""

from ...query.common import fold_query
from ...query.filters import MAX_PER_PAGE, DateRange, Paging, _Form
from .article_list import (
    _entity_keys_params,
    _entity_keys_sql,
    _snippet,
    _texts,
    article,
    article_filter,
    articles,
    overview,
)
from .count_list import count_filter, count_ranks, counts, network
from .entity_list import entities, entity
from .event_list import (
    _BUCKET_FORMAT,
    _bucket,
    _date,
    _event_columns,
    _events_by_rank,
    _timeline,
    event_filter,
    event_ranks,
    events,
    party_events,
)
from .forms import (
    ArticleFilters,
    CountFilters,
    EntityFilters,
    EventFilters,
    NetworkFilters,
    QuoteFilters,
    _dates,
    _hashable,
    _page,
    _ranks,
    _total,
    all_ranks,
)
from .lookup import _keys_named, _party_ranks, canonical_key, party_array
from .memory import (
    _COUNT_COLUMNS,
    _EVENT_COLUMNS,
    _PART_COLUMNS,
    _QUOTE_COLUMNS,
    _SEARCH_COLUMNS,
    EntityIndex,
    EventColumns,
    EventParts,
    Ranked,
    _json,
)
from .quote_list import quote_filter, quote_ranks, quotes
from .tables import _COUNT_JSON, _EVENT_JSON, _QUOTE_JSON, D, _prepare_web
from .webdb import WebDb, log

__all__ = [
    "MAX_PER_PAGE",
    "_BUCKET_FORMAT",
    "_COUNT_COLUMNS",
    "_COUNT_JSON",
    "_EVENT_COLUMNS",
    "_EVENT_JSON",
    "_PART_COLUMNS",
    "_QUOTE_COLUMNS",
    "_QUOTE_JSON",
    "_SEARCH_COLUMNS",
    "ArticleFilters",
    "CountFilters",
    "D",
    "DateRange",
    "EntityFilters",
    "EntityIndex",
    "EventColumns",
    "EventFilters",
    "EventParts",
    "NetworkFilters",
    "Paging",
    "QuoteFilters",
    "Ranked",
    "WebDb",
    "_Form",
    "_bucket",
    "_date",
    "_dates",
    "_entity_keys_params",
    "_entity_keys_sql",
    "_event_columns",
    "_events_by_rank",
    "_hashable",
    "_json",
    "_keys_named",
    "_page",
    "_party_ranks",
    "_prepare_web",
    "_ranks",
    "_snippet",
    "_texts",
    "_timeline",
    "_total",
    "all_ranks",
    "article",
    "article_filter",
    "articles",
    "canonical_key",
    "count_filter",
    "count_ranks",
    "counts",
    "entities",
    "entity",
    "event_filter",
    "event_ranks",
    "events",
    "fold_query",
    "log",
    "network",
    "overview",
    "party_array",
    "party_events",
    "quote_filter",
    "quote_ranks",
    "quotes",
]
