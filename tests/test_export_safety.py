"""`karabakh export` never destroys what it did not write: the document, folders, devices and
links are refused in one line; files get the umask's mode; temporaries appear only when the
output is ready and stale ones are cleaned; SQLite takes any article."""

import json
import os
import resource
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from karabakh_cli import export as exporter
from cli_runner import run

DOCS = Path(__file__).resolve().parent / "docs"
TABLE_FILES = sorted([exporter.MARKER, *(f"{t}.csv" for t in exporter.TABLES)])


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Run in tmp_path, so targets are short relative names as a user types them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def copy_doc(destination: Path, name: str = "battle_of_varnek.md") -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DOCS / name, destination)
    return destination


def snapshot(folder: Path) -> dict:
    """Every path under folder with its bytes (None for folders), to show nothing changed."""
    return {
        str(p.relative_to(folder)): None if p.is_dir() or p.is_symlink() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


def assert_refused(result, target: str, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr == f"karabakh: error: {target}: {message}\n"
    assert "--force" not in message


DOCUMENT = "is the document being read; name another file"


@pytest.mark.parametrize(
    "document, target, options",
    [
        ("a.json", "a.json", ()),
        ("a.md", "a.md", ("--format", "jsonl")),
        ("a.md", "a.md", ("--format", "sqlite")),
        ("a.md", "a.md", ("--format", "csv")),
        ("a.md", "a.md", ("--format", "csv", "--only", "claims")),
    ],
)
@pytest.mark.parametrize("force", [(), ("--force",)])
def test_the_document_being_read_is_never_replaced(here, document, target, options, force):
    original = copy_doc(here / document).read_bytes()
    assert_refused(run("export", target, *options, *force, "--doc", document), target, DOCUMENT)
    assert (here / document).read_bytes() == original
    assert list(here.iterdir()) == [here / document]


@pytest.mark.parametrize("link", [os.symlink, os.link])
def test_a_link_to_the_document_is_refused(here, link):
    original = copy_doc(here / "a.md").read_bytes()
    link("a.md", "b.json")
    assert_refused(run("export", "b.json", "--force", "--doc", "a.md"), "b.json", DOCUMENT)
    assert (here / "a.md").read_bytes() == original
    assert (here / "b.json").is_symlink() == (link is os.symlink)
    assert (here / "b.json").samefile(here / "a.md")


@pytest.mark.parametrize("document", ["s/v.md", "s/deep/er/v.md"])
def test_a_folder_holding_the_document_is_never_replaced(here, document):
    copy_doc(here / document)
    (here / "s" / "notes").mkdir()
    (here / "s" / "notes" / "n").write_text("x\n")
    before = snapshot(here / "s")
    for force in ((), ("--force",)):
        result = run("export", "s", "--format", "csv", *force, "--doc", document)
        assert_refused(result, "s", "holds the document being read; name a new folder")
    assert snapshot(here / "s") == before


@pytest.mark.parametrize("target", [".", "..", "../.."])
def test_the_working_folder_and_its_parents_are_never_replaced(tmp_path, monkeypatch, target):
    work = tmp_path / "w" / "x"
    work.mkdir(parents=True)
    (work / "keep.txt").write_text("mine\n")
    monkeypatch.chdir(work)
    before = snapshot(tmp_path)
    for force in ((), ("--force",)):
        result = run("export", target, "--format", "csv", *force)
        assert_refused(result, target, "is the working folder or holds it; name a new folder")
    assert snapshot(tmp_path) == before


def test_an_unrelated_folder_is_never_replaced(here):
    (here / "notes").mkdir()
    (here / "notes" / "a.txt").write_text("mine\n")
    (here / "notes" / "claims.csv").write_text("also mine\n")
    before = snapshot(here)
    for force in ((), ("--force",)):
        result = run("export", "notes", "-f", "csv", *force)
        assert_refused(result, "notes", "is a folder this export did not make and it is not empty; name a new folder")
        assert_refused(run("export", "notes", "-f", "json", *force), "notes", "is a folder; name a file")
    assert snapshot(here) == before


def test_a_folder_the_export_made_is_replaced_only_while_it_holds_nothing_else(here):
    assert run("export", "out", "-f", "csv").exit_code == 0
    assert sorted(p.name for p in (here / "out").iterdir()) == TABLE_FILES
    assert run("export", "out", "-f", "csv").stderr.endswith(": already exists; add --force to replace it\n")
    (here / "out" / "claims.csv").write_text("stale\n")
    assert run("export", "out", "-f", "csv", "--force").exit_code == 0
    assert (here / "out" / "claims.csv").read_text().startswith("id,claimant,")
    (here / "out" / "my notes.txt").write_text("mine\n")
    before = snapshot(here)
    result = run("export", "out", "-f", "csv", "--force")
    assert_refused(result, "out", "is a folder this export did not make and it is not empty; name a new folder")
    assert snapshot(here) == before


def test_an_empty_folder_takes_a_csv_export_with_force(here):
    (here / "empty").mkdir()
    assert run("export", "empty", "-f", "csv").exit_code == 2
    assert run("export", "empty", "-f", "csv", "--force").exit_code == 0
    assert sorted(p.name for p in (here / "empty").iterdir()) == TABLE_FILES
    assert sorted(p.name for p in here.iterdir()) == ["empty"]


def make_device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")


def make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(path.name)  # relative: a socket's path must be short
    server.close()


@pytest.mark.parametrize(
    "make, kind",
    [(make_device, "character device"), (lambda p: os.mkfifo(p), "named pipe"), (make_socket, "socket")],
)
def test_devices_pipes_and_sockets_are_never_replaced(here, make, kind):
    make(here / "n")
    before = os.lstat("n")
    for force in ((), ("--force",)):
        result = run("export", "n", "-f", "json", *force)
        assert_refused(result, "n", f"is a {kind}, not a regular file; name a new file")
    after = os.lstat("n")
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert sorted(p.name for p in here.iterdir()) == ["n"]


def test_a_symbolic_link_is_never_replaced(here):
    (here / "real.json").write_text("mine\n")
    os.symlink("real.json", "link.json")
    os.symlink("nowhere.json", "dangling.json")
    for name in ("link.json", "dangling.json"):
        for force in ((), ("--force",)):
            result = run("export", name, *force)
            assert_refused(result, name, "is a symbolic link; name a new file, or remove the link")
        assert (here / name).is_symlink()
    assert (here / "real.json").read_text() == "mine\n"
    assert not (here / "nowhere.json").exists()


@pytest.mark.parametrize(
    "target, options",
    [("o.json", ()), ("o.jsonl", ()), ("o.sqlite", ()), ("o.csv", ("--only", "events")), ("o", ("-f", "csv"))],
)
def test_modes_follow_the_umask(here, target, options):
    for mask in (0o022, 0o077, 0o002):
        previous = os.umask(mask)
        try:
            assert run("export", target, *options, "--force").exit_code == 0
        finally:
            os.umask(previous)
        path = here / target
        expected = (0o777 if path.is_dir() else 0o666) & ~mask
        assert stat.S_IMODE(path.stat().st_mode) == expected, (oct(mask), target)
        for inside in path.iterdir() if path.is_dir() else ():
            assert stat.S_IMODE(inside.stat().st_mode) == 0o666 & ~mask, (oct(mask), inside)


def test_no_temporary_exists_while_the_facts_are_extracted(here, monkeypatch):
    seen = []
    extract = exporter.tables

    def watched(facts):
        seen.append(sorted(p.name for p in here.iterdir()))
        return extract(facts)

    monkeypatch.setattr(exporter, "tables", watched)
    for target, options in (("o.sqlite", ()), ("o.json", ()), ("o", ("-f", "csv"))):
        assert run("export", target, *options).exit_code == 0
    assert seen and seen[0] == []
    assert all(not any(".tmp" in name for name in names) for names in seen)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_stale_temporaries_of_a_killed_export_are_cleaned(here):
    hour_ago = time.time() - 3600
    dead = dead_pid()
    stale_file = here / f".o.sqlite.karabakh-{dead}-0a1b2c3d.tmp"
    stale_folder = here / f".o.sqlite.karabakh-{dead}-4e5f6a7b.tmp"
    live = here / f".o.sqlite.karabakh-{os.getpid()}-0a1b2c3d.tmp"  # a run still going
    fresh = here / f".o.sqlite.karabakh-{dead}-99999999.tmp"  # too recent to be sure
    other_target = here / f".p.sqlite.karabakh-{dead}-0a1b2c3d.tmp"
    user_file = here / ".o.sqlite.backup.tmp"
    stale_folder.mkdir()
    (stale_folder / "claims.csv").write_text("half\n")
    for path in (stale_file, live, fresh, other_target, user_file):
        path.write_text("partial")
    for path in (stale_file, stale_folder, live, other_target, user_file):
        os.utime(path, (hour_ago, hour_ago))
    assert run("export", "o.sqlite").exit_code == 0
    left = sorted(p.name for p in here.iterdir())
    assert left == sorted(["o.sqlite", live.name, fresh.name, other_target.name, user_file.name])


def test_sqlite_takes_an_article_without_claims_and_keeps_every_column(here):
    copy_doc(here / "lorn.md", "city_of_lorn.md")
    result = run("export", "l.sqlite", "--doc", "lorn.md")
    assert result.exit_code == 0, result.output
    database = sqlite3.connect(here / "l.sqlite")
    assert database.execute("select count(*) from claims").fetchone() == (0,)
    columns = [row[1] for row in database.execute("pragma table_info(claims)")]
    assert columns == list(exporter.sql_columns()["claims"])
    assert database.execute("pragma foreign_key_check").fetchall() == []


def test_a_frontmatter_only_document_exports_every_table_empty(here, make_doc):
    make_doc("---\ntitle: Siege of Quillmarsh\n---\n", name="only.md")
    assert run("export", "f.sqlite", "--doc", "only.md").exit_code == 0
    assert run("export", "f", "-f", "csv", "--doc", "only.md").exit_code == 0
    database = sqlite3.connect(here / "f.sqlite")
    for table, columns in exporter.record_columns().items():
        assert [row[1] for row in database.execute(f'pragma table_info("{table}")')] == list(exporter.sql_columns()[table])
        expected_rows = 1 if table == "document" else 0
        assert database.execute(f'select count(*) from "{table}"').fetchone() == (expected_rows,)
        header = (here / "f" / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(columns)


def test_every_table_has_the_columns_of_its_record_type(seed):
    rows = exporter.tables(seed)
    assert {table: list(table_rows[0]) for table, table_rows in rows.items()} == exporter.record_columns()


HUGE = 20_000_000_000_000_000_000  # beyond SQLite's 64-bit integers


def test_a_figure_beyond_64_bits_is_kept_exactly(here, make_doc):
    make_doc(
        "---\ntitle: War of the Ninefold Coins\n---\n\n## Casualties\n\n"
        f"The Ministry of Defence of Zentia stated that {HUGE} of its soldiers had been killed.\n",
        name="huge.md",
    )
    claims = json.loads(run("casualties", "--doc", "huge.md", "--json").stdout)
    assert HUGE in [c["value"] for c in claims]
    assert run("export", "h.sqlite", "--doc", "huge.md").exit_code == 0
    database = sqlite3.connect(here / "h.sqlite")
    assert database.execute("select value, typeof(value) from claims where typeof(value) = 'text'").fetchall() == [
        (str(HUGE), "text")
    ]
    assert database.execute("select count(*) from claims where typeof(value) = 'integer'").fetchone() == (
        len(claims) - 1,
    )


@contextmanager
def small_disk():
    """Files may grow to 64 KiB, as if the disk filled up (SIGXFSZ ignored: writes fail instead)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_full_disk_is_one_line_and_leaves_nothing(here):
    for target, message in (("o.sqlite", "cannot write the SQLite file: "), ("o.json", "File too large")):
        with small_disk():
            result = run("--no-cache", "export", target)
        assert result.exit_code == 2, result.output
        assert len(result.stderr.splitlines()) == 1
        assert result.stderr.startswith(f"karabakh: error: {target}: {message}"), result.stderr
        assert list(here.iterdir()) == []
