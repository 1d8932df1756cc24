"""Postings blocks packed as arrays: Whoosh's own codec with a smaller block layout.

Whoosh 3 pickles each block of postings as tuples of Python ints, floats and
bytes: a document number costs two or three bytes, a weight nine, each
position list a pickle of its own. Most terms of a paragraph index are rare,
so most blocks hold one or two postings and that overhead is most of the
postings file. Here a block holds the same three things as bytes of ``array``
values (document-number gaps, whole-number weights, value lengths), in the
smallest array type that fits; they are decoded in C.

Each segment names its codec in the table of contents, so segments written
before stay readable by their own codec, and a merge rewrites them with this
one. A change here changes the on-disk format: bump ``schema.FORMAT_VERSION``.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_right
from itertools import accumulate
from pickle import dumps
from typing import Any

from whoosh import columns
from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldCursor,
    W3FieldWriter,
    W3LeafMatcher,
    W3PerDocReader,
    W3PerDocWriter,
    W3PostingsWriter,
    W3TermInfo,
    W3TermsReader,
    _lenfield,
)
from whoosh.matching import ListMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length, length_to_byte

#: postings lists shorter than this live in the term's entry, with no block of their own
INLINE_LIMIT = 5
#: the first byte of a term entry that holds its postings (Whoosh's own are 0 and 1)
INLINED = 2
#: stored fields compressed together, about this many KB of them at a time (six or seven
#: paragraphs): a paragraph's text shares its words with its neighbours' (a third smaller
#: than one record at a time), and a block still decompresses in under 10 microseconds
STORED_BLOCK_KB = 4
STORED_BLOCK_LEVEL = 6


def pack(values: Any) -> bytes:
    """Non-negative integers as the bytes of the smallest array type that holds them,
    after a one-byte type code."""
    largest = max(values, default=0)
    code = "B" if largest < 0x100 else "H" if largest < 0x10000 else "I"
    return code.encode() + array(code, values).tobytes()


def unpack(packed: bytes) -> array[int]:
    """The integers ``pack`` wrote."""
    return array(chr(packed[0]), packed[1:])


def pack_postings(ids: Any, weights: Any, values: list[bytes], fixedsize: int | None) -> bytes:
    """Postings as bytes: document-number gaps, weights (none when all 1.0, one when all
    equal, whole numbers packed, else floats), value lengths and values, after a short
    header with each part's size."""
    gaps = pack([b - a for a, b in zip([0, *ids], ids, strict=False)])
    first = weights[0]
    if all(w == first for w in weights):
        packed_weights = b"" if first == 1.0 else b"=" + array("f", [first]).tobytes()
    elif all(float(w).is_integer() and 0 <= w < 0x10000 for w in weights):
        packed_weights = pack([int(w) for w in weights])
    else:
        packed_weights = b"f" + array("f", weights).tobytes()
    lengths = pack([len(v) for v in values]) if fixedsize is None or fixedsize < 0 else b""
    header = pack([len(gaps), len(packed_weights), len(lengths)])
    return header + gaps + packed_weights + lengths + b"".join(values)


def split_postings(data: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """The four parts ``pack_postings`` joined, still packed."""
    code = chr(data[0])
    end = 1 + 3 * array(code).itemsize
    a, b, c = array(code, data[1:end])
    return (data[end : end + a], data[end + a : end + a + b],
            data[end + a + b : end + a + b + c], data[end + a + b + c :])


def unpack_ids(gaps: bytes) -> list[int]:
    return list(accumulate(unpack(gaps)))


def unpack_weights(weights: bytes, count: int) -> array[float]:
    if not weights:
        return array("f", [1.0]) * count
    if weights[:1] == b"=":
        return array("f", weights[1:]) * count
    if weights[:1] == b"f":
        return array("f", weights[1:])
    return array("f", unpack(weights))


def unpack_values(lengths: bytes, joined: bytes, count: int,
                  fixedsize: int | None) -> Any:
    if fixedsize is None or fixedsize < 0:
        ends = list(accumulate(unpack(lengths)))
        return [joined[a:b] for a, b in zip([0, *ends], ends, strict=False)]
    if fixedsize == 0:
        return [b""] * count
    return [joined[i : i + fixedsize] for i in range(0, len(joined), fixedsize)]


class PackedCodec(W3Codec):
    """Whoosh's W3 codec with postings blocks packed as arrays (see the module)."""

    def __init__(self, blocklimit: int = 128, compression: int = 3,
                 inlinelimit: int = INLINE_LIMIT) -> None:
        super().__init__(blocklimit, compression, inlinelimit)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        if byteids:  # term vectors (not used here) keep Whoosh's layout
            return super().postings_writer(dbfile, byteids)
        return PackedPostingsWriter(
            dbfile, blocklimit=self._blocklimit, compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None,
                        scorer: Any = None) -> Any:
        if isinstance(terminfo, PackedTermInfo) and terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings(format_.fixed_value_size())
            return InlineMatcher(ids, weights, values, format_, scorer=scorer, term=term,
                                 terminfo=terminfo)
        offset, length = terminfo.extent()
        return PackedLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)

    def field_writer(self, storage: Any, segment: Any) -> Any:
        return PackedFieldWriter(self, storage, segment)

    def per_document_writer(self, storage: Any, segment: Any) -> Any:
        return BlockStoredWriter(self, storage, segment)

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return BlockStoredReader(storage, segment)

    def terms_reader(self, storage: Any, segment: Any) -> Any:
        name = segment.make_filename(self.TERMS_EXT)
        return PackedTermsReader(self, storage.open_file(name), storage.file_length(name),
                                 segment.open_file(storage, self.POSTS_EXT))


class PackedPostingsWriter(W3PostingsWriter):
    """Writes each block's postings as packed arrays instead of a pickled tuple."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        databytes = self._packed()
        comp = self._compression if len(databytes) >= COMPRESSION_MIN_SIZE else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = dumps(
            (len(ids), ids[-1], self._maxweight, comp, length_to_byte(self._minlength),
             length_to_byte(self._maxlength)),
            2,
        )
        length = len(infobytes) + len(databytes)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()

    def add_posting(self, id_: int, weight: float, vbytes: bytes,
                    length: int | None = None) -> None:
        """Whoosh's ``add_posting`` without its four type assertions a posting (a tenth of
        the commit's time): postings come from Whoosh's own pool, already checked."""
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)
        if length:
            if self._minlength is None or length < self._minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length

    def _packed(self) -> bytes:
        return pack_postings(self._ids, self._weights, self._values,
                             self._format.fixed_value_size())

    def finish_postings(self) -> Any:
        """Short postings lists go into the term's entry (``PackedTermInfo``)."""
        terminfo = self._terminfo
        if not self.written() and len(self) < self._inlinelimit:
            terminfo.add_block(self)
            terminfo.inline(self._packed())
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class PackedLeafMatcher(W3LeafMatcher):
    """Reads the blocks ``PackedPostingsWriter`` wrote."""

    def _read_data(self) -> None:
        data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        if self._compression:
            data = zlib.decompress(data)
        self._data = split_postings(data)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = unpack_ids(self._data[0])

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        self._weights = unpack_weights(self._data[1], self._blocklength)

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        if self._fixedsize == 0:
            self._values = (None,) * self._blocklength  # as Whoosh's own reader
        else:
            self._values = unpack_values(self._data[2], self._data[3], self._blocklength,
                                         self._fixedsize)


class InlineMatcher(ListMatcher):
    """The postings kept in a term's entry, also readable a block at a time the way
    ``accumulate`` reads Whoosh's leaf matchers (``_read_ids``, ``_read_weights``,
    ``_ids``, ``_weights``, ``_next_block``): they are one block."""

    def _read_ids(self) -> None:
        pass  # ``_ids`` is the list given

    def _read_weights(self) -> None:
        pass  # ``_weights`` is the array given

    def _next_block(self) -> None:
        self._i = len(self._ids)


class PackedTermInfo(W3TermInfo):
    """W3's term entry; a short postings list is kept in it, packed (``pack_postings``),
    instead of a block of the postings file (whose own header, about 40 bytes, was most
    of a rare term's cost)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._packed: bytes | None = None

    def inline(self, packed: bytes) -> None:
        self._packed = packed

    def is_inlined(self) -> bool:
        return self._packed is not None

    def inlined_postings(self, fixedsize: int | None = None) -> tuple[Any, Any, Any]:
        assert self._packed is not None
        gaps, weights, lengths, joined = split_postings(self._packed)
        ids = unpack_ids(gaps)
        count = len(ids)
        return (ids, unpack_weights(weights, count),
                unpack_values(lengths, joined, count, fixedsize))

    def to_bytes(self) -> bytes:
        if self._packed is None:
            return super().to_bytes()
        # the statistics Whoosh keeps in 23 bytes follow from the postings, but the
        # shortest and longest field lengths (block quality)
        minlength = 0 if self._minlength is None else length_to_byte(self._minlength)
        return bytes([INLINED, minlength, length_to_byte(self._maxlength)]) + self._packed

    @classmethod
    def from_bytes(cls, s: bytes) -> PackedTermInfo:
        terminfo = cls()
        if s[0] != INLINED:
            terminfo.__dict__.update(W3TermInfo.from_bytes(s).__dict__)
            terminfo._packed = None
            return terminfo
        terminfo._packed = s[3:]
        ids, weights, _ = terminfo.inlined_postings(0)
        terminfo._weight, terminfo._df = sum(weights), len(ids)
        terminfo._maxweight, terminfo._minid, terminfo._maxid = max(weights), ids[0], ids[-1]
        terminfo._minlength, terminfo._maxlength = byte_to_length(s[1]), byte_to_length(s[2])
        return terminfo


class PackedFieldWriter(W3FieldWriter):
    """W3's term writer, with ``PackedTermInfo`` entries."""

    def start_term(self, btext: bytes) -> None:
        if self._postwriter is None:
            raise Exception("Called start_term before start_field")
        self._btext = btext
        self._postwriter.start_postings(self._fieldobj.format, PackedTermInfo())


class PackedFieldCursor(W3FieldCursor):
    def term_info(self) -> Any:
        if self._pos is None:
            return None
        return PackedTermInfo.from_bytes(self._tindex.dbfile.get(self._datapos, self._datalen))


class PackedTermsReader(W3TermsReader):
    """W3's term reader, with ``PackedTermInfo`` entries."""

    def cursor(self, fieldname: str, fieldobj: Any) -> Any:
        return PackedFieldCursor(self._tindex, fieldname, self._keycoder, self._keydecoder,
                                 fieldobj)

    def items(self) -> Any:
        decode = self._keydecoder
        return ((decode(k), PackedTermInfo.from_bytes(v)) for k, v in self._tindex.items())

    def items_from(self, fieldname: str, prefix: bytes) -> Any:
        decode = self._keydecoder
        return ((decode(k), PackedTermInfo.from_bytes(v))
                for k, v in self._tindex.items_from(self._keycoder(fieldname, prefix)))

    def term_info(self, fieldname: str, tbytes: bytes) -> Any:
        try:
            return PackedTermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)])
        except KeyError:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}") from None

    # Whoosh reads these two at fixed offsets of its own entries; KeyError when not found
    def frequency(self, fieldname: str, tbytes: bytes) -> float:
        entry = self._tindex[self._keycoder(fieldname, tbytes)]
        return PackedTermInfo.from_bytes(entry).weight()

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        entry = self._tindex[self._keycoder(fieldname, tbytes)]
        return PackedTermInfo.from_bytes(entry).doc_frequency()


class BlockColumn(columns.Column):
    """Byte values compressed a block at a time, with the blocks' first document numbers
    and offsets in an index at the end, read in one go (Whoosh's ``CompressedBlockColumn``
    unpickles a header per block when it opens, and rebuilds a dict per read)."""

    def __init__(self, blocksize: int = STORED_BLOCK_KB * 1024,
                 level: int = STORED_BLOCK_LEVEL) -> None:
        self._blocksize = blocksize
        self._level = level

    def writer(self, dbfile: Any) -> BlockColumnWriter:
        return BlockColumnWriter(dbfile, self._blocksize, self._level)

    def reader(self, dbfile: Any, basepos: int, length: int, doccount: int) -> Any:
        return BlockColumnReader(dbfile, basepos, length, doccount)


class BlockColumnWriter(columns.ColumnWriter):
    def __init__(self, dbfile: Any, blocksize: int, level: int) -> None:
        super().__init__(dbfile)
        self._blocksize, self._level = blocksize, level
        self._docs: list[int] = []
        self._values: list[bytes] = []
        self._size = self._written = 0
        self._starts, self._offsets = array("I"), array("Q")

    def add(self, docnum: int, value: bytes) -> None:
        self._docs.append(docnum)
        self._values.append(value)
        self._size += len(value)
        if self._size >= self._blocksize:
            self._emit()

    def _emit(self) -> None:
        if not self._docs:
            return
        header = pack([len(self._docs), *self._docs, *(len(v) for v in self._values)])
        block = zlib.compress(header + b"".join(self._values), self._level)
        self._starts.append(self._docs[0])
        self._offsets.append(self._written)
        self._dbfile.write(block)
        self._written += len(block)
        self._docs, self._values, self._size = [], [], 0

    def finish(self, doccount: int) -> None:
        self._emit()
        self._offsets.append(self._written)  # the end of the last block
        self._dbfile.write(self._starts.tobytes() + self._offsets.tobytes())
        self._dbfile.write(array("I", [len(self._starts)]).tobytes())


class BlockColumnReader(columns.ColumnReader):
    def __init__(self, dbfile: Any, basepos: int, length: int, doccount: int) -> None:
        super().__init__(dbfile, basepos, length, doccount)
        (count,) = array("I", dbfile.get(basepos + length - 4, 4))
        index = dbfile.get(basepos + length - 4 - count * 4 - (count + 1) * 8,
                           count * 4 + (count + 1) * 8)
        self._starts = array("I", index[: count * 4]).tolist()
        self._offsets = array("Q", index[count * 4 :]).tolist()
        #: the last block read, as (its number, its values by document): neighbours come
        #: together; one tuple, replaced whole, so a reader shared by threads stays right
        self._last: tuple[int, dict[int, bytes]] = (-1, {})

    def __getitem__(self, docnum: int) -> bytes:
        block = bisect_right(self._starts, docnum) - 1
        if block < 0:
            return b""
        last = self._last
        if block != last[0]:
            start, end = self._offsets[block], self._offsets[block + 1]
            data = zlib.decompress(self._dbfile.get(self._basepos + start, end - start))
            code = chr(data[0])
            size = array(code).itemsize
            count = array(code, data[1 : 1 + size])[0]
            numbers = array(code, data[1 + size : 1 + size + 2 * count * size])
            ends = list(accumulate(numbers[count:], initial=1 + size + 2 * count * size))
            last = (block, {doc: data[a:b] for doc, a, b in
                            zip(numbers[:count], ends, ends[1:], strict=False)})
            self._last = last
        return last[1].get(docnum, b"")

    def __iter__(self) -> Any:
        return (self[docnum] for docnum in range(self._doccount))


STORED_BLOCKS = columns.PickleColumn(BlockColumn())


class BlockStoredWriter(W3PerDocWriter):
    """W3's per-document writer, with the stored fields in compressed blocks
    (``STORED_BLOCKS``) instead of one compressed value per document."""

    def _create_column(self, fieldname: str, column: Any) -> None:
        super()._create_column(fieldname, STORED_BLOCKS if fieldname == "_stored" else column)


class BlockStoredReader(W3PerDocReader):
    """Reads the stored fields ``BlockStoredWriter`` wrote."""

    def doc_field_length_reader(self, fieldname: str, default: int = 0) -> Any:
        """The field lengths of the whole segment read once into a list: a commit asks
        for one for every posting it writes (a tenth of its time, one column read each)."""
        reader = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if reader is None:
            return super().doc_field_length_reader(fieldname, default)
        table = [byte_to_length(b) if b else None for b in reader]
        return table.__getitem__

    def stored_fields(self, docnum: int) -> dict[str, Any]:
        reader = self._cached_reader("_stored", STORED_BLOCKS)
        return (reader[docnum] if reader is not None else None) or {}
