"""The CLI is thin and documented: every command has an example and a README row."""
from __future__ import annotations

import argparse

from extractor.cli import EXAMPLES, build_parser, main
from tests.conftest import ROOT


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_command_has_an_example_in_its_help():
    for name, sub in _commands().items():
        assert name in EXAMPLES, name
        assert EXAMPLES[name] in sub.format_help(), name


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert f"`policykg {name}" in readme, name


def test_bad_file_gives_one_line_and_exit_1(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("到2026年，高新技术企业数量达到4000家。\n", encoding="utf-8")
    status = main(["extract", str(empty), str(good), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert any(line.startswith(f"policykg: {empty}:") for line in err)
    assert "Traceback" not in "\n".join(err)
    assert (tmp_path / "out" / "good.json").exists()
