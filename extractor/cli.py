"""The `policykg` command line: each command parses options, calls one library function, prints."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractor import __version__
from extractor.errors import ExtractorError

EXAMPLES = {
    "extract": "policykg extract corpus/ --out out/records",
}


def _cmd_extract(args: argparse.Namespace) -> int:
    from extractor import batch

    result = batch.run(args.inputs, Path(args.out))
    for failure in result.failures:
        hint = f" ({failure.hint})" if failure.hint else ""
        print(f"policykg: {failure.path}: {failure.problem}{hint}", file=sys.stderr)
    print(f"{len(result.written)} records written to {args.out}; {len(result.failures)} failed")
    return 1 if result.failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policykg", description=__doc__)
    parser.add_argument("--version", action="version", version=f"policykg {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract files or directories into records",
                       epilog=f"example: {EXAMPLES['extract']}")
    p.add_argument("inputs", nargs="+", help="files or directories (.pdf .txt .md .html .docx)")
    p.add_argument("--out", default="out/records", help="output directory for <stem>.json records")
    p.set_defaults(func=_cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ExtractorError as err:
        if args.debug:
            raise
        print(f"policykg: {err.line()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
