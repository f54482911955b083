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


def whole_process(repeats: int) -> list[tuple[str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        trivial = Path(folder) / "trivial_typer.py"
        trivial.write_text(TRIVIAL_TYPER_APP)
        commands = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("trivial Typer app", [sys.executable, str(trivial), "--name", "x"]),
            ("karabakh --help", [sys.executable, "-m", "karabakh_cli", "--help"]),
        ]
        for args in (["summary", "--json"], ["timeline", "--json"], ["casualties", "--json"],
                     ["--no-cache", "timeline", "--json"], ["timeline"], ["casualties"]):
            commands.append(("karabakh " + " ".join(args), [sys.executable, "-m", "karabakh_cli", *args]))
        env = {**os.environ, "COLUMNS": "120", "XDG_CACHE_HOME": folder}
        # Measure as installed: with compiled bytecode, which pip writes for an installed
        # package but an editable checkout only gets when Python may write it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows = []
        for label, args in commands:
            if subprocess.run(args, capture_output=True, env=env).returncode not in (0, 1):
                rows.append((label + " (fails: skipped)", float("nan")))
                continue  # the first run above also warmed the cache
            rows.append((label, median_seconds(lambda args=args: subprocess.run(args, capture_output=True, env=env), repeats)))
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

    print("\n| measurement | median |\n| --- | ---: |")
    for label, seconds in inner + peer_rows + [(label, s) for label, s in outer]:
        print(f"| {label} | {milliseconds(seconds)} |")
    print("\n| scaling | median | per MB |\n| --- | ---: | ---: |")
    for label, seconds, per_mb in scale:
        print(f"| {label} | {milliseconds(seconds)} | {milliseconds(per_mb)} |")

    every_fact = inner[1][1]
    outer_times = dict(outer)
    trivial = outer_times["trivial Typer app"]
    print("\nratios (targets from issue 8):")
    datefinder = dict(peer_rows).get("peer: datefinder.find_dates(body)")
    if datefinder:
        print(f"  every fact / datefinder            {every_fact / datefinder:5.2f}  (target <= 0.20)")
    for label, seconds in outer:
        if label.startswith("karabakh"):
            target = 1.3 if "--json" in label else 1.6
            print(f"  {label:<34} / trivial Typer {seconds / trivial:5.2f}  (target <= {target})")
    per_mb = {label: per for label, _, per in scale}
    first, last = list(per_mb.values())[0], list(per_mb.values())[-1]
    print(f"  time per MB at x50 / at x1          {last / first:5.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
