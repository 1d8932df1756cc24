"""The paraindex query language compiled to Whoosh queries, and search filters.

Whoosh's OR-default parser joins everything with OR; here the top level is split
into what scores, what restricts (field clauses, filters) and what excludes.
Wildcard, prefix, fuzzy and range terms are expanded once, within a bound
(``MAX_EXPANSIONS``), against vocabularies read once per opened index.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.qparser import FieldAliasPlugin, GtLtPlugin, MultifieldParser, OrGroup
from whoosh.qparser.plugins import FuzzyTermPlugin, PlusMinusPlugin, WildcardPlugin
from whoosh.spelling import ListCorrector

from .. import schema as f
from ..errors import QueryError
from ..ranking import Ranking

#: most terms a wildcard, prefix or fuzzy term may expand to
MAX_EXPANSIONS = 256
#: names a user may type for a field
FIELD_ALIASES = {
    f.LANGUAGE: ["language", "lang"],
    f.SECTION: ["heading"],
    f.RECOMMENDER: ["by", "recommender"],
}
ENGLISH_FIELDS = {f.TEXT_EN, f.SECTION, f.TITLE}
#: the unstemmed words of the English text (once per document)
SPELLING_FIELD = f.SPELLING
_EXPANDING = (wq.Wildcard, wq.Prefix, wq.FuzzyTerm, wq.Regex, wq.TermRange)


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


@dataclass(slots=True)
class Compiled:
    """A parsed query split into its scored part, its filters and its exclusions."""

    scoring: wq.Query | None
    restriction: wq.Query | None
    excluded: wq.Query | None
    groups: list[frozenset[tuple[str, bytes]]]  # the terms of each scored word or phrase


class QueryCompiler:
    """Compiles query text for one open reader, whose vocabularies it reads once
    (into ``vocabularies``, which the threads reading the same generation may share)."""

    def __init__(
        self, schema: Any, reader: Any, vocabularies: dict[str, list[str]] | None = None
    ) -> None:
        self.schema = schema
        self.reader = reader
        self._vocabularies: dict[str, list[str]] = {} if vocabularies is None else vocabularies

    def parse(self, text: str, ranking: Ranking) -> wq.Query:
        """The whole query as one Whoosh query (for display and tests)."""
        compiled = self.compile(text, ranking)
        parts = [q for q in (compiled.scoring, compiled.restriction) if q is not None]
        query: wq.Query = wq.And(parts) if len(parts) > 1 else (parts[0] if parts else wq.Every())
        if compiled.excluded is not None:
            query = wq.AndNot(query, compiled.excluded)
        return query.normalize()

    def compile(self, text: str, ranking: Ranking) -> Compiled:
        """Parse the query language into what scores, what restricts and what excludes.

        Whoosh's OR-default parser joins everything with OR, so ``lang:fr
        enfant`` would return every French paragraph and ``mining NOT women``
        every paragraph without "women". Here the top-level OR is split:
        field restrictions become filters, negations become a mask, and the
        remaining clauses (one per word or phrase) are scored and counted for
        the coverage of the query.
        """
        if not text.strip():
            return Compiled(None, None, None, [])
        boosts = dict(ranking.field_boosts)
        parser = MultifieldParser(list(boosts), self.schema, fieldboosts=boosts, group=OrGroup)
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
        scoring: list[wq.Query] = []
        required: list[wq.Query] = []
        excluded: list[wq.Query] = []
        emptied: list[bool] = []  # a scored clause that only an expansion left empty
        while isinstance(tree, wq.AndNot):  # "-word" (PlusMinusPlugin)
            excluded.append(self.rewrite(tree.b))
            tree = tree.a
        clauses = tree.subqueries if type(tree) is wq.Or else [tree]
        # each clause is sorted before it is expanded: a restriction that no word meets
        # (``year:[1900 TO 1950]``) still restricts, to nothing
        for clause in clauses:
            if isinstance(clause, wq.Not):
                excluded.append(self.rewrite(clause.query))
            elif is_restriction(clause):
                required.append(self.rewrite(clause))
            else:
                rewritten = self.rewrite(clause)
                emptied.append(rewritten.normalize() is wq.NullQuery
                               and clause.normalize() is not wq.NullQuery)
                scoring.append(rewritten)
        groups = [clause_terms(clause, self.schema) for clause in scoring]
        scored: wq.Query | None = None
        if len(scoring) == 1:
            scored = scoring[0].normalize()
        elif scoring:
            scored = wq.Or(scoring, scale=ranking.coord).normalize()
        # a wildcard or range that no word meets: no hits, not a usage error, and not
        # every paragraph the filters leave
        matches_nothing = scored is wq.NullQuery and any(emptied)
        if scored is wq.NullQuery:
            scored = None
        restriction = wq.And(required).normalize() if required else None
        exclusion = wq.Or(excluded).normalize() if excluded else None
        if matches_nothing:
            return Compiled(None, wq.NullQuery, None, [])
        if scored is None and restriction is None and exclusion is None:
            raise QueryError(
                f"nothing to search for in {text!r}: every word is too common or too short"
            )
        return Compiled(scored, restriction, exclusion, [g for g in groups if g])

    def rewrite(self, tree: wq.Query) -> wq.Query:
        """Expand wildcard, prefix, fuzzy and range terms once, within a bound, into
        plain terms; read a phrase on a field without positions as its words.

        Whoosh would expand each such term again on every use, walking the
        on-disk vocabulary (a fuzzy term took seconds); here vocabularies are read
        once per opened index, and a prefix or wildcard on an English field is
        matched against the words as written ("educat*" finds "education", whose
        stem is "educ"), then stemmed.
        """
        schema = self.schema

        def visit(node: wq.Query) -> wq.Query:
            if isinstance(node, _EXPANDING):
                terms = self.expand(node)
                if not terms:
                    return wq.NullQuery
                return wq.Or([wq.Term(node.fieldname, t, boost=node.boost) for t in terms])
            if isinstance(node, wq.Phrase) and not schema[node.fieldname].format.supports(
                "positions"
            ):
                return wq.And([wq.Term(node.fieldname, w, boost=node.boost) for w in node.words])
            return node if node.is_leaf() else node.apply(visit)

        return visit(tree)

    def expand(self, node: wq.Query) -> list[str]:
        """The indexed terms an expanding query term stands for; ``QueryError`` past the bound."""
        name = node.fieldname
        found: set[str] = set()
        if isinstance(node, (wq.Prefix, wq.Wildcard)) and name in ENGLISH_FIELDS:
            analyzer = self.schema[name].analyzer
            for word in matching(self.vocabulary(SPELLING_FIELD), node):
                found.update(t.text for t in analyzer(word))
                check_bound(node, found)
        if isinstance(node, (wq.Prefix, wq.Wildcard)):
            found.update(matching(self.vocabulary(name), node, len(found)))
        elif isinstance(node, wq.FuzzyTerm):
            vocabulary = self.vocabulary(name)
            if vocabulary:
                found.update(ListCorrector(vocabulary).suggest(
                    node.text, limit=MAX_EXPANSIONS + 1, maxdist=node.maxdist,
                    prefix=node.prefixlength,
                ))
                at = bisect_left(vocabulary, node.text)
                if at < len(vocabulary) and vocabulary[at] == node.text:
                    found.add(node.text)
        else:  # a range or a regular expression: Whoosh's own walk, stopped at the bound
            field_obj = self.schema[name]
            for btext in node._btexts(self.reader):
                found.add(field_obj.from_bytes(btext))
                check_bound(node, found)
        check_bound(node, found)
        return sorted(found)

    def vocabulary(self, name: str) -> list[str]:
        """The sorted terms of a field, read once."""
        if name not in self._vocabularies:
            reader = self.reader
            self._vocabularies[name] = (
                [t.decode("utf-8") for t in reader.lexicon(name)]
                if name in reader.indexed_field_names() else []
            )
        return self._vocabularies[name]


def filter_query(filters: Filters) -> wq.Query | None:
    """The Whoosh query every hit must match for ``filters``; None when nothing is filtered."""
    clauses: list[wq.Query] = []
    if filters.doc_ids is not None:
        clauses.append(
            wq.Or([wq.Term(f.DOC, d) for d in sorted(filters.doc_ids)])
            if filters.doc_ids
            else wq.NullQuery
        )
    for words in filters.sections:
        terms = [t.text for t in f.english_analyzer()(words)]
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


def is_restriction(clause: wq.Query) -> bool:
    """A clause on metadata fields only (``lang:fr``, ``section:…``, ``year:2025``)."""
    fields = {leaf.field() for leaf in clause.leaves()}
    fields.discard(None)
    return bool(fields) and not fields & set(f.TEXT_FIELDS.values())


def clause_terms(clause: wq.Query, schema: Any) -> frozenset[tuple[str, bytes]]:
    """The (field, term) pairs of a scored clause, to count which clauses a hit covers."""
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


def and_all(queries: list[wq.Query | None]) -> wq.Query | None:
    """The AND of the queries present; None when there is none."""
    present = [q for q in queries if q is not None]
    if not present:
        return None
    return present[0] if len(present) == 1 else wq.And(present)


def or_all(queries: list[wq.Query | None]) -> wq.Query:
    """The OR of the queries present (at least one must be)."""
    present = [q for q in queries if q is not None]
    return present[0] if len(present) == 1 else wq.Or(present)


def matching(vocabulary: list[str], node: wq.Query, already: int = 0) -> Iterator[str]:
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


def check_bound(node: wq.Query, found: set[str]) -> None:
    """Refuse an expansion past ``MAX_EXPANSIONS`` terms."""
    if len(found) > MAX_EXPANSIONS:
        raise QueryError(f"{node} matches more than {MAX_EXPANSIONS} words: make it more specific")


def _wildcard_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(
        "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    )
