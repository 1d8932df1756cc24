"""The `paraindex` command: a thin click layer over the library.

Each command checks its input, calls ``Paraindex`` or ``index_paths``, and turns
the library's named exceptions into one-line errors: a bad query or citation
is a usage error (exit 2), anything else that fails, or finds nothing, exits 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from indexer.batch import BatchSummary, index_paths
from indexer.errors import NotFoundError, ParaindexError, QueryError
from indexer.store import default_index_dir
from indexer.workers import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT

from . import output
from .citation import looks_like_citation, split_symbol
from .progress import make_progress
from .service import Paraindex

F = TypeVar("F", bound=Callable[..., Any])


class InputError(click.ClickException):
    """A query or citation the library refused: one line naming it, exit 2 (a usage error,
    without click's usage text, which is about options and arguments)."""

    exit_code = 2


#: how much of a long query or citation an error message quotes
_QUOTED_CHARS = 60


def input_error(message: str, given: str | tuple[str, ...] | None) -> InputError:
    """The one-line error for a refused input, which names the input when the message
    does not already."""
    pieces = [given] if isinstance(given, str) else list(given or ())
    text = " ".join(pieces).strip()
    # (several citations: the message names the one at fault)
    if text and not any(p.strip() and p.strip() in message for p in [text, *pieces]):
        shown = text if len(text) <= _QUOTED_CHARS else text[:_QUOTED_CHARS] + "…"
        message = f"{shown!r}: {message}"
    return InputError(message)


def refusal(error: ParaindexError, given: str | tuple[str, ...] | None) -> click.ClickException:
    """The one-line error for a library exception: a refused input (exit 2) names it."""
    if isinstance(error, QueryError):
        return input_error(str(error), given)
    return click.ClickException(str(error))


def friendly_errors(command: F) -> F:
    """Map library exceptions to click's exit codes, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ParaindexError as error:
            raise refusal(error, kwargs.get("query", kwargs.get("citation"))) from None
        except BrokenPipeError:
            sys.stderr.close()  # `paraindex export | head`: the reader left, not an error
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def format_option(
    choices: Iterable[str] = output.FORMATS, default: str = "text"
) -> Callable[[F], F]:
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
        help="Output format.",
    )


def _index_dir(ctx: click.Context) -> Path:
    return ctx.obj["index_dir"]


def _open(ctx: click.Context) -> Paraindex:
    return Paraindex(_index_dir(ctx))


def _color() -> bool:
    return sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--index", "index_dir", envvar="PARAINDEX_INDEX", type=click.Path(file_okay=False),
    help="Index directory [env: PARAINDEX_INDEX; default: your user data directory].",
)
@click.version_option(package_name="paraindex")
@click.pass_context
def cli(ctx: click.Context, index_dir: str | None) -> None:
    """Search UN reports paragraph by paragraph, and cite them exactly."""
    ctx.ensure_object(dict)
    ctx.obj["index_dir"] = Path(index_dir).expanduser() if index_dir else default_index_dir()


@cli.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Extraction worker processes [default: number of cores].")
@click.option("--batch-size", type=click.IntRange(1, 10000), default=50, show_default=True,
              help="Documents per commit: an interruption loses at most one batch.")
@click.option("--prune", is_flag=True, help="Remove documents whose files are gone.")
@click.option("--rebuild", is_flag=True,
              help="Build a fresh index beside the old one and swap it in when complete.")
@click.option("--report", type=click.Path(dir_okay=False),
              help="Write a JSON report of the run (failures with path and reason).")
@click.option("--timeout", type=click.FloatRange(1, 86400), default=DEFAULT_TIME_LIMIT,
              show_default=True, help="Seconds one file may take before it is given up.")
@click.option("--memory", type=click.IntRange(0, 1 << 20), default=DEFAULT_MEMORY_MB,
              show_default=True, help="Memory (MB of address space) per worker; 0: no limit.")
@click.option("--wait", type=click.FloatRange(0, None), default=0, show_default=True,
              help="Seconds to wait for another run on the same index before giving up.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, only the summary and errors.")
@click.pass_context
@friendly_errors
def index_command(ctx: click.Context, paths: tuple[str, ...], jobs: int | None, batch_size: int,
                  prune: bool, rebuild: bool, report: str | None, timeout: float, memory: int,
                  wait: float, quiet: bool) -> None:
    """Index PDF, DOCX, HTML and text files, and folders of them (recursively).

    Files already indexed with the same content are skipped; a changed file
    replaces its old paragraphs. Each file is extracted in a worker process
    with limits on time and memory; a file that fails is reported with a
    reason and the run goes on. Exits 1 when any file could not be indexed,
    or when PATHS hold no report at all.

    \b
    Example:
      paraindex index ~/reports/ A_57_292.pdf
      paraindex index ~/reports/ --prune --report run.json
    """
    progress = make_progress(quiet=quiet)
    try:
        with progress:
            summary = index_paths(
                _index_dir(ctx), list(paths), batch_size=batch_size,
                progress=progress.callbacks, prune=prune, jobs=jobs, rebuild=rebuild,
                time_limit=timeout, memory_mb=memory, lock_wait=wait,
            )
    except KeyboardInterrupt:
        click.echo("interrupted: the index holds every batch committed so far; run the same "
                   "command again to index the rest", err=True)
        sys.exit(130)
    if report:
        summary.write_report(report)
    if not summary.files:
        # an empty folder, or one of Markdown notes: nothing was looked at, which is no success
        # (with --prune the run still prunes, which may be all it was for)
        click.echo(f"no reports found under {', '.join(paths)} (PDF, DOCX, HTML or text "
                   "files)", err=True)
        if not prune:
            sys.exit(1)
    _print_summary(summary, _index_dir(ctx), report)
    if summary.failed:
        sys.exit(1)


#: warnings printed before the rest are left to --report
_SHOWN_WARNINGS = 10


def _print_summary(summary: BatchSummary, index_dir: Path, report: str | None = None) -> None:
    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    action = "Rebuilt the index with" if summary.rebuilt else "Indexed"
    click.echo(
        f"{action} {summary.indexed + summary.updated} document(s) ({summary.indexed} new, "
        f"{summary.updated} updated): {output.plural(summary.paragraphs, 'paragraph')}, "
        f"{output.plural(summary.pages, 'page')} "
        f"in {summary.seconds:.1f} s ({rate:.0f} pages/s); skipped {summary.skipped} unchanged; "
        f"{len(summary.duplicates)} duplicate(s); {len(summary.conflicts)} conflict(s); "
        f"{len(summary.failed)} failed. Index: {index_dir}"
    )
    for note in summary.duplicates:
        click.echo(f"duplicate: {note.path}: {note.reason}")
    for note in summary.conflicts:
        click.echo(f"conflict: {note.path}: {note.reason}")
    for note in summary.warnings[:_SHOWN_WARNINGS]:
        click.echo(f"warning: {note.path}: {note.reason}")
    if len(summary.warnings) > _SHOWN_WARNINGS:
        where = f"in {report}" if report else "with --report FILE"
        click.echo(f"… {len(summary.warnings) - _SHOWN_WARNINGS} more warning(s) {where}")
    for line in summary.languages:
        click.echo(f"languages: {line}")
    for line in summary.pruned:
        click.echo(f"pruned: {line}")
    if summary.unsure:
        click.echo(f"not pruned: {len(summary.unsure)} document(s) indexed by a relative path "
                   "(by an older version) cannot be checked from here; index their files again "
                   "or use --rebuild to store absolute paths", err=True)
        for line in summary.unsure[:_SHOWN_WARNINGS]:
            click.echo(f"not pruned: {line}", err=True)
    for failure in summary.failed:
        click.echo(f"failed: {failure.path}: {failure.reason}", err=True)


def _search_options(command: F) -> F:
    command = click.option("--symbol", "-s", help="Only documents with this symbol or pattern "
                           "(A/HRC/*, */Add.1).")(command)
    command = click.option("--lang", "language", help="Only documents in this language (en, fr, "
                           "es, ...).")(command)
    command = click.option("--limit", "-n", type=click.IntRange(1, 1000), default=10,
                           show_default=True, help="Number of results.")(command)
    command = click.option("--offset", type=click.IntRange(0, 100000), default=0,
                           help="Skip this many results (paging).")(command)
    return command


def correction_note(results: Any) -> str | None:
    """'Showing results for renewable energy (no paragraph matches renewabel enrgy)': the
    hits of a misspelt query are those of its correction, and the user must see it."""
    if not results.suggestion or not results.hits:
        return None
    misspelt = " ".join(getattr(results, "misspelt", [])) or "the query as typed"
    return f"Showing results for {results.suggestion} (no paragraph matches {misspelt})"


def _language(library: Paraindex, language: str | None) -> str | None:
    """--lang as indexed ('FR' is 'fr'); a code no document has is a usage error that lists
    the languages there are."""
    if language is None:
        return None
    try:
        return library.language_code(language)
    except QueryError as error:
        raise click.BadParameter(str(error), param_hint="'--lang'") from None


def _print_results(results: Any, fmt: str, offset: int = 0) -> None:
    rows = [hit.to_dict() for hit in results.hits]
    note = correction_note(results)
    if fmt == "json":
        payload: dict[str, Any] = {
            "total": results.total,
            "total_estimated": getattr(results, "total_estimated", False),
            "hits": rows,
        }
        if results.facets:
            payload["facets"] = results.facets
        if results.suggestion:
            # the hits are for the corrected query (a misspelt word matches nothing)
            payload["corrected_query"] = results.suggestion
            payload["misspelt"] = getattr(results, "misspelt", [])
            payload["did_you_mean"] = results.suggestion
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for line in output.as_jsonl(rows):
            click.echo(line)
    elif fmt == "csv":
        for chunk in output.as_csv(rows, [*output.CSV_FIELDS[:1], "score", "snippet",
                                          *output.CSV_FIELDS[1:]]):
            click.echo(chunk, nl=False)
    else:
        if note:
            click.echo(note + "\n")
        if results.facets:
            for name, counts in results.facets.items():
                shown = ", ".join(f"{value} ({count})" for value, count in counts.items())
                click.echo(f"{name}: {shown or '—'}")
            click.echo("")
        if results.hits:
            click.echo(output.hits_text(results.hits, _color(), offset))
            more = results.total - offset - len(results.hits)
            if more > 0:
                about = "about " if getattr(results, "total_estimated", False) else ""
                click.echo(f"\n… {about}{more:,} more (use --offset {offset + len(results.hits)})")
    if note and fmt in ("jsonl", "csv"):
        click.echo(note, err=True)
    if not results.hits:
        if offset and results.total:
            about = "about " if getattr(results, "total_estimated", False) else ""
            raise click.ClickException(f"no more results ({about}{results.total:,} in all)")
        hint = f"; did you mean {results.suggestion}?" if results.suggestion else ""
        raise click.ClickException(f"no paragraph matches the query{hint}")


@cli.command()
@click.argument("query")
@_search_options
@click.option("--section", help="Only paragraphs under a heading with these words.")
@click.option("--recommendations", "-r", is_flag=True, help="Only recommendation paragraphs.")
@format_option()
@click.pass_context
@friendly_errors
def search(ctx: click.Context, query: str, symbol: str | None, language: str | None, limit: int,
           offset: int, section: str | None, recommendations: bool, fmt: str) -> None:
    """Ranked paragraphs for QUERY, with citation, page, section and snippet.

    \b
    The query language: words (all preferred, none required), "exact phrases",
    AND / OR / NOT, (grouping), and fields: symbol:A/HRC/*, section:recommendations,
    lang:fr, year:2025, body:HRC. A citation ("A/57/292 para 69") shows that paragraph.

    \b
    Example:
      paraindex search "migrant domestic workers" --symbol 'A/*' --limit 5
    """
    library = _open(ctx)
    language = _language(library, language)
    results = library.search(query, symbol=symbol, section=section,
                             recommendations=recommendations, language=language, limit=limit,
                             offset=offset)
    _print_results(results, fmt, offset)


@cli.command()
@click.argument("citation", nargs=-1, required=True)
@click.option("--lang", "language", help="The language version to show (default: English).")
@format_option()
@click.pass_context
@friendly_errors
def get(ctx: click.Context, citation: tuple[str, ...], language: str | None, fmt: str) -> None:
    """Show the paragraph(s) a CITATION names, in full; several citations each open with
    a symbol. Of several, those found are shown and each one missing is named.

    \b
    Accepts what people write, and the citations paraindex prints:
      paraindex get "A/57/292, para. 69"
      paraindex get A/57/292 paras. 69-71
      paraindex get "A/80/188, paras 70 and 71" "A/80/188 paras. 70-72, 75"
      paraindex get "A/57/292 69 (a)"   (or 69 a, 69.a)
      paraindex get "A/79/352 annex I para 3"
      paraindex get A/HRC/59/15 140.12
      paraindex get "S/2025/147, p. 1"   (the unnumbered blocks of a page)
      paraindex get "JIU/REP/2025/2, Recommendation 1"
      paraindex get "A/80/188 72" "A/80/188 73"
    """
    library = _open(ctx)
    cited = citations(citation)
    passages, refused = [], []
    for one in cited:
        try:
            passages.extend(library.get(one, language))
        except (QueryError, NotFoundError) as error:
            if len(cited) == 1:
                raise
            refused.append(refusal(error, one))
    rows = [p.to_dict() for p in passages]
    if rows:  # several citations, or one naming several paragraphs: a list in JSON
        _show_passages(rows, fmt, as_list=len(rows) > 1 or len(cited) > 1)
    for error in refused:  # the citations found are shown; each one refused is named
        error.show()
    if refused:
        ctx.exit(max(error.exit_code for error in refused))


def _show_passages(rows: list[dict[str, Any]], fmt: str, as_list: bool) -> None:
    if fmt == "json":
        click.echo(output.as_json(rows) if as_list else
                   json.dumps(rows[0], ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for line in output.as_jsonl(rows):
            click.echo(line)
    elif fmt == "csv":
        for chunk in output.as_csv(rows):
            click.echo(chunk, nl=False)
    else:
        click.echo("\n\n".join(output.passage_text(row, _color()) for row in rows))


def citations(words: tuple[str, ...]) -> list[str]:
    """The citations of `get`'s arguments: one citation split by the shell
    (`get A/57/292 paras. 69-71`), or several, each opening with a symbol
    (`get "A/80/188 72" "A/80/188 73"`)."""
    whole = " ".join(words)
    starts = [i for i, word in enumerate(words) if i == 0 or split_symbol(word) is not None]
    if len(starts) < 2 or looks_like_citation(whole):
        return [whole]
    return [" ".join(words[a:b]) for a, b in zip(starts, [*starts[1:], len(words)], strict=True)]


@cli.command()
@click.argument("symbol", required=False)
@click.option("--problems", is_flag=True, help="Only documents whose quality report flags "
              "something.")
@format_option(("text", "json", "jsonl"))
@click.pass_context
@friendly_errors
def docs(ctx: click.Context, symbol: str | None, problems: bool, fmt: str) -> None:
    """List indexed documents with paragraph counts and extraction quality.

    \b
    Example:
      paraindex docs --problems
      paraindex docs 'A/HRC/*' --format json
    """
    library = _open(ctx)
    documents = library.documents(symbol)
    if problems:
        documents = [d for d in documents if not d.quality.get("ok", True)]
    rows = [output.document_row(d) for d in documents]
    if fmt == "json":
        click.echo(output.as_json(rows))
    elif fmt == "jsonl":
        for line in output.as_jsonl(rows):
            click.echo(line)
    elif documents:
        click.echo(output.documents_text(documents, _color()))
        flagged = sum(1 for d in documents if not d.quality.get("ok", True))
        click.echo(f"\n{len(documents)} document(s); {flagged} with quality warnings")
    else:
        click.echo("No documents." if not problems else "No document has quality warnings.")


@cli.command()
@click.option("--symbol", "-s", help="Only documents with this symbol or pattern.")
@format_option(("jsonl", "csv", "json"), default="jsonl")
@click.option("--output", "-o", "output_file", type=click.File("w", encoding="utf-8"),
              default="-", help="Write to this file instead of standard output.")
@click.pass_context
@friendly_errors
def export(ctx: click.Context, symbol: str | None, fmt: str, output_file: Any) -> None:
    """Every paragraph (or those of --symbol) as JSON Lines, CSV or JSON.

    \b
    Example:
      paraindex export --symbol 'A/HRC/*' --format csv -o hrc.csv
    """
    library = _open(ctx)
    rows = (record.to_dict() for record in library.export(symbol))
    if fmt == "json":
        output_file.write(output.as_json(rows) + "\n")
    elif fmt == "csv":
        for chunk in output.as_csv(rows):
            output_file.write(chunk)
    else:
        for line in output.as_jsonl(rows):
            output_file.write(line + "\n")


@cli.command()
@click.argument("query", required=False, default="")
@_search_options
@click.option("--addressee", help="Addressed to: States, State party, Government, General "
              "Assembly, Secretary-General, OHCHR, United Nations system, business enterprises, "
              "civil society, ... (case and plural forgiven).")
@click.option("--by", help="Recommended by: a body (Committee against Torture) or, for UPR "
              "items, a State (Nigeria, Venezuela).")
@click.option("--action", help="Action asked for: ratify, adopt, establish, ensure, ...")
@click.option("--status", type=click.Choice(["supported", "noted", "pending"]),
              help="UPR items only: the State under review supported, noted, or has yet to "
              "answer them.")
@click.option("--facets", is_flag=True, help="Show counts by addressee, action, recommender "
              "and document.")
@format_option()
@click.pass_context
@friendly_errors
def recommendations(ctx: click.Context, query: str, symbol: str | None, language: str | None,
                    limit: int, offset: int, addressee: str | None, by: str | None,
                    action: str | None, status: str | None, facets: bool, fmt: str) -> None:
    """Recommendation paragraphs across all reports, ranked for QUERY (optional).

    Each is shown with whom it addresses, the action it asks for and who made
    it (the report's author, or the recommending States of a UPR item).

    \b
    Example:
      paraindex recommendations "statelessness" --addressee states --facets
      paraindex recommendations --by Nigeria --action ratify
    """
    library = _open(ctx)
    language = _language(library, language)
    results = library.recommendations(query, symbol=symbol, language=language, limit=limit,
                                      offset=offset, facets=facets, addressee=addressee,
                                      action=action, by=by, status=status)
    if fmt == "text":
        for hit in results.hits:
            hit.snippet = f"{_recommendation_summary(hit.record)}\n{hit.snippet}"
    _print_results(results, fmt, offset)


def _recommendation_summary(record: Any) -> str:
    """'to States · ratify · by Nigeria, Portugal · naming Convention against Torture' for the
    text output."""
    parts = []
    if record.addressees:
        parts.append("to " + ", ".join(record.addressees))
    if record.actions:
        parts.append(", ".join(record.actions[:3]))
    if record.recommenders:
        shown = ", ".join(record.recommenders[:4])
        more = len(record.recommenders) - 4
        parts.append("by " + shown + (f" and {more} more" if more > 0 else ""))
    if record.instruments:
        parts.append("naming " + "; ".join(record.instruments[:3]))
    return "[" + " · ".join(parts) + "]" if parts else ""


@cli.command()
@click.argument("citation", nargs=-1, required=True)
@click.option("--limit", "-n", type=click.IntRange(1, 100), default=10, show_default=True)
@format_option()
@click.pass_context
@friendly_errors
def similar(ctx: click.Context, citation: tuple[str, ...], limit: int, fmt: str) -> None:
    """Paragraphs in other reports that say much the same as CITATION.

    \b
    Example:
      paraindex similar "A/57/292, para. 69"
    """
    library = _open(ctx)
    hits = library.similar(" ".join(citation), limit=limit)

    class _Results:
        def __init__(self) -> None:
            self.hits = hits
            self.total = len(hits)
            self.facets: dict[str, dict[str, int]] = {}
            self.suggestion = None

    for hit in hits:
        hit.snippet = hit.record.text[:240]
    _print_results(_Results(), fmt)


LOOPBACK = ("127.0.0.1", "localhost", "::1")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this machine's loopback lets other "
                   "computers read the index, with no login.")
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=8765, show_default=True,
              help="Port to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the search page in a browser.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also accept requests addressed to NAME (a host name the server is reached "
                   "by). Repeatable.")
@click.pass_context
@friendly_errors
def serve(ctx: click.Context, host: str, port: int, open_browser: bool,
          allow_hosts: tuple[str, ...]) -> None:
    """A local search page and JSON API over the index.

    \b
    The page: http://127.0.0.1:8765/ (search, paragraphs, documents).
    The API:  /api/search?q=..., /api/paragraph?citation=..., /api/paragraphs?citation=...,
              /api/recommendations, /api/documents, described at /openapi.json.

    \b
    Example:
      paraindex serve --open
    """
    try:
        import uvicorn

        from .web import create_app
    except ImportError as error:
        missing = error.name or "a web dependency"
        raise click.ClickException(
            f"`paraindex serve` needs the web extra ({missing} is not installed): "
            "pip install 'paraindex[web]'"
        ) from None
    hosts = _allowed_hosts(host, allow_hosts)
    app = create_app(_index_dir(ctx), allowed_hosts=hosts)
    _check_port(host, port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    if host not in LOOPBACK:
        click.echo(
            f"Warning: listening on {host}, not only on this machine: anyone who can reach it "
            "can read the index and the original files. There is no login. Requests must be "
            f"addressed to: {', '.join(hosts)} (add names with --allow-host).", err=True,
        )
    click.echo(f"Serving {_index_dir(ctx)} at {url} (Ctrl+C to stop)")
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, [url]).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False)


def _check_port(host: str, port: int) -> None:
    """Fail with one line before saying "Serving" when the address cannot be listened on
    (uvicorn would print its own error after ours and exit 3)."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise click.ClickException(f"cannot listen on {host}: {error.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise click.ClickException(
                    f"port {port} on {host} is already in use (another `paraindex serve`?): "
                    "stop it or choose another with --port") from None
            raise click.ClickException(f"cannot listen on {host}:{port}: "
                                       f"{error.strerror or error}") from None


def _allowed_hosts(host: str, extra: Iterable[str]) -> list[str]:
    """The names a request's Host header may carry: loopback, the bound address, --allow-host,
    and, when bound to every interface, this machine's own names."""
    import socket

    hosts = [*LOOPBACK, *extra]
    if host in ("0.0.0.0", "::"):
        hosts += [socket.gethostname(), socket.getfqdn()]
    else:
        hosts.append(host)
    # the Host header writes an IPv6 address in brackets
    return list(dict.fromkeys(f"[{h}]" if ":" in h and not h.startswith("[") else h
                              for h in hosts if h))


def main() -> None:
    """Console-script entry point."""
    cli(obj={})
