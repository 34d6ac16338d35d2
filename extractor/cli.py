"""The `policykg` command line: each command parses options, calls one library function, prints."""
from __future__ import annotations

import argparse
import logging
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
    "extract": "policykg extract corpus/ --out out/records",
    "diff": "policykg diff old.pdf new.pdf --format html --out diff.html",
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
        print(f"policykg: {job.path}: shares its name with another input; "
              f"written as {job.out.name}", file=sys.stderr)
    for failure in result.failures:
        hint = f" ({failure.hint})" if failure.hint else ""
        print(f"policykg: {failure.path}: {failure.problem}{hint}", file=sys.stderr)
    if args.quiet:
        print(f"{len(result.written)} records written to {out}, {len(result.skipped)} already current; "
              f"{len(result.failures)} failed")
    else:
        batch.print_summary(result, out)
    return 1 if result.failures else 0


_DIFF_SUFFIX_FORMAT = {".html": "html", ".htm": "html", ".md": "md", ".json": "json", ".txt": "text",
                       ".csv": "csv", "": "text"}


def _cmd_diff(args: argparse.Namespace) -> int:
    from extractor.atomic import write_atomic
    from extractor.diff import diff_files
    from extractor.diff.render import RENDERERS

    fmt = args.format or _DIFF_SUFFIX_FORMAT.get(Path(args.out).suffix.lower() if args.out else "")
    if fmt is None:
        raise ExtractorError("no report format has this suffix", path=args.out,
                             hint="name the file .html .md .json .csv or .txt, or give --format")
    report = RENDERERS[fmt](diff_files(args.old, args.new))
    if args.out:
        write_atomic(Path(args.out), report)
        print(f"{fmt} diff written to {args.out}")
    else:
        sys.stdout.write(report)
    return 0


def _graph(records: str):
    from extractor.graph import build, read_records

    return build(read_records(records))


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
    import json

    from extractor import query

    result = query.answer(_graph(args.records), args.what, args.subject)
    if result is None:
        print(f"policykg: no {query.KINDS[args.what]} matches {args.subject!r}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for table in query.tables(args.what, result, args.subject):
            _print_table(table)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from extractor.export import export

    written = export(_graph(args.records), args.format, args.out)
    for path in written:
        print(path)
    return 0


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policykg", description=__doc__)
    parser.add_argument("--version", action="version", version=f"policykg {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract files or directories into records",
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

    p = sub.add_parser("diff", help="compare two versions of a policy (a 新旧对照表)",
                       epilog=f"example: {EXAMPLES['diff']}")
    p.add_argument("old", help="the earlier version (.pdf .txt .md .html .docx)")
    p.add_argument("new", help="the later version")
    p.add_argument("--format", choices=("text", "json", "md", "html", "csv"), default=None,
                   help="report format (default: from --out's suffix, else text)")
    p.add_argument("--out", default=None, help="write the report to this file instead of stdout")
    p.set_defaults(func=_cmd_diff)

    p = sub.add_parser("query", help="ask the graph: owners, targets, programme, due, search",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n" + "\n".join(f"  {v}" for k, v in EXAMPLES.items()
                                                        if k.startswith("query ")))
    what = p.add_subparsers(dest="what", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--records", default="out/records", help="directory of records (from extract)")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
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
                       epilog=f"example: {EXAMPLES['export']}")
    p.add_argument("--records", default="out/records", help="directory of records (from extract)")
    p.add_argument("--format", default="nodelink",
                   choices=("nodelink", "graphml", "gexf", "csv", "rdf", "neo4j", "all"),
                   help="output format (default: nodelink JSON)")
    p.add_argument("--out", default="out", help="output directory")
    p.set_defaults(func=_cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.debug:
        # pdfminer logs recoverable damage ("Data-loss while decompressing") as warnings;
        # a bad file is reported once, as one line, by the command itself.
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        return args.func(args)
    except ExtractorError as err:
        if args.debug:
            raise
        print(f"policykg: {err.line()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
