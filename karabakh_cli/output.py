"""Where one invocation's output goes and in what form. The Environment (stdout, terminal or
pipe, width, height, colour, pager) is built once per invocation and handed to the renderer;
tests swap in their own. The record formats (JSON with --fields, CSV, TSV) live here too:
they need no Rich, so a --json answer never imports it."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from dataclasses import dataclass
from typing import Optional, TextIO

from .pager import isatty as _isatty, pager_command
from .records import to_data, to_json

DEFAULT_LIMIT = 50  # rows a long view shows on a terminal unless --limit says otherwise
COLOR_CHOICES = ("auto", "always", "never")


@dataclass
class Environment:
    stdout: Optional[TextIO] = None  # None: sys.stdout when written to
    is_terminal: bool = False
    width: int = 80
    height: int = 24
    color: bool = False
    pager: Optional[list[str]] = None  # the pager's argv; None prints directly

    @classmethod
    def detect(cls, color: str = "auto", no_pager: bool = False) -> "Environment":
        """The invocation's surroundings, read from the process: stdout, its size, the
        colour wanted (--color, NO_COLOR, FORCE_COLOR, TERM=dumb) and the pager."""
        stdout = sys.stdout
        is_terminal = _isatty(stdout)
        size = shutil.get_terminal_size((80, 24))  # COLUMNS and LINES first
        return cls(
            stdout=stdout,
            is_terminal=is_terminal,
            width=max(size.columns, 20),
            height=max(size.lines, 2),
            color=wants_color(color, is_terminal, os.environ),
            pager=None if no_pager or not is_terminal else pager_command(os.environ),
        )


def wants_color(choice: str, is_terminal: bool, environ) -> bool:
    """--color always/never first, then NO_COLOR, FORCE_COLOR and TERM=dumb, else a terminal."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal and environ.get("TERM") != "dumb"


# --- record formats ----------------------------------------------------------------------------


class FieldError(ValueError):
    """--fields names a field the records do not have."""


def first(value, limit: Optional[int]):
    """The first `limit` items of a list or tuple of records (all when `limit` is None or 0)."""
    return list(value[:limit]) if limit and isinstance(value, (list, tuple)) else value


def as_records(value) -> list[dict]:
    """A command's answer as a list of flat-ish dicts: a list stays a list, one object is one
    record, a mapping of names to objects (the infobox) becomes records with a `name` first."""
    data = to_data(value)
    if isinstance(value, dict):
        return [{"name": key, **(item if isinstance(item, dict) else {"value": item})} for key, item in data.items()]
    if isinstance(data, list):
        return [item if isinstance(item, dict) else {"value": item} for item in data]
    if isinstance(data, dict):
        return [data]
    return [] if data is None else [{"value": data}]


def check_fields(records: list[dict], fields: Optional[list[str]]) -> None:
    if not fields or not records:
        return
    valid = list(dict.fromkeys(key for record in records for key in record))
    unknown = [name for name in fields if name not in valid]
    if unknown:
        raise FieldError(f"unknown field {unknown[0]!r} for --fields; valid fields: {', '.join(valid)}")


def choose(data, fields: Optional[list[str]]):
    """The JSON answer with only `fields`, in that order (a list's items, or the object)."""
    if not fields:
        return data
    if isinstance(data, list):
        return [choose(item, fields) for item in data]
    if isinstance(data, dict):
        return {name: data[name] for name in fields if name in data}
    return data


def write_json(out: TextIO, value, fields: Optional[list[str]]) -> str:
    if fields:
        check_fields(as_records(value), fields)
        data = to_data(value)
        if isinstance(value, dict):  # the infobox: a mapping of field names to objects
            value = {name: choose(item, fields) for name, item in data.items()}
        else:
            value = choose(data, fields)
    answer = to_json(value)
    out.write(answer)
    return answer


def write_rows(out: TextIO, value, fields: Optional[list[str]], delimiter: str) -> None:
    """CSV (delimiter ",") or TSV ("\\t") with a header row; nested values as compact JSON."""
    records = as_records(value)
    check_fields(records, fields)
    columns = fields or list(dict.fromkeys(key for record in records for key in record))
    if not columns:
        return
    if delimiter == ",":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell(record.get(name)) for name in columns] for record in records)
        return
    out.write("\t".join(columns) + "\n")
    for record in records:
        out.write("\t".join(tsv_cell(cell(record.get(name))) for name in columns) + "\n")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def tsv_cell(text: str) -> str:
    """TSV has no quoting: a tab or line break inside a value becomes a space."""
    return text.replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " ")


class Progress:
    """Progress through many documents, as a bar on stderr (drawn by the renderer) once the
    work has taken more than a second and only when stderr is a terminal: a quick run, a
    pipe or a log file gets nothing."""

    DELAY = 1.0  # seconds before a bar is worth showing

    def __init__(self, total: int, what: str, stream: Optional[TextIO] = None, clock=None):
        import time

        self.total, self.what, self.done = total, what, 0
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock or time.monotonic  # seconds, from any start
        self.started = self.clock()
        self.bar = None
        self.wanted = _isatty(self.stream) and total > 1

    def advance(self) -> None:
        self.done += 1
        if self.bar is None and self.wanted and self.clock() - self.started > self.DELAY:
            from .render import ProgressBar

            self.bar = ProgressBar(self.total, self.what, self.stream)
        if self.bar is not None:
            self.bar.update(self.done)

    def message(self, line: str) -> None:
        """A line for stderr, written above the bar when one is drawn."""
        if self.bar is not None:
            self.bar.message(line)
        else:
            self.stream.write(line)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
