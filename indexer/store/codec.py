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
from itertools import accumulate
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.util.numeric import length_to_byte

#: postings lists shorter than this live in the term's entry, with no block of their own
INLINE_LIMIT = 1


def pack(values: Any) -> bytes:
    """Non-negative integers as the bytes of the smallest array type that holds them,
    after a one-byte type code."""
    largest = max(values, default=0)
    code = "B" if largest < 0x100 else "H" if largest < 0x10000 else "I"
    return code.encode() + array(code, values).tobytes()


def unpack(packed: bytes) -> array[int]:
    """The integers ``pack`` wrote."""
    return array(chr(packed[0]), packed[1:])


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
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return PackedLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


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

    def _packed(self) -> bytes:
        """The block's document-number gaps, weights, value lengths and values, each
        part's size in a short header."""
        ids = self._ids
        gaps = pack([b - a for a, b in zip([0, *ids], ids, strict=False)])
        weights = self._weights
        first = weights[0]
        if all(w == first for w in weights):
            packed_weights = b"" if first == 1.0 else b"=" + array("f", [first]).tobytes()
        elif all(w.is_integer() and 0 <= w < 0x10000 for w in weights):
            packed_weights = pack([int(w) for w in weights])
        else:
            packed_weights = b"f" + weights.tobytes()
        values = self._values
        fixedsize = self._format.fixed_value_size()
        lengths = pack([len(v) for v in values]) if fixedsize is None or fixedsize < 0 else b""
        header = pack([len(gaps), len(packed_weights), len(lengths)])
        return header + gaps + packed_weights + lengths + b"".join(values)


class PackedLeafMatcher(W3LeafMatcher):
    """Reads the blocks ``PackedPostingsWriter`` wrote."""

    def _read_data(self) -> None:
        size = self._nextoffset - self._dataoffset
        data = self._postfile.get(self._dataoffset, size)
        if self._compression:
            data = zlib.decompress(data)
        code = chr(data[0])
        end = 1 + 3 * array(code).itemsize
        a, b, c = array(code, data[1:end])
        self._data = (data[end : end + a], data[end + a : end + a + b],
                      data[end + a + b : end + a + b + c], data[end + a + b + c :])

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = list(accumulate(unpack(self._data[0])))

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        weights = self._data[1]
        count = self._blocklength
        if not weights:
            self._weights = array("f", [1.0]) * count
        elif weights[:1] == b"=":
            self._weights = array("f", weights[1:]) * count
        elif weights[:1] == b"f":
            self._weights = array("f", weights[1:])
        else:
            self._weights = array("f", unpack(weights))

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        _, _, lengths, joined = self._data
        fixedsize = self._fixedsize
        if fixedsize is None or fixedsize < 0:
            ends = list(accumulate(unpack(lengths)))
            self._values = [joined[a:b] for a, b in zip([0, *ends], ends, strict=False)]
        elif fixedsize == 0:
            self._values = (None,) * self._blocklength
        else:
            self._values = [joined[i : i + fixedsize] for i in range(0, len(joined), fixedsize)]
