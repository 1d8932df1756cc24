"""Sets of document numbers for filters, as bitmaps built from raw postings.

A filter (a symbol pattern: thousands of documents; recommendations only; a
section word) is the same on many searches. Whoosh would re-walk it as a tree
of union matchers each time, and Python sets of its document numbers cost a
second and 50 bytes a number to build at 1M paragraphs (a pattern's thousands
of document terms, each looked up in every segment). Here a set is a
``bytearray`` with one byte per document number of the generation: built from
each term's postings a block at a time, combined with C-speed operations
(``int.from_bytes``), tested a block at a time (``bytearray.find``) while scoring,
and kept per generation (``DocsetCache``).
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict, deque
from collections.abc import Collection, Iterator
from itertools import compress, repeat
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.filedb.filetables import _lengths as _LENGTHS
from whoosh.idsets import DocIdSet
from whoosh.reading import TermNotFound

from .. import schema as f
from .codec import PackedTermInfo, PackedTermsReader
from .reading import Generation

#: bytes the filter sets of one generation may hold in all (one byte a paragraph: 32
#: filters at 1M paragraphs)
DOCSET_CACHE_BYTES = 32 * 1024 * 1024
#: a filter of more documents than this reads them from the generation's map of document
#: terms (``Builder._documents``), built once; fewer are looked up in every segment
DIRECT_DOCUMENTS = 32
#: W3's term entry (flags, weight, document count, lengths, best weight, first and last
#: document number), read without making a term-info object
_TERM_INFO = W3TermInfo._struct


class DocSet(DocIdSet):
    """Document numbers of one generation, one byte each (1: in the set); never changed
    once made, so the threads reading a generation may share it."""

    def __init__(self, bits: bytearray) -> None:
        self.bits = bits
        self._count: int | None = None
        self._numbers: array[int] | None = None

    @classmethod
    def empty(cls, size: int) -> DocSet:
        return cls(bytearray(size))

    def __len__(self) -> int:
        if self._count is None:
            self._count = self.bits.count(1)
        return self._count

    def __bool__(self) -> bool:
        return self.bits.find(1) != -1

    def __contains__(self, docnum: object) -> bool:
        return isinstance(docnum, int) and 0 <= docnum < len(self.bits) and self.bits[docnum] == 1

    def __iter__(self) -> Iterator[int]:
        return iter(self.numbers())

    def numbers(self) -> array[int]:
        """The document numbers in order (made once: a C loop over every byte)."""
        if self._numbers is None:
            self._numbers = array("I", compress(range(len(self.bits)), self.bits))
        return self._numbers

    def among(self, keys: Collection[int]) -> list[int]:
        """Those of ``keys`` (a dict or a set: it is asked for members) in the set, from
        whichever side is smaller."""
        if len(self) < len(keys):
            return [d for d in self.numbers() if d in keys]
        return list(compress(keys, map(self.bits.__getitem__, keys)))

    def any_between(self, start: int, stop: int) -> bool:
        """Whether a number of ``start <= n < stop`` is in the set (a block of postings
        with none is not read)."""
        return self.bits.find(1, start, stop) != -1

    def _combine(self, other: Any, how: Any) -> DocSet:
        other = other if isinstance(other, DocSet) else self._like(other)
        size = len(self.bits)
        mixed = how(int.from_bytes(self.bits, "little"), int.from_bytes(other.bits, "little"))
        return DocSet(bytearray(mixed.to_bytes(size, "little")))

    def _like(self, numbers: Any) -> DocSet:
        bits = bytearray(len(self.bits))
        _set(bits, numbers)
        return DocSet(bits)

    def __and__(self, other: Any) -> DocSet:
        return self._combine(other, int.__and__)

    def __or__(self, other: Any) -> DocSet:
        return self._combine(other, int.__or__)

    def __sub__(self, other: Any) -> DocSet:
        # bytes of 0 and 1: a - (a & b) never borrows from a neighbouring byte
        return self._combine(other, lambda a, b: a - (a & b))

    def copy(self) -> DocSet:
        return DocSet(bytearray(self.bits))

    def __repr__(self) -> str:
        return f"DocSet({len(self)} of {len(self.bits)})"


def _set(bits: bytearray | memoryview, numbers: Any, value: int = 1) -> None:
    """Set the bytes of ``numbers`` to ``value`` (a C loop: ``map`` over ``__setitem__``,
    drained by a ``deque`` of no length)."""
    deque(map(bits.__setitem__, numbers, repeat(value)), maxlen=0)


class DocsetCache:
    """Document sets of filter queries, kept for one reader's generation, least recently
    used dropped past ``DOCSET_CACHE_BYTES``."""

    def __init__(self, budget: int = DOCSET_CACHE_BYTES) -> None:
        self.budget = budget
        self._sets: OrderedDict[str, DocSet] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()  # shared by the threads reading one generation

    def docs(self, searcher: Any, query: wq.Query, generation: Generation | None = None
             ) -> DocSet:
        """The document numbers ``query`` matches (do not change the set returned)."""
        key = repr(query)
        with self._lock:
            found = self._sets.get(key)
            if found is not None:
                self._sets.move_to_end(key)
                return found
        found = Builder(searcher, generation).docs(query)
        with self._lock:
            size = len(found.bits)
            if size <= self.budget and key not in self._sets:
                self._sets[key] = found
                self._held += size
                while self._held > self.budget:
                    _, dropped = self._sets.popitem(last=False)
                    self._held -= len(dropped.bits)
        return found


def cache_of(generation: Generation | None) -> DocsetCache:
    """The generation's cache of document sets (a throwaway one without a generation)."""
    return generation.shared("docsets", DocsetCache) if generation else DocsetCache()


def docset(generation: Generation | None, searcher: Any, query: wq.Query) -> DocSet:
    """The document numbers of a filter query, from the generation's cache."""
    return cache_of(generation).docs(searcher, query, generation)


class Builder:
    """Builds the document set of a filter query from the reader's raw postings."""

    def __init__(self, searcher: Any, generation: Generation | None) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.generation = generation
        self.size = self.reader.doc_count_all()

    def docs(self, query: wq.Query) -> DocSet:
        """Terms are read from their postings and combined as bitmaps; whatever else
        (a phrase, a range) is left to Whoosh. Deleted documents are never in the set."""
        bits = self._bits(query)
        return DocSet(bits) & self.live()

    def live(self) -> DocSet:
        """Every document number not deleted (per generation)."""

        def make() -> DocSet:
            bits = bytearray(b"\x01") * self.size
            for leaf, offset in self.reader.leaf_readers():
                deleted = getattr(leaf, "deleted_docs_set", ())  # (none in an EmptyReader)
                _set(bits, map(offset.__add__, deleted), 0)
            return DocSet(bits)

        if self.generation is None:
            return make()
        return self.generation.shared("docsets:live", make)

    def _bits(self, query: wq.Query) -> bytearray:
        if type(query) is wq.Term:
            return self._term(bytearray(self.size), query.fieldname, query.text)
        if type(query) is wq.Or and all(type(sub) is wq.Term for sub in query.subqueries):
            bits = bytearray(self.size)
            many = len(query.subqueries) > DIRECT_DOCUMENTS
            for sub in query.subqueries:
                if many and sub.fieldname == f.DOC:  # a symbol pattern's documents
                    self._document(bits, sub.text)
                else:
                    self._term(bits, sub.fieldname, sub.text)
            return bits
        if type(query) is wq.Or:
            parts = [DocSet(self._bits(sub)) for sub in query.subqueries]
            return _fold(parts, DocSet.__or__, self.size)
        if type(query) is wq.And:
            parts = [DocSet(self._bits(sub)) for sub in query.subqueries]
            return _fold(parts, DocSet.__and__, self.size)
        if query is wq.NullQuery:
            return bytearray(self.size)
        if isinstance(query, wq.Not):
            return (self.live() - DocSet(self._bits(query.query))).bits
        bits = bytearray(self.size)
        _set(bits, self.searcher.docs_for_query(query))
        return bits

    def _term(self, bits: bytearray, fieldname: str, text: Any) -> bytearray:
        """Set the bytes of a term's documents in ``bits`` (looked up in every segment)."""
        if fieldname not in self.reader.schema:
            return bits
        field = self.reader.schema[fieldname]
        try:
            btext = field.to_bytes(text)
        except ValueError:  # a value the field cannot encode matches nothing
            return bits
        for leaf, offset in self.reader.leaf_readers():
            terms = getattr(leaf, "_terms", None)
            if terms is None:  # an EmptyReader (an empty index)
                continue
            try:
                info = terms.term_info(fieldname, btext)
            except TermNotFound:
                continue
            _postings(bits, terms, info, field, fieldname, btext, offset)
        return bits

    def _document(self, bits: bytearray, doc: Any) -> None:
        key = doc.encode("utf-8") if isinstance(doc, str) else doc
        for start, stop, numbers in self._documents().get(key, ()):
            if numbers is None:
                bits[start:stop] = b"\x01" * (stop - start)
            else:
                _set(bits, numbers)

    def _documents(self) -> dict[bytes, list[tuple[int, int, Any]]]:
        """Where each document's paragraphs are: (start, stop, None) for a run of numbers
        (a document is written at once, so its paragraphs are neighbours), else the
        numbers; read once per generation from the document terms of every segment
        (looking each of a pattern's thousands of terms up in every segment took a second)."""
        if self.generation is None:
            return documents_map(self.reader)
        return self.generation.shared("docsets:documents", lambda: documents_map(self.reader))


def documents_map(reader: Any) -> dict[bytes, list[tuple[int, int, Any]]]:
    """Each document term's postings, segment by segment (see ``Builder._documents``)."""
    found: dict[bytes, list[tuple[int, int, Any]]] = {}
    field = reader.schema[f.DOC]
    for leaf, offset in reader.leaf_readers():
        terms = getattr(leaf, "_terms", None)
        if terms is None:
            continue
        decode = (PackedTermInfo.from_bytes if isinstance(terms, PackedTermsReader)
                  else W3TermInfo.from_bytes)
        for btext, entry in field_entries(terms, f.DOC):
            if entry[0] == 0:  # W3's entry of postings in a block: its numbers are enough
                _, _, count, _, _, _, low, high = _TERM_INFO.unpack_from(entry)
            else:
                info = decode(entry)
                count, low, high = info.doc_frequency(), info.min_id(), info.max_id()
            if count == high - low + 1:
                piece = (offset + low, offset + high + 1, None)
            else:
                info = decode(entry)
                piece = (0, 0, [offset + d for d in _ids(terms, info, field, f.DOC, btext)])
            found.setdefault(btext, []).append(piece)
    return found


def field_entries(terms: Any, fieldname: str) -> Iterator[tuple[bytes, bytes]]:
    """The (term, entry) pairs of one field of a segment's terms file, read in one piece.

    Whoosh's ``items_from`` reads the lengths, the key and the entry of each term
    apart (three reads of the file a term, 13,000 document terms at 1M paragraphs);
    the terms of a field lie together, between its first key and the next field's.
    """
    table = terms._tindex
    prefix = terms._keycoder(fieldname, b"")
    start = table.closest_key_pos(prefix)
    if start is None:
        return
    number = int.from_bytes(prefix, "big")
    end = table.closest_key_pos((number + 1).to_bytes(len(prefix), "big")) if number < 0xFFFF \
        else None
    data = table.dbfile.get(start, (table.endofdata if end is None else end) - start)
    size, unpack, skip = _LENGTHS.size, _LENGTHS.unpack_from, len(prefix)
    position = 0
    while position < len(data):
        keylength, entrylength = unpack(data, position)
        key = position + size
        if data[key: key + skip] != prefix:  # (never: the next field starts at ``end``)
            return
        entry = key + keylength
        yield data[key + skip: entry], data[entry: entry + entrylength]
        position = entry + entrylength


def _ids(terms: Any, info: Any, field: Any, fieldname: str, btext: bytes) -> list[int]:
    """A term's raw document numbers in one segment (deleted ones too)."""
    postings = terms._codec.postings_reader(terms._postfile, info, field.format,
                                            term=(fieldname, btext))
    ids: list[int] = []
    while postings.is_active():
        postings._read_ids()
        ids.extend(postings._ids)
        postings._next_block()
    return ids


def _postings(bits: bytearray, terms: Any, info: Any, field: Any, fieldname: str,
              btext: bytes, offset: int) -> None:
    """Set the bytes of a term's documents in one segment (a run without reading them)."""
    low, high = info.min_id(), info.max_id()
    if info.doc_frequency() == high - low + 1:
        bits[offset + low: offset + high + 1] = b"\x01" * (high - low + 1)
        return
    with memoryview(bits)[offset:] as segment:  # (numbers in the segment: no additions)
        _set(segment, _ids(terms, info, field, fieldname, btext))


def _fold(parts: list[DocSet], how: Any, size: int) -> bytearray:
    if not parts:
        return bytearray(size)
    result = parts[0]
    for part in parts[1:]:
        result = how(result, part)
    return result.bits
