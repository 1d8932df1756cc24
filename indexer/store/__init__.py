"""The index on disk. Every Whoosh call of paraindex lives in this package.

Interface: open or create an index, replace or delete whole documents in a
batch (one writer, one commit), look up a paragraph by key, list documents,
search with filters and facets, suggest spellings, find similar paragraphs.
Everything returned is a plain value (``records``), built while the searcher
is open, because Whoosh results die with their searcher.

One job per module:

- ``index``: the ``Store`` (open, create, begin a batch, tidy, read, search);
- ``writing``: the ``Batch`` (replace and delete whole documents, commit, cancel);
- ``durable``: fsync around commits, private folders, grace for superseded files;
- ``fields``: documents to stored fields and back (keys, records, document info);
- ``query``: the query language compiled to Whoosh queries, bounded expansions, filters;
- ``searching``: collecting, re-ranking, estimated totals, similar paragraphs;
- ``accumulate``: queries of words scored a term at a time (BM25F as Whoosh computes it);
- ``highlighting``: snippets, with each word analysed once per generation;
- ``facets``: the best matches counted by document, addressee, action, recommender;
- ``spelling``: unknown words and suggestions.

Whoosh traps handled here: a second writer raises ``LockError`` (we wait with
a timeout, then raise ``IndexLockedError``); a failed commit must not keep the
lock (the writer is cancelled); ``create_in`` takes no lock (a new index is
built in a temporary directory and renamed into place); nothing is fsynced
(we sync files and directory after each commit); opening an index unpickles
its files (the directory is created private to the user).
"""

from __future__ import annotations

from ..ranking import FIELD_BOOSTS, Ranking
from .durable import fsync_directory, private_mkdir
from .fields import body_codes, document_id, paragraph_key
from .index import META_FILE, Store, default_index_dir
from .query import Filters
from .writing import Batch

# Tunable constants (MAX_EXPANSIONS, SUPERSEDED_GRACE_SECONDS, WRITER_LIMIT_MB, the
# SNIPPET_ limits) are deliberately not re-exported: they are read from the module
# that owns them, which is also the one to monkeypatch.

__all__ = [
    "FIELD_BOOSTS",
    "META_FILE",
    "Batch",
    "Filters",
    "Ranking",
    "Store",
    "body_codes",
    "default_index_dir",
    "document_id",
    "fsync_directory",
    "paragraph_key",
    "private_mkdir",
]
