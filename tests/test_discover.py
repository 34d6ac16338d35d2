"""Folder discovery: every file not read is named, with the reason; notes are not documents."""
from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import batch, ingest
from extractor.cli import main
from extractor.discover import discover
from extractor.errors import ExtractorError
from tests.conftest import SEEDS

SEED = sorted(SEEDS.glob("*.txt"))[0]


def test_a_folder_of_unreadable_files_gives_a_failure_for_each(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    names = {"通知.doc", "方案.wps", "规划.ofd", "报告.docm", "附件.xlsx"}
    for name in names:  # none of them a readable document, whether or not a reader takes the type
        (src / name).write_bytes(b"\xd0\xcf\x11\xe0 not a document")
    result = batch.run([src], tmp_path / "out", workers=1)
    assert {os.path.basename(f.path) for f in result.failures} == names
    assert not result.written
    skipped = [f for f in result.failures if f.kind == "SkippedFile"]
    assert all("unsupported type" in f.problem and f.hint for f in skipped)


def test_cli_exits_1_on_a_folder_of_unreadable_types(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "通知.xyz").write_bytes(b"x")
    assert main(["extract", str(src), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "通知.xyz: unsupported type '.xyz'" in captured.err and "1 failed" in captured.out


def test_readme_and_sources_are_passed_over_and_named(tmp_path, capsys):
    src = tmp_path / "corpus"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    (src / "README.md").write_text("# 语料说明\n\n本目录收录政策文件。\n", encoding="utf-8")
    (src / "SOURCES.md").write_text("- 来源：gov.cn\n", encoding="utf-8")
    assert main(["extract", str(src), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]) == 0
    captured = capsys.readouterr()
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [f"{SEED.stem}.json"]
    assert "README.md: passed over" in captured.err and "SOURCES.md: passed over" in captured.err
    assert "2 passed over" in captured.out


def test_a_readme_named_directly_is_read(tmp_path):
    readme = tmp_path / "README.txt"
    shutil.copy(SEED, readme)
    assert discover([readme]).files == (readme,)


def test_links_and_unreadable_folders_are_named(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    (src / "gone.txt").symlink_to(tmp_path / "missing.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (src / "linked").symlink_to(elsewhere)
    locked = src / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        found = discover([src])
        root_reads_it = os.access(locked, os.R_OK)  # root opens any folder: then it is walked, empty
    finally:
        locked.chmod(0o755)
    reasons = {s.path.name: s.reason for s in found.skipped}
    assert found.files == (src / SEED.name,)
    assert reasons["gone.txt"] == "a broken link" and "not followed" in reasons["linked"]
    assert root_reads_it or "cannot open the folder" in reasons["locked"]


def test_a_new_reader_is_picked_up_from_the_registry(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "SUPPORTED_SUFFIXES", (*ingest.SUPPORTED_SUFFIXES, ".xyz"))
    (tmp_path / "通知.xyz").write_bytes(b"x")
    assert [p.name for p in discover([tmp_path]).files] == ["通知.xyz"]


@pytest.mark.parametrize("combined_first", [False, True])
def test_same_name_in_two_runs_never_overwrites_nor_duplicates(tmp_path, combined_first):
    texts = sorted(SEEDS.glob("*.txt"))[:2]
    old, new = tmp_path / "2023" / "通知.txt", tmp_path / "2024" / "通知.txt"
    for path, text in ((old, texts[0]), (new, texts[1])):
        path.parent.mkdir()
        shutil.copy(text, path)
    out = tmp_path / "out"
    runs = [[old, new], [old], [new]] if combined_first else [[old], [new], [old, new]]
    for inputs in runs:
        assert not batch.run(inputs, out, workers=1).failures
    sources = sorted(batch._source_of(p) for p in out.glob("*.json"))
    assert sources == sorted([str(old), str(new)])


def test_a_second_run_into_the_same_folder_stops_with_one_line(tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with (out / batch.LOCK_FILE).open("a") as held:  # as a first run holds it
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(ExtractorError, match="another policykg extract is writing"):
            batch.run([SEED], out, workers=1)
    assert batch.run([SEED], out, workers=1).written  # released: the next run goes ahead


def test_a_failed_input_is_never_reported_as_written_under_a_tagged_name(tmp_path, capsys):
    for folder, data in (("2023", SEED.read_bytes()), ("2024", b"")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "通知.txt").write_bytes(data)
    assert main(["extract", str(tmp_path / "2023"), str(tmp_path / "2024"), "--out", str(tmp_path / "out"),
                 "--quiet", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert err.count("recorded as") == 1 and "2023" in err.split("recorded as")[0].splitlines()[-1]

# What a downloaded folder of policy files holds: documents, attachments of other types,
# files without an extension, notes, broken links, sub-folders.
ENTRIES = st.tuples(
    st.sampled_from(["通知", "方案", "附件1", "README", "sources", "规划"]),
    st.sampled_from([".txt", ".md", ".html", ".doc", ".wps", ".ofd", ".xlsx", ".jpg", "", ".TXT"]),
    st.sampled_from(["seed", "empty", "link", "sub"]),
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ENTRIES, min_size=1, max_size=5, unique_by=lambda e: (e[0], e[1].lower())))
def test_every_file_in_a_folder_is_recorded_failed_or_named_as_notes(tmp_path_factory, entries):
    src = tmp_path_factory.mktemp("folder")
    made = []
    for stem, suffix, kind in entries:
        folder = src / "sub" if kind == "sub" else src
        folder.mkdir(exist_ok=True)
        path = folder / f"{stem}{suffix}"
        if kind == "link":
            path.symlink_to(src / "nowhere")
        else:
            path.write_bytes(b"" if kind == "empty" else SEED.read_bytes())
        made.append(path)
    result = batch.run([src], tmp_path_factory.mktemp("out"), workers=1, timeout=30)
    sources = {batch._source_of(p) for p in (*result.written, *result.skipped)}
    accounted = sources | {f.path for f in result.failures} | {str(s.path) for s in result.passed_over}
    assert {str(p) for p in made} <= accounted


def test_a_gold_folder_is_passed_over_once_and_a_gold_named_document_is_read(tmp_path):
    src = tmp_path / "heldout"
    (src / "gold").mkdir(parents=True)
    (src / "gold" / "通知.json").write_text("{}", encoding="utf-8")
    (src / "gold-2024").mkdir()
    shutil.copy(SEED, src / "gold-2024" / "gold.txt")  # a folder or file merely named like it is read
    found = discover([src])
    assert found.files == (src / "gold-2024" / "gold.txt",)
    assert [(s.path.name, s.notes) for s in found.skipped] == [("gold", True)]
