"""Schemathesis against /openapi.json: generated requests to every API operation.

Every response must be no 5xx and must match the description (status code,
content type, headers, JSON schema); requests that break the description
(page=0, size=1000, a missing citation) must be refused. Examples are few, so the module runs in
seconds on the sample index. Schemathesis's pytest loader (``from_fixture``)
fails on pytest 9, so each operation's strategy is drawn with Hypothesis here.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest


def _missing(*modules: str) -> str | None:
    for module in modules:
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed: pip install -e '.[web,test]'"
    return None


MISSING = _missing("fastapi", "schemathesis")
if MISSING and os.environ.get("PARAINDEX_REQUIRE_BROWSER") != "1":
    pytest.skip(MISSING, allow_module_level=True)
if not MISSING:
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2")  # starlette 1.x prefers httpx2
        from search.web import create_app


@pytest.fixture(autouse=True, scope="module")
def _web_extra_needed() -> None:
    if MISSING:  # only in CI (PARAINDEX_REQUIRE_BROWSER=1): fail each test, run the rest
        pytest.fail(f"{MISSING} (PARAINDEX_REQUIRE_BROWSER=1)", pytrace=False)


#: generated cases per API operation
EXAMPLES = 40
OPERATIONS = [
    "GET /api/search",
    "GET /api/recommendations",
    "GET /api/paragraph",
    "GET /api/paragraphs",
    "GET /api/paragraph/{path}",
    "GET /api/similar",
    "GET /api/documents",
]


@pytest.fixture(scope="module")
def api_schema(sample_index: Path) -> schemathesis.schemas.BaseSchema:
    app = create_app(sample_index, allowed_hosts=["localhost", "127.0.0.1", "testserver"])
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations(schema: schemathesis.schemas.BaseSchema) -> dict[str, object]:
    found = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        found[f"{operation.method.upper()} {operation.path}"] = operation
    return found


def test_every_operation_is_fuzzed(api_schema: schemathesis.schemas.BaseSchema) -> None:
    assert sorted(_operations(api_schema)) == sorted(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_api_conforms_to_its_description(api_schema: schemathesis.schemas.BaseSchema,
                                         label: str) -> None:
    operation = _operations(api_schema)[label]

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        # a schema-valid query may still be one the library refuses (400: "every word is
        # too common"), so only the acceptance of valid data is not checked
        case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])

    check()
