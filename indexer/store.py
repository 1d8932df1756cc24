"""The index on disk. Every Whoosh call of paraindex lives in this module.

Interface: open or create an index, replace or delete whole documents in a
batch (one writer, one commit), look up a paragraph by key, list documents,
search with filters and facets, suggest spellings, find similar paragraphs.
Everything returned is a plain value (``records``), built while the searcher
is open, because Whoosh results die with their searcher.

Whoosh traps handled here: a second writer raises ``LockError`` (we wait with
a timeout, then raise ``IndexLockedError``); a failed commit must not keep the
lock (the writer is cancelled); ``create_in`` takes no lock (a new index is
built in a temporary directory and renamed into place); nothing is fsynced
(we sync files and directory after each commit); opening an index unpickles
its files (the directory is created private to the user).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import tempfile
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import collectors, highlight, index
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, LockError, clean_files
from whoosh.qparser import (
    FieldAliasPlugin,
    GtLtPlugin,
    MultifieldParser,
    OrGroup,
)
from whoosh.qparser.plugins import FuzzyTermPlugin, PlusMinusPlugin, WildcardPlugin
from whoosh.scoring import BM25F
from whoosh.spelling import ListCorrector

from . import schema as f
from .errors import (
    IndexLockedError,
    IndexNotFoundError,
    IndexProblem,
    IndexVersionError,
    QueryError,
)
from .model import ExtractedDocument, Paragraph
from .ranking import DEFAULT_RANKING, FIELD_BOOSTS, Ranking, rescore
from .records import DocumentInfo, Hit, ParagraphRecord, SearchResults
from .symbols import symbol_key, symbol_parts

META_FILE = "paraindex.json"
#: most terms a wildcard, prefix or fuzzy term may expand to
MAX_EXPANSIONS = 256
#: highlighting costs grow with text; snippets are cut from this much of it
SNIPPET_SOURCE_CHARS = 6000
#: highlighting time allowed for one page of hits; later hits get a plain opening snippet
SNIPPET_PAGE_SECONDS = 0.15
#: names a user may type for a field
FIELD_ALIASES = {
    f.LANGUAGE: ["language", "lang"],
    f.SECTION: ["heading"],
    f.RECOMMENDER: ["by", "recommender"],
}
__all__ = ["FIELD_BOOSTS", "Filters", "Ranking", "Store"]


@dataclass(slots=True)
class Filters:
    """Restrictions on a search, all optional and combined with AND."""

    doc_ids: set[str] | None = None  # None: every document
    sections: list[str] = field(default_factory=list)  # words that must be in the section
    recommendations_only: bool = False
    languages: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    recommenders: list[str] = field(default_factory=list)
    upr_status: str | None = None  # "supported", "noted", "pending"
    include_blocks: bool = True


def default_index_dir() -> Path:
    """The per-user data directory (``~/.local/share/paraindex/index`` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("paraindex", appauthor=False)) / "index"


def document_id(symbol: str, language: str) -> str:
    """A document is a symbol in a language: the English and French texts are two."""
    return f"{symbol_key(symbol)}@{language}"


def paragraph_key(doc: str, annex: str | None, number: str | None, ordinal: int) -> str:
    return f"{doc}#{annex or ''}#{number if number is not None else f'b{ordinal}'}"


#: memory for one writer's postings before it spills them to disk (one batch fits)
WRITER_LIMIT_MB = 256
#: files of merged segments outlive their last commit this long, for searches still running
SUPERSEDED_GRACE_SECONDS = 30.0


def _private_mkdir(path: Path) -> None:
    """Create ``path`` and its missing parents private to the user.

    Folders that already exist keep their permissions: ``--index /tmp/x`` must
    never make /tmp private.
    """
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass


def _make_private(path: Path) -> None:
    """Close an index folder that others could write to: it holds pickles, i.e. code."""
    try:
        mode = path.stat()
        if mode.st_mode & 0o077 and mode.st_uid == os.getuid():
            os.chmod(path, 0o700)
    except (OSError, AttributeError):  # not ours to change, or no uids on this system
        pass


def _fsync_dir(path: Path, skip: frozenset[str] = frozenset()) -> None:
    """Whoosh never syncs: make the files in ``path`` (but those in ``skip``), and
    their names, durable."""
    for entry in os.scandir(path):
        if entry.name in skip or not entry.is_file(follow_symlinks=False):
            continue
        try:
            descriptor = os.open(entry.path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    _fsync_directory(path)


def _fsync_directory(path: Path) -> None:
    """Make the names in a folder (new, renamed, deleted files) durable."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class _DurableStorage(FileStorage):
    """Whoosh file storage that makes a commit durable before it becomes visible.

    Whoosh commits by renaming a new table of contents into place, then deletes
    the files of merged segments. Syncing the new files before that rename, and
    the folder after it, means a crash or a power cut leaves either the previous
    table of contents with all of its files or the new one with all of its own.
    Segment files are written once and never changed, so the files that were
    there when the writer opened (synced by the commit that made them) are skipped.

    Whoosh also deletes the files of merged segments at once, but a search that
    opened the previous table of contents opens some of them lazily (stored
    fields, field lengths) and would fail. So deletion waits: ``reap`` deletes a
    superseded file once no table of contents that names it has been current
    for ``SUPERSEDED_GRACE_SECONDS``.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.synced = frozenset(os.listdir(path))
        self.superseded: list[str] = []

    def rename_file(self, oldname: str, newname: str, safe: bool = False) -> None:
        _fsync_dir(Path(self.folder), skip=self.synced)
        super().rename_file(oldname, newname, safe)
        _fsync_directory(Path(self.folder))

    def delete_file(self, name: str) -> None:
        self.superseded.append(name)

    def reap(self, indexname: str, grace: float) -> None:
        """Delete the superseded files that no recent table of contents names."""
        folder = Path(self.folder)
        tocs = TOC._pattern(indexname)
        made: dict[int, float] = {}
        for name in os.listdir(folder):
            match = tocs.match(name)
            if match:
                made[int(match.group(1))] = (folder / name).stat().st_mtime
        generations = sorted(made)
        recent = time.time() - grace
        # a generation stopped being current when the next one was committed
        kept = {g for g, after in itertools.pairwise(generations) if made[after] > recent}
        needed: set[str] = set()
        for generation in kept:
            try:
                toc = TOC.read(self, indexname, generation)
            except Exception:  # an unreadable old table of contents protects nothing
                continue
            needed.update(segment.segment_id() for segment in toc.segments)
        segments = TOC._segment_pattern(indexname)
        for name in self.superseded:
            toc_match, segment_match = tocs.match(name), segments.match(name)
            if toc_match and int(toc_match.group(1)) in kept:
                continue
            if not toc_match and segment_match and segment_match.group(1) in needed:
                continue
            try:
                os.remove(folder / name)
            except OSError:
                pass


class Store:
    """An open paraindex index directory."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        meta_path = self.path / META_FILE
        if not meta_path.exists() or not index.exists_in(str(self.path)):
            raise IndexNotFoundError(
                f"no paraindex index at {self.path} (run `paraindex index PATH` first)"
            )
        try:
            meta = json.loads(meta_path.read_text())
        except (OSError, ValueError):
            raise IndexVersionError(f"{meta_path}: unreadable index metadata") from None
        if meta.get("format") != f.FORMAT_VERSION:
            raise IndexVersionError(
                f"the index at {self.path} has format {meta.get('format')!r}, this paraindex "
                f"reads format {f.FORMAT_VERSION}: rebuild it with `paraindex index --rebuild`"
            )
        try:
            self._ix = index.open_dir(str(self.path))
        except Exception as error:  # Whoosh raises many kinds for a damaged index
            raise IndexVersionError(f"{self.path}: cannot open the index ({error})") from None

    # -- creation ------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path) -> Store:
        """A new empty index at ``path``, which must not hold one already.

        Built in a temporary sibling directory and renamed into place, so a
        half-created index is never visible and no live index is overwritten.
        """
        target = Path(path)
        if (target / META_FILE).exists():
            raise IndexVersionError(f"an index already exists at {target}")
        try:
            _private_mkdir(target.parent)
            # mkdtemp makes the folder 0700; the name lets a later run find it if we die
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        except OSError as error:
            raise IndexProblem(
                f"cannot create an index at {target}: {error.strerror or error}"
            ) from None
        try:
            index.create_in(str(staging), f.make_schema())
            (staging / META_FILE).write_text(
                json.dumps({"format": f.FORMAT_VERSION, "created": time.time()})
            )
            _fsync_dir(staging)
            if target.is_dir() and not target.is_symlink() and not any(target.iterdir()):
                target.rmdir()
            os.rename(staging, target)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            if (target / META_FILE).exists():  # another process created it meanwhile
                return cls(target)
            if target.exists():
                raise IndexVersionError(
                    f"{target} exists and is neither a paraindex index nor an empty folder"
                ) from None
            raise IndexProblem(
                f"cannot create an index at {target}: {error.strerror or error}"
            ) from None
        _fsync_directory(target.parent)
        return cls(target)

    @classmethod
    def open_or_create(cls, path: str | Path) -> Store:
        target = Path(path)
        if (target / META_FILE).exists():
            return cls(target)
        return cls.create(target)

    # -- writing -------------------------------------------------------------------------
    def begin(self, lock_timeout: float = 0.0) -> Batch:
        """An open write batch (one writer, holding the write lock): commit or cancel it.

        Uncompound segments, so that a reader opens an index in milliseconds
        without copying postings into memory (see WHOOSH.md).
        """
        _make_private(self.path)
        storage = _DurableStorage(str(self.path))
        try:
            writer = storage.open_index().writer(
                timeout=lock_timeout, compound=False, limitmb=WRITER_LIMIT_MB
            )
        except LockError:
            raise IndexLockedError(
                f"another paraindex process is writing to {self.path}; try again when it ends"
            ) from None
        return Batch(self, writer, storage)

    @contextmanager
    def batch(self, lock_timeout: float = 0.0) -> Iterator[Batch]:
        """A write batch: one writer, committed on success, cancelled on any error."""
        batch = self.begin(lock_timeout)
        try:
            yield batch
        except BaseException:
            batch.cancel()
            raise
        batch.commit()

    def tidy(self) -> None:
        """Delete the files of merged-away segments that no search can need any more.

        A commit deletes them ``SUPERSEDED_GRACE_SECONDS`` after they were replaced;
        those replaced by a run's last commits wait for the next run, which calls
        this. Skipped while a writer holds the lock (its commit will do it).
        """
        storage = _DurableStorage(str(self.path))
        name = self._ix.indexname
        lock = storage.lock(f"{name}_WRITELOCK")
        if not lock.acquire():
            return
        try:
            toc = TOC.read(storage, name)
            clean_files(storage, name, toc.generation, toc.segments)  # defers to reap
            storage.reap(name, SUPERSEDED_GRACE_SECONDS)
        finally:
            lock.release()

    # -- reading -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        with self._ix.searcher() as searcher:
            found = searcher.search(wq.Term(f.KIND, f.KIND_DOCUMENT), limit=None)
            docs = [_document_info(hit.fields()) for hit in found]
        return sorted(docs, key=lambda d: (d.symbol, d.language))

    def document(self, doc: str) -> DocumentInfo | None:
        with self._ix.searcher() as searcher:
            stored = searcher.document(**{f.KEY: f"{doc}#document"})
            return _document_info(stored) if stored else None

    def doc_ids_for_symbol(self, symbol: str) -> list[str]:
        """Documents whose symbol, or either half of whose joint symbol, is ``symbol``."""
        key = symbol_key(symbol)
        with self._ix.searcher() as searcher:
            hits = searcher.search(
                wq.And([wq.Term(f.KIND, f.KIND_DOCUMENT), wq.Term(f.SYMBOL_PARTS, key)]),
                limit=None,
            )
            return [hit[f.DOC] for hit in hits]

    def lookup(self, doc: str, number: str, annex: str | None = None) -> ParagraphRecord | None:
        """The paragraph ``number`` of ``doc`` (in the body, or in ``annex``)."""
        with self._ix.searcher() as searcher:
            stored = searcher.document(**{f.KEY: paragraph_key(doc, annex, number, 0)})
            return _record(stored) if stored else None

    def paragraphs(self, doc: str, numbered_only: bool = False) -> list[ParagraphRecord]:
        """Every record of a document in reading order."""
        kinds = [wq.Term(f.KIND, f.KIND_PARAGRAPH), wq.Term(f.KIND, f.KIND_ITEM)]
        if not numbered_only:
            kinds.append(wq.Term(f.KIND, f.KIND_BLOCK))
        with self._ix.searcher() as searcher:
            hits = searcher.search(
                wq.And([wq.Term(f.DOC, doc), wq.Or(kinds)]), limit=None, sortedby=f.ORDINAL
            )
            return [_record(hit.fields()) for hit in hits]

    def iter_records(self, doc_ids: Iterable[str] | None = None) -> Iterator[ParagraphRecord]:
        """Every paragraph record, document by document (for export)."""
        for doc in doc_ids if doc_ids is not None else [d.doc for d in self.documents()]:
            yield from self.paragraphs(doc)

    def content_hashes(self) -> dict[str, tuple[str, str]]:
        """content hash -> (document id, source path) of every indexed document."""
        return {d.content_hash: (d.doc, d.source) for d in self.documents()}

    def vocabulary_size(self) -> int:
        with self._ix.searcher() as searcher:
            return searcher.reader().doc_count()

    # -- searching -----------------------------------------------------------------------
    def parse(self, text: str, ranking: Ranking | None = None) -> wq.Query:
        """The Whoosh query for ``text`` in the query language (for display and tests)."""
        compiled = self._compile(text, ranking or DEFAULT_RANKING)
        parts = [q for q in (compiled.scoring, compiled.restriction) if q is not None]
        query: wq.Query = wq.And(parts) if len(parts) > 1 else (parts[0] if parts else wq.Every())
        if compiled.excluded is not None:
            query = wq.AndNot(query, compiled.excluded)
        return query.normalize()

    def _compile(self, text: str, ranking: Ranking) -> _Compiled:
        """Parse the query language into what scores, what restricts and what excludes.

        Whoosh's OR-default parser joins everything with OR, so ``lang:fr
        enfant`` would return every French paragraph and ``mining NOT women``
        every paragraph without "women". Here the top-level OR is split:
        field restrictions become filters, negations become a mask, and the
        remaining clauses (one per word or phrase) are scored and counted for
        the coverage of the query.
        """
        if not text.strip():
            return _Compiled(None, None, None, [])
        boosts = dict(ranking.field_boosts)
        parser = MultifieldParser(
            list(boosts), self._ix.schema, fieldboosts=boosts, group=OrGroup
        )
        parser.remove_plugin_class(WildcardPlugin)
        parser.add_plugin(WildcardPlugin())
        parser.add_plugin(FuzzyTermPlugin())
        parser.add_plugin(GtLtPlugin())
        # + and - only at the start of a word: "deep-sea" is one word, not "deep NOT sea"
        parser.add_plugin(PlusMinusPlugin(r"(?<![^\s(])\+(?=[\w\"(])", r"(?<![^\s(])-(?=[\w\"(])"))
        parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
        try:
            tree = parser.parse(text, normalize=False)
        except Exception as error:  # the parser raises assorted errors on odd input
            raise QueryError(f"cannot parse the query {text!r}: {error}") from None
        tree = self._rewrite(tree)
        scoring: list[wq.Query] = []
        required: list[wq.Query] = []
        excluded: list[wq.Query] = []
        while isinstance(tree, wq.AndNot):  # "-word" (PlusMinusPlugin)
            excluded.append(tree.b)
            tree = tree.a
        clauses = tree.subqueries if type(tree) is wq.Or else [tree]
        for clause in clauses:
            if isinstance(clause, wq.Not):
                excluded.append(clause.query)
            elif _is_restriction(clause):
                required.append(clause)
            else:
                scoring.append(clause)
        groups = [_clause_terms(clause, self._ix.schema) for clause in scoring]
        scored: wq.Query | None = None
        if len(scoring) == 1:
            scored = scoring[0].normalize()
        elif scoring:
            scored = wq.Or(scoring, scale=ranking.coord).normalize()
        if scored is wq.NullQuery:
            scored = None
        restriction = wq.And(required).normalize() if required else None
        exclusion = wq.Or(excluded).normalize() if excluded else None
        if scored is None and restriction is None and exclusion is None:
            raise QueryError(
                f"nothing to search for in {text!r}: every word is too common or too short"
            )
        return _Compiled(scored, restriction, exclusion, [g for g in groups if g])

    def _rewrite(self, tree: wq.Query) -> wq.Query:
        """Expand wildcard, prefix, fuzzy and range terms once, within a bound, into
        plain terms; read a phrase on a field without positions as its words.

        Whoosh would expand each such term again on every use, walking the
        on-disk vocabulary (a fuzzy term took seconds); here vocabularies are read
        once per opened index, and a prefix or wildcard on an English field is
        matched against the words as written ("educat*" finds "education", whose
        stem is "educ"), then stemmed.
        """
        schema = self._ix.schema

        def visit(node: wq.Query) -> wq.Query:
            if isinstance(node, _EXPANDING):
                terms = self._expand(node)
                if not terms:
                    return wq.NullQuery
                return wq.Or([wq.Term(node.fieldname, t, boost=node.boost) for t in terms])
            if isinstance(node, wq.Phrase) and not schema[node.fieldname].format.supports(
                "positions"
            ):
                return wq.And([wq.Term(node.fieldname, w, boost=node.boost) for w in node.words])
            return node if node.is_leaf() else node.apply(visit)

        return visit(tree)

    def _expand(self, node: wq.Query) -> list[str]:
        """The indexed terms an expanding query term stands for; ``QueryError`` past the bound."""
        name = node.fieldname
        found: set[str] = set()
        if isinstance(node, (wq.Prefix, wq.Wildcard)) and name in _ENGLISH_FIELDS:
            analyzer = self._ix.schema[name].analyzer
            for word in _matching(self._vocabulary(_SPELLING_FIELD), node):
                found.update(t.text for t in analyzer(word))
                _check_bound(node, found)
        if isinstance(node, (wq.Prefix, wq.Wildcard)):
            found.update(_matching(self._vocabulary(name), node, len(found)))
        elif isinstance(node, wq.FuzzyTerm):
            vocabulary = self._vocabulary(name)
            if vocabulary:
                found.update(ListCorrector(vocabulary).suggest(
                    node.text, limit=MAX_EXPANSIONS + 1, maxdist=node.maxdist,
                    prefix=node.prefixlength,
                ))
                at = bisect_left(vocabulary, node.text)
                if at < len(vocabulary) and vocabulary[at] == node.text:
                    found.add(node.text)
        else:  # a range or a regular expression: Whoosh's own walk, stopped at the bound
            with self._ix.searcher() as searcher:
                field_obj = self._ix.schema[name]
                for btext in node._btexts(searcher.reader()):
                    found.add(field_obj.from_bytes(btext))
                    _check_bound(node, found)
        _check_bound(node, found)
        return sorted(found)

    def _vocabulary(self, name: str) -> list[str]:
        """The sorted terms of a field, read once per opened index."""
        cache = getattr(self, "_vocabularies", None)
        if cache is None or cache[0] is not self._ix:
            cache = (self._ix, {})
            self._vocabularies = cache
        if name not in cache[1]:
            with self._ix.searcher() as searcher:
                reader = searcher.reader()
                cache[1][name] = (
                    [t.decode("utf-8") for t in reader.lexicon(name)]
                    if name in reader.indexed_field_names() else []
                )
        return cache[1][name]

    def search(
        self,
        text: str,
        filters: Filters | None = None,
        limit: int = 10,
        offset: int = 0,
        facet_fields: Iterable[str] = (),
        ranking: Ranking | None = None,
        snippets: bool = True,
    ) -> SearchResults:
        """Ranked paragraphs for a query in the paraindex query language.

        The best ``ranking.window`` hits (or more, for a deep page) are
        re-ordered by the share of query words they contain and by kind; the
        page asked for is cut from that order.
        """
        ranking = ranking or DEFAULT_RANKING
        filters = filters or Filters()
        compiled = self._compile(text, ranking)
        parsed = compiled.scoring or wq.Every()
        restriction = _and_all([_filter_query(filters), compiled.restriction])
        mask = _or_all([wq.Term(f.KIND, f.KIND_DOCUMENT), compiled.excluded])
        weighting = BM25F(B=ranking.b, K1=ranking.k1)
        with self._ix.searcher(weighting=weighting) as searcher:
            wanted = offset + limit
            window = max(wanted, ranking.window) if ranking.reorders else wanted
            found = _run(searcher, parsed, restriction, mask, window)
            found.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=70)
            found.formatter = _MarkerFormatter()
            ordered = [(hit.score or 0.0, hit) for hit in found]
            if ranking.reorders:
                ordered = _reorder(searcher.reader(), ordered, compiled.groups, ranking)
            hits = []
            budget = _SnippetBudget(SNIPPET_PAGE_SECONDS if snippets else 0.0)
            for score, hit in ordered[offset:wanted]:
                record = _record(hit.fields())
                hits.append(Hit(record, score, _snippet(hit, record, budget)))
            facets = _facets(searcher, parsed, restriction, mask, facet_fields)
            total = found.collector.count()
        return SearchResults(hits, total, facets)

    def unknown_words(self, words: Iterable[str]) -> list[str]:
        """Those of ``words`` that no paragraph of the index contains, in any language."""
        unknown = []
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            for word in words:
                found = False
                for name in f.TEXT_FIELDS.values():
                    field_obj = self._ix.schema[name]
                    for token in field_obj.process_text(word, mode="query"):
                        if reader.doc_frequency(name, token):
                            found = True
                            break
                    if found:
                        break
                if not found:
                    unknown.append(word)
        return unknown

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Close spellings of ``word`` from the indexed English vocabulary, nearest first
        and, at the same distance, commonest first.

        Candidates come from a Levenshtein automaton over the vocabulary held in
        memory (Whoosh's on-disk walk took a second for one word at distance 2)
        and are then ranked by Damerau distance, so "cheif" finds "chief".
        """
        word = word.lower()
        corrector = self._corrector()
        if corrector is None:
            return []
        maxdist = 1 if len(word) <= 4 else 2
        options = [o for o in corrector.suggest(word, limit=40, maxdist=maxdist) if o != word]
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            analyzer = self._ix.schema[f.TEXT_EN]

            def frequency(option: str) -> int:
                stems = list(analyzer.process_text(option, mode="query"))
                return reader.doc_frequency(f.TEXT_EN, stems[0]) if stems else 0

            ranked = sorted(options, key=lambda o: (_edit_distance(word, o), -frequency(o), o))
        return ranked[:limit]

    def _corrector(self) -> Any:
        """The English vocabulary as a spelling corrector, read once per opened index."""
        cached = getattr(self, "_spelling", None)
        if cached is not None and cached[0] is self._ix:
            return cached[1]
        field_obj = self._ix.schema[f.TEXT_EN]
        name = field_obj.spelling_fieldname(f.TEXT_EN)
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            if name not in reader.indexed_field_names():
                corrector = None
            else:
                corrector = ListCorrector([w.decode("utf-8") for w in reader.lexicon(name)])
        self._spelling = (self._ix, corrector)
        return corrector

    def similar(
        self, record: ParagraphRecord, limit: int = 10, other_documents: bool = True
    ) -> list[Hit]:
        """Paragraphs that say much the same, best first, never ``record`` itself.

        The paragraph's most distinctive terms (Bo1 expansion model) become an
        OR query; ``other_documents`` leaves out the paragraph's own document.
        """
        field_name = f.TEXT_FIELDS.get(record.language, f.TEXT_EN)
        with self._ix.searcher(weighting=BM25F()) as searcher:
            terms = searcher.key_terms_from_text(field_name, record.text, numterms=25)
            if not terms:
                return []
            likeness = wq.Or([wq.Term(field_name, word, boost=weight) for word, weight in terms])
            exclude = wq.Term(f.DOC, record.doc) if other_documents else wq.Term(f.KEY, record.key)
            found = searcher.search(
                likeness,
                limit=limit,
                mask=wq.Or(
                    [exclude, wq.Term(f.KIND, f.KIND_DOCUMENT), wq.Term(f.KIND, f.KIND_BLOCK)]
                ),
            )
            return [Hit(_record(hit.fields()), hit.score or 0.0, "") for hit in found]


def _edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance: a swapped pair of letters is one slip, not two."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def _release_lock(writer: Any) -> None:
    lock = getattr(writer, "writelock", None)
    if lock is not None:
        try:
            lock.release()
        except Exception:  # already released: nothing to do
            pass


class Batch:
    """Replace or delete whole documents inside one commit.

    A Whoosh writer's deletions see only committed documents, so a document
    written twice in one batch would be there twice: ``replace`` refuses a
    document this batch already holds (commit first, then replace it).
    """

    def __init__(self, store: Store, writer: Any, storage: _DurableStorage) -> None:
        self._store = store
        self._writer = writer
        self._storage = storage
        self.replaced: list[str] = []
        self.deleted: list[str] = []

    def __contains__(self, doc: str) -> bool:
        return doc in self.replaced or doc in self.deleted

    def delete(self, doc: str) -> None:
        self._refuse_twice(doc)
        try:
            self._writer.delete_by_term(f.DOC, doc)
        except OSError as error:
            raise self._write_error(error) from error
        self.deleted.append(doc)

    def replace(self, document: ExtractedDocument, content_hash: str, source: str) -> str:
        """Remove every record of the document, then add the new ones. Returns its id.

        Whoosh writes stored fields as documents arrive, so a full disk can
        show here as well as in ``commit``; either way the batch must be cancelled.
        """
        doc = document_id(document.symbol, document.language)
        self._refuse_twice(doc)
        try:
            self._writer.delete_by_term(f.DOC, doc)
            for fields in _document_fields(document, doc, content_hash, source):
                self._writer.add_document(**fields)
        except OSError as error:
            raise self._write_error(error) from error
        self.replaced.append(doc)
        return doc

    def _write_error(self, error: OSError) -> IndexProblem:
        return IndexProblem(
            f"cannot write to the index at {self._store.path} ({error.strerror or error}); "
            "it still holds what it held before this batch"
        )

    def _refuse_twice(self, doc: str) -> None:
        if doc in self:
            raise ValueError(f"{doc} is already written in this batch: commit it first")

    def commit(self) -> None:
        """Make the whole batch durable and visible at once.

        When the commit fails (a full disk), the index keeps its previous state
        and the write lock is freed; the error names the index.
        """
        try:
            self._writer.commit()
        except BaseException as error:
            _abandon(self._writer)
            if isinstance(error, OSError):
                raise self._write_error(error) from error
            raise
        self._storage.reap(self._writer.indexname, SUPERSEDED_GRACE_SECONDS)
        _fsync_directory(self._store.path)  # the deletions
        self._store._ix = index.open_dir(str(self._store.path))

    def cancel(self) -> None:
        """Drop everything written since the last commit and free the lock."""
        _abandon(self._writer)


def _abandon(writer: Any) -> None:
    """Cancel a writer, whose own cancel may fail after a failed commit, and free the lock."""
    try:
        if not writer.is_closed:
            writer.cancel()
    except Exception:  # the writer is past saving; the lock below is what matters
        pass
    finally:
        _release_lock(writer)


def _document_fields(
    document: ExtractedDocument, doc: str, content_hash: str, source: str
) -> Iterator[dict[str, Any]]:
    parts = [symbol_key(part) for part in symbol_parts(document.symbol)]
    parts.append(symbol_key(document.symbol))
    common = {
        f.DOC: doc,
        f.SYMBOL: document.symbol,
        f.SYMBOL_KEY: symbol_key(document.symbol),
        f.SYMBOL_PARTS: ",".join(sorted(set(parts))),
        f.BODY: ",".join(_bodies(document.symbol)),
        f.TITLE: document.title,
        f.LANGUAGE: document.language,
        f.YEAR: _year(document.date),
        f.SOURCE: source,
        f.CONTENT_HASH: content_hash,
    }
    recommendations = 0
    for paragraph in document.paragraphs:
        recommendations += paragraph.is_recommendation
        yield {**common, **_paragraph_fields(paragraph, doc, document.language)}
    meta = {
        "date": document.date,
        "pages": document.pages,
        "kind": document.kind,
        "paragraphs": sum(1 for p in document.paragraphs if p.number is not None),
        "blocks": sum(1 for p in document.paragraphs if p.number is None),
        "recommendations": recommendations,
        "quality": _quality_dict(document),
        "sections": [
            {"path": s.path, "annex": s.annex, "first": s.first, "last": s.last, "page": s.page}
            for s in document.sections
        ],
        "symbol_from_filename": document.symbol_from_filename,
    }
    yield {**common, f.KEY: f"{doc}#document", f.KIND: f.KIND_DOCUMENT, f.DOC_META: meta}


def _paragraph_fields(paragraph: Paragraph, doc: str, language: str) -> dict[str, Any]:
    if paragraph.number is None:
        kind = f.KIND_BLOCK
    elif "." in paragraph.number:
        kind = f.KIND_ITEM
    else:
        kind = f.KIND_PARAGRAPH
    text_field = f.TEXT_FIELDS.get(language, f.TEXT_EN)
    return {
        f.KEY: paragraph_key(doc, paragraph.annex, paragraph.number, paragraph.ordinal),
        f.KIND: kind,
        f.SECTION: " / ".join(paragraph.section),
        f.SECTION_PATH: paragraph.section,
        f.NUMBER: paragraph.number or "",
        f.ANNEX: paragraph.annex or "",
        f.ORDINAL: paragraph.ordinal,
        f.PAGE: paragraph.printed_page,
        f.PAGE_END: paragraph.printed_page_end,
        f.PDF_PAGE: paragraph.page,
        f.PDF_PAGE_END: paragraph.page_end,
        f.SUBPARAGRAPHS: [(s.label, s.start, s.end) for s in paragraph.subparagraphs],
        f.LABEL: paragraph.label,
        f.RECOMMENDATION: paragraph.is_recommendation,
        f.ADDRESSEE: ",".join(paragraph.addressees),
        f.ACTION: ",".join(paragraph.actions),
        f.RECOMMENDER: ",".join(paragraph.recommenders),
        f.INSTRUMENTS: paragraph.instruments,
        f.UPR_STATUS: paragraph.upr_status or "",
        text_field: paragraph.text,
        f.STORED_TEXT: paragraph.text,
    }


def _quality_dict(document: ExtractedDocument) -> dict[str, Any]:
    q = document.quality
    return {
        "summary": q.summary(),
        "ok": q.ok,
        "paragraphs": q.paragraphs,
        "blocks": q.blocks,
        "first": q.first,
        "last": q.last,
        "gaps": [list(g) for g in q.gaps],
        "duplicates": q.duplicates,
        "out_of_order": q.out_of_order,
        "contents_disagreements": q.contents_disagreements,
        "warnings": q.warnings,
    }


def _bodies(symbol: str) -> list[str]:
    """Searchable body codes of a symbol: 'A/HRC/59/15' -> a, hrc; 'E/C.12/GC/27' -> e, c.12."""
    codes: list[str] = []
    for part in symbol_parts(symbol):
        pieces = part.split("/")
        codes.append(pieces[0].lower())
        if len(pieces) > 2 and not pieces[1][:1].isdigit():
            codes.append(pieces[1].lower())
    return sorted(set(codes))


def _year(date: str | None) -> str:
    if not date:
        return ""
    digits = [token for token in date.split() if len(token) == 4 and token.isdigit()]
    return digits[-1] if digits else ""


def _record(stored: dict[str, Any]) -> ParagraphRecord:
    return ParagraphRecord(
        key=stored[f.KEY],
        doc=stored[f.DOC],
        kind=stored[f.KIND],
        symbol=stored[f.SYMBOL],
        number=stored.get(f.NUMBER) or None,
        annex=stored.get(f.ANNEX) or None,
        section=list(stored.get(f.SECTION_PATH) or []),
        page=stored.get(f.PAGE),
        page_end=stored.get(f.PAGE_END),
        pdf_page=stored.get(f.PDF_PAGE),
        pdf_page_end=stored.get(f.PDF_PAGE_END),
        language=stored.get(f.LANGUAGE, ""),
        title=stored.get(f.TITLE, ""),
        is_recommendation=bool(stored.get(f.RECOMMENDATION)),
        text=stored.get(f.STORED_TEXT, ""),
        source=stored.get(f.SOURCE, ""),
        ordinal=stored.get(f.ORDINAL, 0),
        subparagraphs=[tuple(s) for s in stored.get(f.SUBPARAGRAPHS) or []],
        label=stored.get(f.LABEL),
        addressees=_split(stored.get(f.ADDRESSEE)),
        actions=_split(stored.get(f.ACTION)),
        recommenders=_split(stored.get(f.RECOMMENDER)),
        instruments=list(stored.get(f.INSTRUMENTS) or []),
        upr_status=stored.get(f.UPR_STATUS) or None,
    )


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _document_info(stored: dict[str, Any]) -> DocumentInfo:
    meta = stored.get(f.DOC_META) or {}
    return DocumentInfo(
        doc=stored[f.DOC],
        symbol=stored[f.SYMBOL],
        title=stored.get(f.TITLE, ""),
        language=stored.get(f.LANGUAGE, ""),
        date=meta.get("date"),
        pages=meta.get("pages", 0),
        paragraphs=meta.get("paragraphs", 0),
        blocks=meta.get("blocks", 0),
        recommendations=meta.get("recommendations", 0),
        source=stored.get(f.SOURCE, ""),
        content_hash=stored.get(f.CONTENT_HASH, ""),
        kind=meta.get("kind", ""),
        quality=meta.get("quality", {}),
        sections=meta.get("sections", []),
        symbol_from_filename=meta.get("symbol_from_filename", False),
    )


def _filter_query(filters: Filters) -> wq.Query | None:
    clauses: list[wq.Query] = []
    if filters.doc_ids is not None:
        clauses.append(
            wq.Or([wq.Term(f.DOC, d) for d in sorted(filters.doc_ids)])
            if filters.doc_ids
            else wq.NullQuery
        )
    for words in filters.sections:
        from .schema import english_analyzer

        terms = [t.text for t in english_analyzer()(words)]
        if terms:
            clauses.append(wq.And([wq.Term(f.SECTION, t) for t in terms]))
    if filters.recommendations_only:
        clauses.append(wq.Term(f.RECOMMENDATION, True))
    if filters.languages:
        clauses.append(wq.Or([wq.Term(f.LANGUAGE, lang) for lang in filters.languages]))
    for name, values in (
        (f.ADDRESSEE, filters.addressees),
        (f.ACTION, filters.actions),
        (f.RECOMMENDER, filters.recommenders),
    ):
        if values:
            clauses.append(wq.Or([wq.Term(name, v.lower()) for v in values]))
    if filters.upr_status:
        clauses.append(wq.Term(f.UPR_STATUS, filters.upr_status))
    if not filters.include_blocks:
        clauses.append(wq.Not(wq.Term(f.KIND, f.KIND_BLOCK)))
    if not clauses:
        return None
    return wq.And(clauses) if len(clauses) > 1 else clauses[0]


class _MarkerFormatter(highlight.Formatter):
    """Matched terms as [[term]]: plain text that each output escapes its own way."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"[[{highlight.get_text(text, token, replace)}]]"


def _run(
    searcher: Any, query: wq.Query, allow: wq.Query | None, mask: wq.Query | None, limit: int
) -> Any:
    """Score every match, keep the best ``limit`` and count them all in the same pass.

    Whoosh's block-quality skipping saves little on a query spread over five
    fields, and with it the total needs a second pass over the postings (a
    quarter of the time of a common-word query); without matcher replacement
    the count is exact.
    """
    collector: Any = collectors.TopCollector(limit, usequality=False, replace=0)
    if allow is not None or mask is not None:
        collector = collectors.FilterCollector(collector, allow, mask)
    searcher.search_with_collector(query, collector)
    return collector.results()


class _SnippetBudget:
    """Highlighting time left for one page of hits (Whoosh re-analyses each text)."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.perf_counter() + seconds
        self.enabled = seconds > 0

    @property
    def left(self) -> bool:
        return self.enabled and time.perf_counter() < self.deadline


def _snippet(hit: Any, record: ParagraphRecord, budget: _SnippetBudget) -> str:
    """Up to two passages with the matched terms marked; the opening when out of budget."""
    field_name = f.TEXT_FIELDS.get(record.language, f.TEXT_EN)
    source = record.text[:SNIPPET_SOURCE_CHARS]
    snippet = ""
    if budget.left:
        try:
            snippet = hit.highlights(field_name, text=source, top=2)
        except Exception:  # highlighting is a nicety: never fail a search over it
            snippet = ""
    if not snippet:
        snippet = source[:240] + ("…" if len(source) > 240 else "")
    return " ".join(snippet.split())


@dataclass(slots=True)
class _Compiled:
    """A parsed query split into its scored part, its filters and its exclusions."""

    scoring: wq.Query | None
    restriction: wq.Query | None
    excluded: wq.Query | None
    groups: list[frozenset[tuple[str, bytes]]]  # the terms of each scored word or phrase


_EXPANDING = (wq.Wildcard, wq.Prefix, wq.FuzzyTerm, wq.Regex, wq.TermRange)


def _is_restriction(clause: wq.Query) -> bool:
    """A clause on metadata fields only (``lang:fr``, ``section:…``, ``year:2025``)."""
    fields = {leaf.field() for leaf in clause.leaves()}
    fields.discard(None)
    return bool(fields) and not fields & set(f.TEXT_FIELDS.values())


def _clause_terms(clause: wq.Query, schema: Any) -> frozenset[tuple[str, bytes]]:
    terms: set[tuple[str, bytes]] = set()
    for leaf in clause.leaves():
        name = leaf.field()
        if name is None or name not in schema:
            continue
        if leaf.has_terms():
            for fieldname, text in leaf.terms(phrases=True):
                try:
                    terms.add((fieldname, schema[fieldname].to_bytes(text)))
                except Exception:  # a value the field cannot encode matches nothing
                    continue
    return frozenset(terms)


def _reorder(
    reader: Any,
    ordered: list[tuple[float, Any]],
    groups: list[frozenset[tuple[str, bytes]]],
    ranking: Ranking,
) -> list[tuple[float, Any]]:
    """Re-score the best hits by query coverage, kind and recommendation intent."""
    covered = _coverage(reader, [hit.docnum for _, hit in ordered], groups)
    asks_for_recommendations = any((f.TEXT_EN, b"recommend") in group for group in groups)
    rescored = []
    for score, hit in ordered:
        stored = hit.fields()
        score = rescore(
            score,
            ranking,
            matched_words=covered.get(hit.docnum, len(groups)),
            words=len(groups),
            block=stored.get(f.KIND) == f.KIND_BLOCK,
            recommendation=asks_for_recommendations and bool(stored.get(f.RECOMMENDATION)),
        )
        rescored.append((score, hit))
    rescored.sort(key=lambda pair: -pair[0])
    return rescored


#: a clause expanding to more terms than this (a wildcard) counts as matched everywhere
_COVERAGE_TERMS = 40


def _coverage(
    reader: Any, docnums: list[int], groups: list[frozenset[tuple[str, bytes]]]
) -> dict[int, int]:
    """How many of the query's words or phrases each of ``docnums`` contains.

    Read from the postings of the few dozen hits only (Whoosh's own matched-term
    recording walks every match and doubled the time of a common-word query).
    """
    if len(groups) < 2:
        return {}
    wanted = sorted(set(docnums))
    counts = dict.fromkeys(wanted, 0)
    for group in groups:
        if len(group) > _COVERAGE_TERMS:
            present = set(wanted)
        else:
            present = set()
            for fieldname, btext in group:
                if (fieldname, btext) not in reader:
                    continue
                postings = reader.postings(fieldname, btext)
                for docnum in wanted:
                    if docnum in present:
                        continue
                    if not postings.is_active():
                        break
                    if postings.id() < docnum:
                        postings.skip_to(docnum)
                        if not postings.is_active():
                            break
                    if postings.id() == docnum:
                        present.add(docnum)
        for docnum in present:
            counts[docnum] += 1
    return counts


def _and_all(queries: list[wq.Query | None]) -> wq.Query | None:
    present = [q for q in queries if q is not None]
    if not present:
        return None
    return present[0] if len(present) == 1 else wq.And(present)


def _or_all(queries: list[wq.Query | None]) -> wq.Query:
    present = [q for q in queries if q is not None]
    return present[0] if len(present) == 1 else wq.Or(present)


def _facets(
    searcher: Any,
    parsed: wq.Query,
    restriction: wq.Query | None,
    mask: wq.Query,
    facet_fields: Iterable[str],
) -> dict[str, dict[str, int]]:
    names = list(facet_fields)
    if not names:
        return {}
    found = searcher.search(parsed, filter=restriction, mask=mask, limit=2000)
    counts: dict[str, Counter[str]] = {name: Counter() for name in names}
    for hit in found:
        stored = hit.fields()
        for name in names:
            value = stored.get(name)
            if name == f.SYMBOL:
                counts[name][value] += 1
            elif isinstance(value, str):
                counts[name].update(v for v in value.split(",") if v)
            elif value is not None:
                counts[name][str(value)] += 1
    return {name: dict(counter.most_common(30)) for name, counter in counts.items()}


_ENGLISH_FIELDS = {f.TEXT_EN, f.SECTION, f.TITLE}
#: Whoosh keeps the unstemmed words of the English text here (``spelling=True``)
_SPELLING_FIELD = f.make_schema()[f.TEXT_EN].spelling_fieldname(f.TEXT_EN)


def _matching(vocabulary: list[str], node: wq.Query, already: int = 0) -> Iterator[str]:
    """Words of a sorted vocabulary that a prefix or wildcard term matches."""
    if isinstance(node, wq.Prefix):
        start = bisect_left(vocabulary, node.text)
        for word in vocabulary[start:]:
            if not word.startswith(node.text):
                return
            yield word
        return
    text = node.text
    literal = re.split(r"[*?]", text, maxsplit=1)[0]
    start = bisect_left(vocabulary, literal) if literal else 0
    regex = _wildcard_regex(text)
    count = already
    for word in vocabulary[start:]:
        if literal and not word.startswith(literal):
            return
        if regex.fullmatch(word):
            count += 1
            if count > MAX_EXPANSIONS:
                raise QueryError(
                    f"{node} matches more than {MAX_EXPANSIONS} words: make it more specific"
                )
            yield word


def _check_bound(node: wq.Query, found: set[str]) -> None:
    if len(found) > MAX_EXPANSIONS:
        raise QueryError(f"{node} matches more than {MAX_EXPANSIONS} words: make it more specific")


def _wildcard_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(
        "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    )