"""The scale benchmark of issue 17: many articles at once. Not run by pytest.

Run from the repository root with the project installed, on an otherwise idle machine (the
CPU seconds it prints are what the runs cost whatever else runs):

    python tests/perf/bench_many.py            # N = 2,000 articles (about ten minutes on 2 cores)
    python tests/perf/bench_many.py --quick    # N = 300

It copies the bundled article and the development corpus (/work/shared/corpus/*.md, or
--corpus FOLDER) many times under distinct names into a temporary folder, with a cache folder
of its own (XDG_CACHE_HOME), and reports:
- export to SQLite, first run, with --jobs 1 and --jobs 2 (each with an empty cache): documents
  per second and their ratio (target >= 1.7);
- the peak resident memory of any one process of a run (the parent or a worker), at N and at
  N / 4 (target < 500 MB, and not growing with N);
- the same export again over the cached folder, against the first run (target >= 10x);
- `casualties --json --doc FOLDER` over the cached folder (target < 5 s at 2,000).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from karabakh_cli.factbase import bundled_path

DEFAULT_CORPUS = Path("/work/shared/corpus")


def build_folder(folder: Path, count: int, corpus: Path) -> None:
    """`count` articles: the sources in turn, each copy under a name of its own."""
    sources = [bundled_path(), *sorted(p for p in corpus.glob("*.md") if p.name != "README.md")]
    folder.mkdir(parents=True)
    for number in range(count):
        source = sources[number % len(sources)]
        shutil.copyfile(source, folder / f"{number:05d}-{source.name}")


# What `casualties --json --doc FOLDER` has to do once the facts are cached, in one process:
# read every article's claims from the cache and write them as JSON.
CLAIMS_OF_EVERY_ARTICLE = """
import json, sys
from pathlib import Path
from karabakh_cli.factbase import FactBase
from karabakh_cli.records import to_data
for path in sorted(Path(sys.argv[1]).glob("*.md")):
    facts = FactBase.load(path, use_cache=True)
    sys.stdout.write(json.dumps(to_data(facts.all_claims)))
    facts.save()
"""


def run(argv: list[str], cache_home: Path, python: tuple[str, ...] = ("-m", "karabakh_cli")) -> tuple:
    """(seconds, peak RSS in MB of the largest process, exit code, CPU seconds of all its
    processes) of one command line. The rusage of a waited-for child covers the descendants
    it waited for: ru_maxrss is the largest of them, not their sum; the times are summed."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *python, *argv], env=environment,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode()
    if child.returncode not in (0,):
        print(f"  ({' '.join(argv[:2])}: exit {child.returncode}: {errors.strip()[:200]})", file=sys.stderr)
    return seconds, usage.ru_maxrss / 1024, child.returncode, usage.ru_utime + usage.ru_stime


def export(folder: Path, cache_home: Path, jobs: int, output: Path) -> tuple:
    return run(["export", str(output), "--force", "--jobs", str(jobs), "--doc", str(folder)], cache_home)


def measure(count: int, corpus: Path, work: Path) -> dict:
    folder = work / f"articles-{count}"
    build_folder(folder, count, corpus)
    found = {}
    for jobs in (1, 2):
        cache_home = work / f"cache-{count}-{jobs}"
        found[f"first {jobs}"] = export(folder, cache_home, jobs, work / f"out-{count}-{jobs}.sqlite")
    cache_home = work / f"cache-{count}-2"
    found["cached 2"] = export(folder, cache_home, 2, work / f"out-{count}-cached.sqlite")
    found["casualties"] = run(["casualties", "--json", "--doc", str(folder)], cache_home)
    run(["-c", CLAIMS_OF_EVERY_ARTICLE, str(folder)], cache_home, python=())  # claims into the cache
    found["claims read"] = run(["-c", CLAIMS_OF_EVERY_ARTICLE, str(folder)], cache_home, python=())
    return found


def report(count: int, found: dict) -> None:
    first1, first2, cached = (found[k][0] for k in ("first 1", "first 2", "cached 2"))
    print(f"\nN = {count} articles")
    print(f"{'measure':52} {'value':>14}")
    print(f"{'export to SQLite, first run, --jobs 1':52} {count / first1:>9.1f} doc/s  ({first1:.1f} s)")
    print(f"{'export to SQLite, first run, --jobs 2':52} {count / first2:>9.1f} doc/s  ({first2:.1f} s)")
    print(f"{'  --jobs 2 / --jobs 1 throughput (target >= 1.7)':52} {first1 / first2:>13.2f}x")
    cpu1, cpu2 = found["first 1"][3], found["first 2"][3]
    print(f"{'  CPU seconds, --jobs 1 and --jobs 2':52} {cpu1:>7.1f} {cpu2:>6.1f}")
    print(f"{'export again over the cached folder, --jobs 2':52} {count / cached:>9.1f} doc/s  ({cached:.1f} s)")
    print(f"{'  first run / cached run (target >= 10)':52} {first2 / cached:>13.1f}x")
    cpu_cached = found["cached 2"][3]
    print(f"{'  CPU seconds, first and cached run (--jobs 2)':52} {cpu2:>7.1f} {cpu_cached:>6.1f}")
    peak = max(found[k][1] for k in ("first 1", "first 2", "cached 2"))
    print(f"{'peak RSS of any one process (target < 500 MB)':52} {peak:>11.0f} MB")
    seconds, rss, code, _ = found["casualties"]
    shown = f"{seconds:.2f} s" if code == 0 else f"exit {code}"
    print(f"{'casualties --json --doc FOLDER, cached (target < 5 s)':52} {shown:>14}")
    proxy = found["claims read"][0]
    print(f"{'  claims of every cached article as JSON, one process':52} {proxy:>12.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 articles instead of 2,000")
    parser.add_argument("-n", type=int, help="number of articles (default 2,000; 300 with --quick)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of extra articles to copy")
    arguments = parser.parse_args()
    count = arguments.n or (300 if arguments.quick else 2000)
    print(f"karabakh many-articles benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="karabakh-many-") as work:
        for size in (max(1, count // 4), count):
            report(size, measure(size, arguments.corpus, Path(work)))


if __name__ == "__main__":
    main()
