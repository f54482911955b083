"""Many documents: which files a list of `--doc` paths names, and a map of one function over
them across processes, answers in the documents' order.

A folder names every `*.md` file beneath it, in sorted order, skipping hidden files and
folders (a leading dot) and never following a symlink to a folder (no loops); a file is named
by its path as given. Each document is labelled by the path ripgrep would print for it: the
folder as given joined with the file's path inside it. A file named twice is read once."""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence


@dataclass(frozen=True)
class DocumentPath:
    label: str  # the `document` field: the path as given, or folder as given + path inside it
    path: Path  # what to read


@dataclass(frozen=True)
class Unlisted:
    """A path given that names no document: the message says why, in one line."""

    label: str
    message: str


def expand(given: Sequence[Path]) -> list[DocumentPath | Unlisted]:
    """The documents the paths name, in order: a folder's Markdown files sorted, a file (or
    anything else) as given, for the reader to refuse if it is no document."""
    found: list[DocumentPath | Unlisted] = []
    seen: set[str] = set()
    for path in given:
        if str(path) != "-" and path.is_dir():
            inside = list(markdown_files(path))
            if not inside:
                found.append(Unlisted(str(path), "no *.md file in this folder"))
            candidates = [DocumentPath(os.path.join(str(path), name), path / name) for name in inside]
        else:
            candidates = [DocumentPath(str(path), path)]
        for candidate in candidates:
            identity = _identity(candidate.path)
            if identity not in seen:
                seen.add(identity)
                found.append(candidate)
    return found


def markdown_files(folder: Path) -> Iterator[str]:
    """Paths (relative to `folder`) of the visible `*.md` files beneath it, sorted as paths."""
    for top, folders, files in os.walk(folder, onerror=None, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        relative = os.path.relpath(top, folder)
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                yield name if relative == "." else os.path.join(relative, name)


def _identity(path: Path) -> str:
    """The same file given twice (through a folder and by name) is one document; standard
    input and unreadable paths are always their own."""
    if str(path) == "-":
        return "-"
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return str(path)


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


WINDOW = 16  # items in flight per process: a long article takes as long as a few dozen short ones


def map_in_order(
    function: Callable, items: Sequence, jobs: int, done: Optional[Callable[[], None]] = None
) -> Iterator:
    """`function(item)` for every item, yielded in the items' order, computed by up to `jobs`
    processes (in this one when `jobs` is 1 or there is one item). `function` and the items
    must be picklable; `done` is called as each result arrives. At most WINDOW results per
    process are in flight, so memory does not grow with the number of items; enough that
    one long document at the head of the line does not leave the other processes idle
    while the short ones behind it are done."""
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        for item in items:
            result = function(item)
            if done:
                done()
            yield result
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        waiting = iter(items)
        pending = [pool.submit(function, item) for item in itertools.islice(waiting, jobs * WINDOW)]
        while pending:
            result = pending.pop(0).result()
            pending.extend(pool.submit(function, item) for item in itertools.islice(waiting, 1))
            if done:
                done()
            yield result
    finally:  # a reader that stopped early, or an interrupt: no work left running
        pool.shutdown(wait=True, cancel_futures=True)
