"""The `policykg` command line: each command parses options, calls one library function, prints."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from extractor import __version__
from extractor.errors import ExtractorError

if TYPE_CHECKING:
    from extractor.query import Table

EXAMPLES = {
    "query": "policykg query owners 高新技术企业 --records out/records",
    "query owners": "policykg query owners 高新技术企业 --records out/records",
    "query targets": "policykg query targets --org 科技创新和新经济局",
    "query programme": "policykg query programme 春种基金",
    "query due": "policykg query due 2026",
    "query search": "policykg query search 外籍人才",
    "export": "policykg export --records out/records --format all --out out",
    "show": "policykg show corpus/seeds/004_36e5cd320c0db03f.txt",
    "documents": "policykg documents --records out/records --csv > documents.csv",
    "extract": "policykg extract corpus/ --out out/records",
    "diff": "policykg diff old.pdf new.pdf --format html --out diff.html",
    "explain": "policykg explain notice.pdf --family organisations --rejected",
}


def _cmd_extract(args: argparse.Namespace) -> int:
    from extractor import batch

    out = Path(args.out)
    progress = not args.quiet and sys.stderr.isatty()
    timeout = batch.DEFAULT_TIMEOUT if args.timeout is None else (args.timeout or None)
    try:
        result = batch.run(args.inputs, out, workers=args.workers, force=args.force,
                           timeout=timeout, dask=args.dask, progress=progress)
    except KeyboardInterrupt:
        print(f"policykg: interrupted; records written so far are kept in {out}, "
              "run the same command again to resume", file=sys.stderr)
        return 130
    for job in result.renamed:
        print(f"policykg: {job.path}: shares its name with another input or record; "
              f"recorded as {job.out.name}", file=sys.stderr)
    for path in result.superseded:
        print(f"policykg: {path}: replaced by the record under the tagged name", file=sys.stderr)
    for skip in result.passed_over:
        print(f"policykg: {skip.path}: passed over: {skip.reason}", file=sys.stderr)
    for failure in result.failures:
        hint = f" ({failure.hint})" if failure.hint else ""
        print(f"policykg: {failure.path}: {failure.problem}{hint}", file=sys.stderr)
    if args.quiet:
        print(batch.summary_line(result, out))
    else:
        batch.print_summary(result, out)
    return 1 if result.failures else 0


_DIFF_SUFFIX_FORMAT = {".html": "html", ".htm": "html", ".md": "md", ".json": "json", ".txt": "text",
                       ".csv": "csv", "": "text"}


def _cmd_diff(args: argparse.Namespace) -> int:
    from extractor.atomic import write_atomic
    from extractor.diff import diff_files
    from extractor.diff.render import RENDERERS
    from extractor.parallel import call_with_timeout

    fmt = args.format or _DIFF_SUFFIX_FORMAT.get(Path(args.out).suffix.lower() if args.out else "")
    if fmt is None:
        raise ExtractorError("no report format has this suffix", path=args.out,
                             hint="name the file .html .md .json .csv or .txt, or give --format")
    timeout = DIFF_TIMEOUT if args.timeout is None else (args.timeout or None)
    changes = call_with_timeout(lambda: diff_files(args.old, args.new), timeout, path=f"{args.old} → {args.new}")
    report = RENDERERS[fmt](changes)
    if args.out:
        try:
            write_atomic(Path(args.out), report)
        except OSError as err:
            raise ExtractorError(f"cannot write the report: {err.strerror or err}", path=args.out,
                                 hint="check the folder exists and is writable") from None
        print(f"{fmt} diff written to {args.out}")
    else:
        sys.stdout.write(report)
    return 0


DIFF_TIMEOUT = 300.0
"""Seconds a diff of two documents may take (two extractions and an alignment)."""


def _index(records: str):  # noqa: ANN202 - lazy import
    """The records folder's index, after naming each record file that cannot answer."""
    from extractor import index

    found = index.sync(records)
    for problem in found.problems():
        print(f"policykg: {Path(records) / problem.file}: skipped: {problem.problem}", file=sys.stderr)
    return found


def _graph(records: str):  # noqa: ANN202 - lazy import
    from extractor.graph import build, read_records

    if Path(records).is_file():  # one record file
        return build(read_records(records))
    return build(_index(records).records())


def _emit(args: argparse.Namespace, tables: list[Table], data: object) -> None:
    """Print an answer as JSON (`--json`), CSV (`--csv`) or tables for a terminal."""
    import json

    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=1))
    elif getattr(args, "csv", False):
        _print_csv(tables)
    else:
        for table in tables:
            _print_table(table)


def _print_csv(tables: list[Table]) -> None:
    import csv

    from extractor.export.cells import neutralise

    writer = csv.writer(sys.stdout, lineterminator="\n")
    for k, table in enumerate(tables):
        if k:
            sys.stdout.write("\n")  # a blank line between the tables of one answer
        writer.writerow(table.columns)
        # a document's text may open with = + - @: a spreadsheet must show it, never run it
        writer.writerows(("" if cell is None else neutralise(cell) if isinstance(cell, str) else cell
                          for cell in row) for row in table.rows)


def _print_table(table: Table) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    out = RichTable(title=table.title, show_lines=True)
    for column in table.columns:
        out.add_column(column, overflow="fold")
    for row in table.rows:
        out.add_row(*("" if cell is None else str(cell) for cell in row))
    Console().print(out)
    if table.note:
        print(table.note)


def _cmd_query(args: argparse.Namespace) -> int:
    from extractor import query

    if args.what in ("owners", "due") and not Path(args.records).is_file():
        # answered from the persistent index: no graph to build
        found = _index(args.records)
        result = found.owners(args.subject) if args.what == "owners" else found.due(args.subject)
    else:
        result = query.answer(_graph(args.records), args.what, args.subject)
    if result is None:
        print(f"policykg: no {query.KINDS[args.what]} matches {args.subject!r}", file=sys.stderr)
        return 1
    _emit(args, query.tables(args.what, result, args.subject), result)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from extractor import query

    records, name = args.records, args.document
    if name.endswith(".json") and Path(name).is_file():
        records, name = str(Path(name).parent), Path(name).name  # a record file names its own folder
    found = _index(records).document(name)
    if found is None:
        raise ExtractorError(f"no record of {args.document!r}", path=records,
                             hint="pass a source file, a record file or a document id; "
                                  "`policykg documents` lists them")
    summary, rows = found
    _emit(args, [query.document_table(summary, rows)], {"document": summary, "items": rows})
    return 0


def _cmd_documents(args: argparse.Namespace) -> int:
    from extractor import query

    rows = _index(args.records).documents()
    _emit(args, [query.documents_table(rows)], rows)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from extractor.export import export

    written = export(_graph(args.records), args.format, args.out, base_iri=args.base_iri)
    for path in written:
        print(path)
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from extractor import ingest
    from extractor.explain import explain
    from extractor.pipeline import parse_raw
    from extractor.query import Table

    tree = parse_raw(ingest.load(args.file), rules=args.rules)
    rows = [row for row in explain(tree, families=args.family or _all_families(), rules=args.rules)
            if (not args.rejected or not row.accepted) and (not args.accepted or row.accepted)
            and (args.grep is None or args.grep in row.text)]
    if args.json:
        print(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=1))
        return 0
    accepted = sum(row.accepted for row in rows)
    _print_table(Table(
        title=f"{args.file}: {len(rows)} candidates, {accepted} accepted",
        columns=("family", "candidate", "decision", "reason", "page", "span", "detail"),
        rows=tuple((r.family, r.text, r.decision, r.reason, r.page, f"{r.span[0]}–{r.span[1]}", r.detail)
                   for r in rows)))
    return 0


def _all_families() -> tuple[str, ...]:
    from extractor.explain import FAMILIES

    return tuple(FAMILIES)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _records_dir() -> str:
    # POLICYKG_RECORDS lets the query commands work from any folder, not only the project's.
    return os.environ.get("POLICYKG_RECORDS", "out/records")


def _output_options(*, debug: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """--records, --json and --csv, shared by the commands that read records."""
    common = argparse.ArgumentParser(add_help=False, parents=[debug])
    common.add_argument("--records", default=_records_dir(),
                        help="directory of records (from extract; default $POLICYKG_RECORDS or out/records)")
    shape = common.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print JSON instead of a table")
    shape.add_argument("--csv", action="store_true", help="print CSV (for a spreadsheet) instead of a table")
    return common


def build_parser() -> argparse.ArgumentParser:
    # --debug is accepted before or after the command; SUPPRESS keeps a later default from
    # overwriting a --debug given before it.
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    parser = argparse.ArgumentParser(prog="policykg", description=__doc__, parents=[debug])
    parser.add_argument("--version", action="version", version=f"policykg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract files or directories into records", parents=[debug],
                       epilog=f"example: {EXAMPLES['extract']}")
    p.add_argument("inputs", nargs="+", help="files or directories (.pdf .txt .md .html .docx)")
    p.add_argument("--out", default="out/records", help="output directory for <stem>.json records")
    p.add_argument("--workers", type=_positive_int, default=None,
                   help="worker processes (default: all cores; 1 runs in this process)")
    p.add_argument("--force", action="store_true",
                   help="re-extract files whose record is already current (same sha256 and version)")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds one document may take before it is reported as failed (default 120; 0: no limit)")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run on a dask.distributed cluster: tcp://host:8786, or 'local'")
    p.add_argument("--quiet", action="store_true", help="no progress bar and a one-line summary")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("diff", help="compare two versions of a policy (a 新旧对照表)", parents=[debug],
                       epilog=f"example: {EXAMPLES['diff']}")
    p.add_argument("old", help="the earlier version (.pdf .txt .md .html .docx)")
    p.add_argument("new", help="the later version")
    p.add_argument("--format", choices=("text", "json", "md", "html", "csv"), default=None,
                   help="report format (default: from --out's suffix, else text)")
    p.add_argument("--out", default=None, help="write the report to this file instead of stdout")
    p.add_argument("--timeout", type=float, default=None,
                   help=f"seconds the diff may take before it stops (default {DIFF_TIMEOUT:g}; 0: no limit)")
    p.set_defaults(func=_cmd_diff)

    p = sub.add_parser("explain", help="why each name, figure or owner was or was not extracted",
                       parents=[debug], epilog=f"example: {EXAMPLES['explain']}")
    p.add_argument("file", help="one document (.pdf .txt .md .html .docx)")
    p.add_argument("--family", action="append", choices=_all_families(),
                   help="only this family (repeatable; default: all)")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--rejected", action="store_true", help="only the candidates a filter refused")
    shown.add_argument("--accepted", action="store_true", help="only the candidates that were taken")
    p.add_argument("--grep", metavar="TEXT", default=None, help="only candidates containing TEXT")
    p.add_argument("--rules", metavar="DIR", default=None,
                   help="a folder of rule files laid over the packaged ones (extractor/resources/)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_cmd_explain)

    common = _output_options(debug=debug)
    p = sub.add_parser("show", help="one document's targets and tasks: kind, year, value, owners, page",
                       parents=[common], epilog=f"example: {EXAMPLES['show']}")
    p.add_argument("document", help="the source file, its record file (.json) or its document id")
    p.set_defaults(func=_cmd_show)

    p = sub.add_parser("documents", help="list the documents in the records: title, number, date, counts",
                       parents=[common], epilog=f"example: {EXAMPLES['documents']}")
    p.set_defaults(func=_cmd_documents)

    p = sub.add_parser("query", help="ask the graph: owners, targets, programme, due, search", parents=[debug],
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n" + "\n".join(f"  {v}" for k, v in EXAMPLES.items()
                                                        if k.startswith("query ")))
    what = p.add_subparsers(dest="what", required=True)
    q = what.add_parser("owners", parents=[common], help="who owns the targets and tasks matching a phrase",
                        epilog=f"example: {EXAMPLES['query owners']}")
    q.add_argument("subject", metavar="phrase", help="words of the target or task, e.g. 高新技术企业")
    q = what.add_parser("targets", parents=[common], help="targets and tasks an organisation owns (aliases too)",
                        epilog=f"example: {EXAMPLES['query targets']}")
    q.add_argument("--org", dest="subject", metavar="ORG", required=True, help="the organisation's name or any alias")
    q = what.add_parser("programme", parents=[common], help="documents, targets, owners and figures of a programme",
                        epilog=f"example: {EXAMPLES['query programme']}")
    q.add_argument("subject", metavar="name", help="the programme's name or alias")
    q = what.add_parser("due", parents=[common], help="targets due by the end of a year",
                        epilog=f"example: {EXAMPLES['query due']}")
    q.add_argument("subject", metavar="year", type=int, help="a year, e.g. 2026")
    q = what.add_parser("search", parents=[common], help="free-text search over names and evidence",
                        epilog=f"example: {EXAMPLES['query search']}")
    q.add_argument("subject", metavar="text", help="text to look for")
    p.set_defaults(func=_cmd_query)

    p = sub.add_parser("export", help="write the knowledge graph for Gephi, Neo4j, spreadsheets, RDF stores",
                       parents=[debug], epilog=f"example: {EXAMPLES['export']}")
    p.add_argument("--records", default=_records_dir(),
                   help="directory of records (from extract; default $POLICYKG_RECORDS or out/records)")
    p.add_argument("--format", default="nodelink",
                   choices=("nodelink", "graphml", "gexf", "csv", "rdf", "neo4j", "parquet", "xlsx", "html", "all"),
                   help="output format (default: nodelink JSON)")
    p.add_argument("--out", default="out", help="output directory")
    p.add_argument("--base-iri", default=None, metavar="IRI",
                   help="RDF: node IRIs under this base (default https://policykg.invalid/id/)")
    p.set_defaults(func=_cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = getattr(args, "debug", False)
    if not debug:
        # pdfminer logs recoverable damage ("Data-loss while decompressing") as warnings;
        # a bad file is reported once, as one line, by the command itself.
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        return args.func(args)
    except ExtractorError as err:
        if debug:
            raise
        print(f"policykg: {err.line()}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `policykg query … --json | head` closed the pipe: stop quietly. Python would
        # report the pipe again flushing stdout at exit, so point stdout at /dev/null.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
