"""The search form: one set of parameters, read the same way by the page and the API.

The page's links (facets, paging, removing a filter) are this form with one
value changed, so every state of the page is a URL that can be shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query

from indexer.errors import QueryError
from indexer.records import SearchResults
from search.query import MAX_QUERY_CHARS
from search.service import Paraindex

MAX_PAGE = 1000
MAX_SIZE = 100
DEFAULT_SIZE = 20
SEARCH_FACETS = ("documents", "bodies", "addressees")
_BODY_RE = re.compile(r"^[a-z][a-z0-9.]{0,19}$")

Text = Annotated[str | None, Query(max_length=200)]


@dataclass(frozen=True, slots=True)
class SearchForm:
    q: str = ""
    symbol: str | None = None
    section: str | None = None
    lang: str | None = None
    recommendations: bool = False
    body: str | None = None
    addressee: str | None = None
    action: str | None = None
    by: str | None = None
    page: int = 1
    size: int = DEFAULT_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    @property
    def blank(self) -> bool:
        """Nothing asked yet: the page shows its introduction, not every paragraph."""
        return not self.q.strip() and not any(
            (self.symbol, self.section, self.lang, self.recommendations, self.body,
             self.addressee, self.action, self.by)
        )

    def query_text(self) -> str:
        """The query the library sees: the box's text, with a body chosen by a facet."""
        if not self.body:
            return self.q
        body = self.body.lower()
        if not _BODY_RE.match(body):
            raise QueryError(f"{self.body!r} is not a UN body code (e.g. hrc, c.12)")
        return f"{self.q} body:{body}".strip()

    def run(self, library: Paraindex, facets: tuple[str, ...] = ()) -> SearchResults:
        return library.search(
            self.query_text(), symbol=self.symbol, section=self.section,
            recommendations=self.recommendations, language=self.lang, limit=self.size,
            offset=self.offset, facets=facets, addressee=self.addressee, action=self.action,
            by=self.by,
        )

    def link(self, **changes: Any) -> str:
        """``/?q=...`` for this form with ``changes``; a change of filter returns to page 1."""
        if "page" not in changes:
            changes["page"] = 1
        changed = replace(self, **changes)
        params: dict[str, Any] = {}
        for spec in fields(changed):
            value = getattr(changed, spec.name)
            default = spec.default
            if value in (None, "", False) or value == default:
                continue
            params[spec.name] = "1" if value is True else value
        return "/?" + urlencode(params) if params else "/"


def _clean(value: str | None) -> str | None:
    """An empty form field means no filter."""
    value = (value or "").strip()
    return value or None


def search_form(
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS,
                            description="The query, in the CLI's query language")] = "",
    symbol: Annotated[str | None, Query(max_length=200,
                                        description="Symbol or pattern: A/HRC/*")] = None,
    section: Annotated[str | None, Query(max_length=200,
                                         description="Words of the section heading")] = None,
    lang: Annotated[str | None, Query(max_length=10, description="en, fr, es, ...")] = None,
    recommendations: Annotated[bool, Query(description="Only recommendations")] = False,
    body: Annotated[str | None, Query(max_length=20, description="Body code: hrc, c.12")] = None,
    addressee: Text = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_SIZE)] = DEFAULT_SIZE,
) -> SearchForm:
    return SearchForm(
        q=q.strip(), symbol=_clean(symbol), section=_clean(section), lang=_clean(lang),
        recommendations=recommendations, body=_clean(body), addressee=_clean(addressee),
        page=page, size=size,
    )


def recommendations_form(
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS,
                            description="Optional query in the CLI's query language")] = "",
    symbol: Annotated[str | None, Query(max_length=200,
                                        description="Symbol or pattern: A/HRC/*")] = None,
    lang: Annotated[str | None, Query(max_length=10)] = None,
    addressee: Annotated[str | None, Query(max_length=200,
                                           description="states, state party, ...")] = None,
    by: Annotated[str | None, Query(max_length=200,
                                    description="Recommending body or State")] = None,
    action: Annotated[str | None, Query(max_length=200,
                                        description="ratify, adopt, ensure, ...")] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_SIZE)] = DEFAULT_SIZE,
) -> SearchForm:
    return SearchForm(
        q=q.strip(), symbol=_clean(symbol), lang=_clean(lang), recommendations=True,
        addressee=_clean(addressee), by=_clean(by), action=_clean(action), page=page, size=size,
    )
