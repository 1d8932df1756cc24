"""The paraindex library API: search, get, documents, export, recommendations, similar.

    from search import Paraindex
    library = Paraindex("~/paraindex-index")
    for hit in library.search("deep-sea mining moratorium").hits:
        print(hit.record.citation, hit.snippet)
    print(library.get("A/80/188, para. 59")[0].text)

Every method returns plain values; every failure is a ``ParaindexError``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from indexer.errors import NotFoundError, QueryError
from indexer.ranking import Ranking
from indexer.records import DocumentInfo, Hit, ParagraphRecord, SearchResults
from indexer.recvalues import action_filter, addressee_filter, core_text, recommender_filter
from indexer.store import Filters, Store, body_codes, default_index_dir
from indexer.symbols import (
    is_pattern,
    is_symbol,
    keys_matcher,
    lookup_key,
    match_keys,
    normalise_symbol,
)

from .citation import Citation, looks_like_citation, parse_citation
from .query import correctable_words, corrected, prepare, spelling_text, with_alternatives

FACETS = {"documents": "symbol", "bodies": "body", "addressees": "addressee",
          "actions": "action", "by": "by"}
#: what `paraindex recommendations --facets` counts
RECOMMENDATION_FACETS = ("addressees", "actions", "by", "documents")
#: how much a recommendation outranks a mere mention in `similar` for a recommendation
SIMILAR_RECOMMENDATION_BOOST = 1.5


@dataclass(slots=True)
class Passage:
    """A paragraph returned by ``get``, with the sub-paragraph asked for, if any."""

    record: ParagraphRecord
    subparagraph: str | None = None
    subtext: str | None = None

    @property
    def citation(self) -> str:
        base = self.record.citation
        return f"{base} {self.subparagraph}" if self.subparagraph else base

    def to_dict(self) -> dict[str, object]:
        data = self.record.to_dict()
        data["citation"] = self.citation
        if self.subparagraph:
            data["subparagraph"] = self.subparagraph
            data["subparagraph_text"] = self.subtext
        return data


class Paraindex:
    """An index opened for reading (and, through ``store``, for writing)."""

    def __init__(self, index_dir: str | Path | None = None) -> None:
        self.index_dir = Path(index_dir).expanduser() if index_dir else default_index_dir()
        self.store = Store(self.index_dir)

    # -- documents -----------------------------------------------------------------------
    def documents(self, symbol: str | None = None) -> list[DocumentInfo]:
        """Indexed documents, all or those matching a symbol or pattern ('A/HRC/*').

        The document list and what is derived from it are kept per committed
        generation of the index, so a long-lived library (the web server's) sees
        documents indexed after it was opened.
        """
        if symbol is None:
            return list(self.store.shared("service.documents", self.store.documents))
        if is_pattern(symbol):
            ids = self._ids_matching(symbol)
            found = [d for d in self.documents() if d.doc in ids] if ids else []
        else:  # an exact symbol is a term of the index: no walk over every document
            key = lookup_key(symbol)
            found = self.store.documents_with_key(key) if key else []
        if not found:
            raise NotFoundError(self._unknown_symbol_message(symbol))
        return found

    def _unknown_symbol_message(self, symbol: str) -> str:
        known = [d.symbol for d in self.documents()]
        if not known:
            return "the index is empty: run `paraindex index PATH` first"
        if is_pattern(symbol):
            return f"no indexed document matches {symbol}"
        shown = _display(symbol)
        # 'S/RES/2777' for 'S/RES/2777 (2025)', 'A/80/15' for 'A/80/15 (Part II)': the symbol
        # without what the document prints after it
        extended = [k for k in dict.fromkeys(known) if k.casefold().startswith(
            shown.casefold() + " (")]
        close = extended[:3] or difflib.get_close_matches(shown, known, n=3, cutoff=0.75)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"no document {shown} in the index{hint}"

    def _doc_ids(self, symbol: str | None, language: str | None = None) -> set[str] | None:
        if symbol is None:
            return None
        if is_pattern(symbol):  # matched on the documents' ids: no document record read
            ids = self._ids_matching(symbol)
            if language:
                ids = {d for d in ids if d.rpartition("@")[2] == language}
            if ids:
                return ids
            raise NotFoundError(self._unknown_symbol_message(symbol))
        docs = self.documents(symbol)
        if language:
            docs = [d for d in docs if d.language == language]
        return {d.doc for d in docs}

    def _ids_matching(self, pattern: str) -> set[str]:
        """The ids of the documents whose symbol matches ``pattern``, kept per commit."""
        patterns: dict[str, set[str]] = self.store.shared("service.pattern_ids", dict)
        found = patterns.get(pattern)  # (one read: another thread may clear them)
        if found is None:
            keyed = self.store.shared(  # each id's symbol normalised once per commit
                "service.document_keys",
                lambda: [(match_keys(d.rpartition("@")[0]), d) for d in self.store.document_ids()],
            )
            matches = keys_matcher(pattern)
            if len(patterns) >= 256:
                patterns.clear()
            found = patterns[pattern] = {d for keys, d in keyed if matches(keys)}
        return found

    # -- get -----------------------------------------------------------------------------
    def get(self, citation: str | Citation, language: str | None = None) -> list[Passage]:
        """The paragraph(s) a citation names, in order; ``NotFoundError`` if any is missing."""
        cited = parse_citation(citation) if isinstance(citation, str) else citation
        docs = self.documents(cited.symbol)
        if language:
            docs = [d for d in docs if d.language == language.strip().lower()] or docs
        doc = sorted(docs, key=lambda d: (d.language != "en", d.language))[0]
        if cited.page or cited.label:
            return [Passage(record) for record in self._blocks(doc, cited)]
        passages = []
        fallbacks: list[str] | None = None  # read once, if a bare "annex" misses
        for number in cited.numbers:
            record = self.store.lookup(doc.doc, number, cited.annex)
            if record is None and cited.annex_bare:
                fallbacks = self._bare_annexes(doc, cited) if fallbacks is None else fallbacks
                record = next((found for annex in fallbacks if (
                    found := self.store.lookup(doc.doc, number, annex)) is not None), None)
            if record is None:
                raise NotFoundError(self._unknown_paragraph_message(doc, number, cited.annex))
            passage = Passage(record)
            if cited.subparagraph:
                passage.subparagraph = cited.subparagraph
                passage.subtext = record.subparagraph(cited.subparagraph)
                if passage.subtext is None:
                    labels = ", ".join(label for label, _, _ in record.subparagraphs) or "none"
                    raise NotFoundError(
                        f"{record.citation} has no sub-paragraph {cited.subparagraph} "
                        f"(sub-paragraphs: {labels})"
                    )
            passages.append(passage)
        return passages

    def _bare_annexes(self, doc: DocumentInfo, cited: Citation) -> list[str]:
        """The other annexes an "annex" without a number may mean: those printed without a
        number (a letter's annex and the enclosure after it both print "Annex" or
        "Enclosure", and paraindex cites both as "annex")."""
        return [a for a in dict.fromkeys(
            r.annex for r in self.store.paragraphs(doc.doc) if r.annex and not r.annex_numbered)
            if a != cited.annex]

    def _blocks(self, doc: DocumentInfo, cited: Citation) -> list[ParagraphRecord]:
        """The unnumbered blocks a citation names by page ('S/2025/147, p. 1') or by label
        ('JIU/REP/2025/2, Recommendation 1'), in reading order: what the tool cites them by."""
        blocks = [r for r in self.store.paragraphs(doc.doc) if r.number is None]
        if cited.annex_bare:  # any annex printed without a number (see _bare_annexes)
            blocks = [r for r in blocks
                      if r.annex == cited.annex or (r.annex and not r.annex_numbered)]
        elif cited.annex:
            blocks = [r for r in blocks if r.annex == cited.annex]
        if cited.label:
            wanted = cited.label.casefold()
            found = [r for r in blocks if (r.label or "").casefold() == wanted]
            if not found:
                labels = list(dict.fromkeys(r.label for r in blocks if r.label))
                labels = ", ".join(labels[:12]) + (", …" if len(labels) > 12 else "") or "none"
                raise NotFoundError(f"{doc.symbol} has no block labelled {cited.label!r} "
                                    f"(labels: {labels})")
            return found
        on_page = [r for r in blocks if str(r.page or r.pdf_page) == cited.page]
        if not cited.annex and any(r.annex is None for r in on_page):
            on_page = [r for r in on_page if r.annex is None]
        if not on_page:
            pages = list(dict.fromkeys(str(r.page or r.pdf_page) for r in blocks
                                       if r.page or r.pdf_page))
            listed = ", ".join(pages[:12]) + (", …" if len(pages) > 12 else "")
            shown = (f"blocks on page{'s' if len(pages) > 1 else ''} {listed}" if pages
                     else "no unnumbered blocks: cite its paragraphs by number")
            raise NotFoundError(f"{doc.symbol} has no unnumbered block on page {cited.page} "
                                f"({shown})")
        return on_page

    def _unknown_paragraph_message(self, doc: DocumentInfo, number: str, annex: str | None) -> str:
        where = f"{doc.symbol}" + (f", annex {annex}," if annex else "")
        ranges = []
        for section in doc.sections:
            if section.get("first") and len(section["path"]) == 1:
                label = "annex " + section["annex"] if section.get("annex") else None
                if label:
                    ranges.append(f"{label}: {section['first']}–{section['last']}")
        quality = doc.quality
        body = f"paragraphs {quality.get('first')}–{quality.get('last')}" if quality.get(
            "first") else "no numbered paragraphs"
        extra = f"; {'; '.join(ranges)}" if ranges else ""
        return f"{where} has no paragraph {number} ({body}{extra})"

    # -- search --------------------------------------------------------------------------
    def search(
        self,
        query: str,
        symbol: str | None = None,
        section: str | None = None,
        recommendations: bool = False,
        language: str | None = None,
        limit: int = 10,
        offset: int = 0,
        facets: tuple[str, ...] = (),
        addressee: str | None = None,
        action: str | None = None,
        by: str | None = None,
        ranking: Ranking | None = None,
        status: str | None = None,
    ) -> SearchResults:
        """Ranked paragraphs; a citation typed as the query returns that paragraph, and a
        symbol alone lists that report's paragraphs in order.

        ``ranking`` overrides the default ordering (the evaluation harness uses it).
        """
        if limit < 1:
            raise QueryError("--limit must be at least 1")
        if language:
            language = self.language_code(language)
        if symbol is None and self._is_indexed_symbol(query):
            # a symbol alone is a request for that report, not for the words "A" and "80"
            symbol, query = query.strip(), ""
        if looks_like_citation(query) and symbol is None:
            cited = parse_citation(query)
            try:
                passages = self.get(cited, language)
            except NotFoundError:
                if cited.numbers:
                    raise
                passages = []  # 'A/80/188 recommendation 5' may be words to search for
            if passages:
                hits = [Hit(p.record, 1.0, p.subtext or p.record.text[:240]) for p in passages]
                return SearchResults(hits, len(hits))
        prepared = prepare(query)
        for code in prepared.languages:  # lang:xx finds nothing, silently: say why instead
            self.language_code(code)
        filtered = (symbol, section, recommendations, language, addressee, action, by, status,
                    prepared.symbol_patterns)
        if not re.sub(r'[\s"()]+', "", prepared.text) and not any(filtered):
            # no words and no filter would list every paragraph of the index
            raise QueryError("the query is empty: give words to search for, or a filter "
                             "(symbol, language, section, recommendations) to list paragraphs")
        doc_ids = self._doc_ids(symbol, language)
        for pattern in prepared.symbol_patterns:
            matching = self._doc_ids(pattern) or set()
            doc_ids = matching if doc_ids is None else doc_ids & matching
        filters = Filters(
            doc_ids=doc_ids,
            sections=[section] if section else [],
            recommendations_only=recommendations,
            languages=[language] if language else [],
            addressees=[addressee] if addressee else [],
            actions=[action] if action else [],
            recommenders=[by] if by else [],
            upr_status=status,
            # unnumbered blocks can be recommendations too (a JIU "Recommendation 3" box)
            include_blocks=True,
        )
        fields = tuple(FACETS[name] for name in facets)
        if "bodies" in facets and FACETS["documents"] not in fields:
            fields += (FACETS["documents"],)
        # corrections are read from the query as typed, so that an unclosed quote still
        # protects its phrase and the suggestion keeps the user's syntax and spacing
        corrections = self._corrections(spelling_text(query)) if prepared.text else {}
        text = with_alternatives(prepared.text, corrections)
        results = self.store.search(text, filters, limit, offset, fields, ranking)
        counted = results.facets
        results.facets = {name: counted.get(FACETS[name], {}) for name in facets}
        if "bodies" in facets and not results.facets["bodies"]:
            # the body field is indexed but not stored, so the store cannot count it:
            # count the bodies of the (top 30) documents instead
            results.facets["bodies"] = _bodies_of(counted.get(FACETS["documents"], {}))
        if corrections:  # a misspelt word matches nothing: the hits are the correction's
            results.suggestion = corrected(query.strip(), corrections)
            results.misspelt = list(corrections)
        return results

    def _is_indexed_symbol(self, text: str) -> bool:
        """True when ``text`` is one symbol, of a document in the index (a symbol that is not,
        such as a resolution the reports cite, is searched for as words)."""
        if not (is_symbol(text) or is_symbol(text.upper())):
            return False
        key = lookup_key(text.strip())
        return bool(key and self.store.documents_with_key(key))

    def language_code(self, language: str) -> str:
        """A language code as indexed ('FR' is 'fr'), or ``QueryError`` naming those there are
        (a code no document has would find nothing, silently)."""
        code = language.strip().lower()
        known = self.store.shared(
            "service.languages", lambda: sorted({d.language for d in self.documents()}))
        if known and code not in known:
            raise QueryError(f"no document in language {language!r}: the index holds "
                             f"{', '.join(known)}")
        return code

    def _corrections(self, text: str) -> dict[str, str]:
        """Each word of ``text`` the index has never seen, with its nearest known spelling.

        The search then also looks for that spelling ("did you mean" and a forgiven
        typo at once): an unknown word matches nothing, so this only adds results.
        """
        corrections = {}
        for word in self.store.unknown_words(correctable_words(text)):
            options = self.store.suggest(word, limit=1)
            if options:
                corrections[word] = options[0]
        return corrections

    # -- recommendations -----------------------------------------------------------------
    def recommendations(
        self,
        query: str = "",
        symbol: str | None = None,
        language: str | None = None,
        limit: int = 10,
        offset: int = 0,
        facets: bool = False,
        addressee: str | None = None,
        action: str | None = None,
        by: str | None = None,
        status: str | None = None,
    ) -> SearchResults:
        """Recommendation paragraphs across reports, ranked for ``query`` (all when empty).

        Filters take what people type: ``addressee="business"`` finds "business
        enterprises", ``by="Venezuela"`` the State's UN name, ``action="ratifying"``
        "ratify". ``facets`` counts the matches by addressee, action, recommender and
        document.
        """
        return self.search(
            query, symbol=symbol, recommendations=True, language=language, limit=limit,
            offset=offset, facets=RECOMMENDATION_FACETS if facets else (),
            addressee=addressee_filter(addressee) if addressee else None,
            action=action_filter(action) if action else None,
            by=recommender_filter(by) if by else None,
            status=status,
        )

    # -- more ----------------------------------------------------------------------------
    def similar(self, citation: str | Citation, limit: int = 10) -> list[Hit]:
        """Paragraphs of other reports that say much the same as the cited one, best first.

        A UPR item is compared without the recommending States that end it, so
        that items on the same treaty match rather than lists of the same States;
        for a recommendation, other recommendations rank ahead of mere mentions.
        Never the paragraph itself, nor its copy in a revision or corrigendum of its
        report, and each paragraph once however many revisions carry it.
        """
        record = self.get(citation)[0].record
        probe = replace(record, text=core_text(record.text))
        found = self.store.similar(probe, limit=limit * 3)
        seen = {(_report_family(record.symbol), record.annex, record.number)}
        hits = []
        for hit in found:  # one of each paragraph, whichever revision of its report
            where = (_report_family(hit.record.symbol), hit.record.annex, hit.record.number)
            if hit.record.key != record.key and (where not in seen or hit.record.number is None):
                seen.add(where)
                hits.append(hit)
        if record.is_recommendation:
            hits.sort(key=lambda hit: -hit.score * (SIMILAR_RECOMMENDATION_BOOST
                                                    if hit.record.is_recommendation else 1.0))
        return hits[:limit]

    def export(self, symbol: str | None = None) -> Iterator[ParagraphRecord]:
        """Every paragraph, or those of documents matching ``symbol``, in reading order."""
        docs = self.documents(symbol)
        return self.store.iter_records([d.doc for d in docs])

    def neighbours(self, record: ParagraphRecord) -> tuple[ParagraphRecord | None,
                                                           ParagraphRecord | None]:
        """The numbered paragraphs before and after ``record`` in its document."""
        numbered = self.store.paragraphs(record.doc, numbered_only=True)
        keys = [r.key for r in numbered]
        if record.key not in keys:
            return None, None
        i = keys.index(record.key)
        return (numbered[i - 1] if i > 0 else None,
                numbered[i + 1] if i + 1 < len(numbered) else None)


def _bodies_of(symbol_counts: dict[str, int]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for symbol, count in symbol_counts.items():
        for code in body_codes(symbol):
            counts[code] = counts.get(code, 0) + count
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _report_family(symbol: str) -> str:
    """A symbol without its revision or corrigendum: 'E/CN.6/2025/3/Rev.1' -> 'E/CN.6/2025/3'."""
    return re.sub(r"(?:/(?:Rev|Corr)\.\d+)+$", "", symbol)


def _display(symbol: str) -> str:
    try:
        return normalise_symbol(symbol)
    except ValueError:
        return symbol
