"""karabakh's benchmark: medians of repeated runs, printed as a table and as ratios.

Run from the repository root with the project installed:

    python tests/perf/bench.py            # add --quick for fewer repeats

The peers (datefinder, dateparser) are measured only when installed:
    pip install datefinder dateparser
They are not dependencies of karabakh.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from karabakh_cli.extract import document
from karabakh_cli.factbase import FactBase, bundled_path, fact

TRIVIAL_TYPER_APP = '''
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "world"):
    print(name)
app()
'''


def median_seconds(action, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def fact_names() -> list[str]:
    return [name for name, value in vars(FactBase).items() if isinstance(value, fact) and name not in ("document", "path")]


def in_process(text: str, repeats: int) -> list[tuple[str, float]]:
    """Parsing, every fact at once, then each fact in turn (given the ones before it)."""
    rows = [("load: parse frontmatter and body", median_seconds(lambda: document.parse(text), repeats))]
    rows.append(("every fact (load + all extractors)", median_seconds(lambda: FactBase(document.parse(text)).all_facts(), repeats)))
    for name in fact_names():
        def one_fact(name=name):
            facts = FactBase(document.parse(text))
            for earlier in fact_names()[: fact_names().index(name)]:
                getattr(facts, earlier)
            started = time.perf_counter()
            getattr(facts, name)
            return time.perf_counter() - started

        rows.append((f"  extractor: {name}", statistics.median(one_fact() for _ in range(repeats))))
    return rows


def body_of(text: str) -> str:
    return document.split_frontmatter(text)[1]


def peers(body: str, repeats: int) -> list[tuple[str, float | None]]:
    rows: list[tuple[str, float | None]] = []
    try:
        import datefinder

        rows.append(("peer: datefinder.find_dates(body)", median_seconds(lambda: list(datefinder.find_dates(body)), repeats)))
    except ImportError:
        rows.append(("peer: datefinder (not installed)", None))
    try:
        from dateparser.search import search_dates

        search_dates(body[:200], languages=["en"])  # its first call loads its data: not timed
        rows.append(("peer: dateparser search_dates(body)", median_seconds(lambda: search_dates(body, languages=["en"]), max(1, repeats // 5))))
    except ImportError:
        rows.append(("peer: dateparser (not installed)", None))
    return rows


# The whole-process rows: (label, arguments, on a terminal, target ratio to the trivial
# app, answers forgotten before each run). Views for people are replayed from the answer cache
# like --json answers; the rows "facts cached" forget the answers first, to show the cost of
# a view never asked for before in these surroundings.
WHOLE_PROCESS = (
    ("karabakh --no-cache timeline --json", ["--no-cache", "timeline", "--json"], False, 1.5, False),
    ("karabakh timeline (terminal, replayed)", ["timeline"], True, 1.3, False),
    ("karabakh timeline (terminal, facts cached)", ["timeline"], True, 1.3, True),
    ("karabakh casualties (terminal, replayed)", ["casualties"], True, 1.3, False),
    ("karabakh casualties (terminal, facts cached)", ["casualties"], True, 1.3, True),
    ("karabakh entities (terminal, replayed)", ["entities"], True, 1.3, False),
    ("karabakh entities (terminal, facts cached)", ["entities"], True, 1.3, True),
    ("karabakh timeline --json (replayed)", ["timeline", "--json"], False, 0.5, False),
)


def run_on_terminal(args: list[str], env: dict) -> int:
    """Run a command with a pseudo-terminal as its stdin, stdout and stderr, reading all it prints."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(args, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    try:
        while os.read(leader, 65536):
            pass
    except OSError:  # the terminal closes when the command ends
        pass
    os.close(leader)
    return process.wait()


def run_command(args: list[str], env: dict, terminal: bool) -> int:
    if terminal:
        return run_on_terminal(args, env)
    return subprocess.run(args, capture_output=True, env=env).returncode


def whole_process(repeats: int) -> list[tuple[str, float, float, float]]:
    """(label, median seconds, median of the trivial Typer app run alternately with it, target)."""
    with tempfile.TemporaryDirectory() as folder:
        trivial = Path(folder) / "trivial_typer.py"
        trivial.write_text(TRIVIAL_TYPER_APP)
        trivial_args = [sys.executable, str(trivial), "--name", "x"]
        env = {**os.environ, "COLUMNS": "120", "LINES": "50", "XDG_CACHE_HOME": folder, "KARABAKH_PAGER": "cat"}
        # Measure as installed: with compiled bytecode, which pip writes for an installed
        # package but an editable checkout only gets when Python may write it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows = []
        answers = Path(folder) / "karabakh" / "answers"
        for label, args, terminal, target, forget in WHOLE_PROCESS:
            command = [sys.executable, "-m", "karabakh_cli", *args]
            if run_command(command, env, terminal) not in (0, 1):  # also warms the cache and bytecode
                rows.append((label + " (fails: skipped)", float("nan"), float("nan"), target))
                continue
            run_command(trivial_args, env, terminal)
            ours, theirs = [], []
            for _ in range(repeats):  # alternately, so that both see the same load on the machine
                theirs.append(median_seconds(lambda: run_command(trivial_args, env, terminal), 1))
                if forget:
                    shutil.rmtree(answers, ignore_errors=True)
                ours.append(median_seconds(lambda: run_command(command, env, terminal), 1))
            rows.append((label, statistics.median(ours), statistics.median(theirs), target))
        return rows


# --- peak memory, read from the operating system ------------------------------------------

EXTRACT_EVERYTHING = """
import sys
from karabakh_cli.factbase import FactBase
facts = FactBase.load(sys.argv[1])
if sys.argv[2] == "extract":
    facts.all_facts()
"""


def peak_memory(path: Path, extract: bool = True, timeout: float = 900) -> tuple[int | None, float]:
    """Peak resident memory in bytes of a fresh process that loads the document and (with
    `extract`) computes every fact, as the kernel accounts it (/usr/bin/time's %M); and its
    seconds. Not os.wait4 on our own child: Linux counts in a child's peak the memory of the
    process that forked it, and this one holds the scaled bodies."""
    if not Path("/usr/bin/time").exists():
        return None, float("nan")
    args = [sys.executable, "-c", EXTRACT_EVERYTHING, str(path), "extract" if extract else "load"]
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - started
    return int(done.stderr.split()[-1]) * 1024, seconds  # kilobytes


def one_word_paragraphs(head: str, size: int) -> str:
    words = ("Alpha", "river", "Bravo", "mountain", "Charlie")
    count = size // 8
    return head + "\n---\n" + "".join(words[i % len(words)] + "\n\n" for i in range(count))


def memory(text: str, folder: Path) -> list[tuple[str, int, int, float]]:
    """(document, its bytes, peak memory, seconds) for normal prose and one-word paragraphs."""
    head, body = text.split("\n---\n", 1)
    documents = {
        "bundled article": text,
        "bundled body x10 (normal prose)": head + "\n---\n" + body * 10,
        "3.8 MB of one-word paragraphs": one_word_paragraphs(head, 3_800_000),
    }
    rows = []
    for label, content in documents.items():
        path = folder / (label.split(" ")[0] + ".md")
        path.write_text(content, encoding="utf-8")
        peak, seconds = peak_memory(path)
        rows.append((label, path.stat().st_size, peak, seconds))
    return rows


def scaling(text: str, repeats: int) -> list[tuple[str, float, float]]:
    head, body = text.split("\n---\n", 1)
    rows = []
    for times in (1, 10, 50):
        scaled = head + "\n---\n" + body * times
        megabytes = len(scaled.encode()) / 2**20
        seconds = median_seconds(lambda: FactBase(document.parse(scaled)).all_facts(), max(1, repeats // times))
        rows.append((f"body x{times} ({megabytes:.1f} MB)", seconds, seconds / megabytes))
    return rows


def milliseconds(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:9.2f} ms"


def verdict(holds: bool) -> str:
    return "holds" if holds else "MISSES"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    repeats = 5 if parser.parse_args().quick else 21
    text = bundled_path().read_text(encoding="utf-8")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")

    inner = in_process(text, repeats)
    peer_rows = peers(body_of(text), max(3, repeats // 3))
    outer = whole_process(max(5, repeats // 2))
    scale = scaling(text, max(3, repeats // 3))
    with tempfile.TemporaryDirectory() as folder:
        base_memory, _ = peak_memory(bundled_path(), extract=False)
        peaks = memory(text, Path(folder))

    print("\n| measurement | median |\n| --- | ---: |")
    for label, seconds in inner + peer_rows:
        print(f"| {label} | {milliseconds(seconds)} |")
    for label, ours, theirs, _ in outer:
        print(f"| {label} | {milliseconds(ours)} |")
        print(f"| trivial Typer app, run alternately with it | {milliseconds(theirs)} |")
    print("\n| scaling | median | per MB |\n| --- | ---: | ---: |")
    for label, seconds, per_mb in scale:
        print(f"| {label} | {milliseconds(seconds)} | {milliseconds(per_mb)} |")
    print("\n| peak memory (ru_maxrss of a fresh process) | bytes | peak | peak / bytes | seconds |")
    print("| --- | ---: | ---: | ---: | ---: |")
    if base_memory is None:
        print("| (no /usr/bin/time: not measured) | | | | |")
        peaks = []
    else:
        print(f"| only loading the bundled article (interpreter + imports) | | {base_memory / 2**20:.1f} MB | | |")
    for label, size, peak, seconds in peaks:
        print(f"| {label} | {size / 2**20:.2f} MB | {peak / 2**20:.1f} MB | {peak / size:.1f}x | {seconds:.1f} |")

    print("\n| issue 16 target | measured | target | verdict |\n| --- | ---: | ---: | --- |")
    for label, ours, theirs, target in outer:
        ratio = ours / theirs
        print(f"| {label} / trivial Typer app | {ratio:.2f}x | <= {target}x | {verdict(ratio <= target)} |")
    datefinder = dict(peer_rows).get("peer: datefinder.find_dates(body)")
    if datefinder:
        ratio = inner[1][1] / datefinder
        print(f"| every fact in-process / datefinder on the body | {ratio:.2f}x | <= 0.25x | {verdict(ratio <= 0.25)} |")
    label, seconds, per_mb = scale[-1]
    throughput = 1 / per_mb
    print(f"| extraction throughput, {label} | {throughput:.2f} MB/s | >= 5 MB/s | {verdict(throughput >= 5)} |")
    for label, size, peak, _ in peaks:
        allowed = 8 * size + 40 * 2**20
        print(f"| peak memory, {label} | {peak / 2**20:.0f} MB | <= {allowed / 2**20:.0f} MB | {verdict(peak <= allowed)} |")


if __name__ == "__main__":
    main()
