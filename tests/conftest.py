"""Shared fixtures. Real reports are read from ../shared/ (never copied here).

Where ../shared/ is missing (a newcomer's machine) the tests that need it skip
with a visible reason; CI sets PARAINDEX_REQUIRE_SHARED=1, which turns that
skip into a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARAINDEX_SHARED", ROOT.parent / "shared"))
CORPUS = ROOT / "corpus"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/, or skip (fail in CI) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} not found: the real UN reports of ../shared/ are needed"
        if os.environ.get("PARAINDEX_REQUIRE_SHARED") == "1":
            pytest.fail(message + " (PARAINDEX_REQUIRE_SHARED=1)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    return shared_path("corpus")


@pytest.fixture(scope="session")
def shared_bulk() -> Path:
    return shared_path("bulk")


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Path:
    """An index of the 25 real reports in ../shared/corpus/, built once per session."""
    from indexer.batch import index_paths

    directory = tmp_path_factory.mktemp("real") / "index"
    summary = index_paths(directory, [shared_corpus])
    assert not summary.failed, summary.failed
    return directory


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the bundled sample reports in corpus/."""
    from indexer.batch import index_paths

    directory = tmp_path_factory.mktemp("samples") / "index"
    summary = index_paths(directory, [CORPUS])
    assert not summary.failed, summary.failed
    return directory
