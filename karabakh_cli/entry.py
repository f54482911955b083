"""The console entry point. A command line answered before, in the same surroundings (see
pager.surroundings), about a document that is still the same file with the same bytes, is
replayed from the answer cache without importing the command line (Typer, the extractors,
Rich); anything else runs the command line.

No traceback reaches the user, and every write to stdout, replayed or not, goes through one
guard: a reader that went away (`| head`) ends the run quietly with exit 0, as ripgrep does;
a write that fails (`> /dev/full`) or a closed stdout (`>&-`) is one line on stderr and exit
2. Text the output encoding cannot show (`PYTHONIOENCODING=ascii`) is written as `\\uXXXX`
escapes under `--json`, which keeps the JSON valid and equal, and otherwise as `?`, which
keeps tables aligned."""

from __future__ import annotations

import io
import os
import sys


class OutputError(Exception):
    """Standard output could not be written (not a reader that went away)."""


class ReaderGone(Exception):
    """The reader of standard output went away. Not a BrokenPipeError, which Rich would turn
    into exit 1."""


class _Stdout(io.FileIO):
    """Standard output whose failed writes say so, unlike an OSError from anywhere else."""

    def write(self, data):
        try:
            return super().write(data)
        except BrokenPipeError:
            raise ReaderGone from None
        except BlockingIOError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None


def main() -> None:
    argv = sys.argv[1:]
    if sys.stderr is None:
        sys.stderr = io.StringIO()  # nowhere to report to; the exit code still tells
    try:
        guard_stdout(as_json="--json" in argv)
        code = answer(argv)
        sys.stdout.flush()
    except (ReaderGone, BrokenPipeError):
        silence_stdout()
        code = 0
    except OutputError as exc:
        silence_stdout()
        sys.stderr.write(f"karabakh: error: cannot write output: {exc}\n")
        code = 2
    except KeyboardInterrupt:
        sys.stderr.write("karabakh: interrupted\n")
        code = 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        sys.stderr.write(f"karabakh: error: internal error: {type(exc).__name__}: {exc}\n")
        code = 2
    sys.exit(code)


def guard_stdout(as_json: bool) -> None:
    """Put standard output behind `_Stdout`, with the encoding fallback described above."""
    if sys.stdout is None:  # Python found descriptor 1 closed
        raise OutputError("standard output is closed")
    try:
        descriptor = sys.stdout.fileno()
        raw = _Stdout(descriptor, "w", closefd=False)
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return  # not a real file (an embedding program's stream): leave it as it is
    except OSError as exc:
        raise OutputError(exc.strerror or "standard output is closed") from None
    if as_json:
        import codecs

        codecs.register_error("karabakh-json", json_escape)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=sys.stdout.encoding,
        errors="karabakh-json" if as_json else "replace",
        line_buffering=sys.stdout.line_buffering,
    )


def json_escape(error: UnicodeEncodeError) -> tuple[str, int]:
    """Characters the encoding cannot show, as JSON's `\\uXXXX` (UTF-16 code units). JSON
    text has non-ASCII characters only inside strings, where such escapes mean the same."""
    units = error.object[error.start:error.end].encode("utf-16-be", "surrogatepass")
    escaped = "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))
    return escaped, error.end


def silence_stdout() -> None:
    """Point descriptor 1 at /dev/null, so that the flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


def answer(argv: list[str]) -> int:
    from . import cache

    replayed = cache.replay(argv)
    if replayed is None:
        return run(argv)
    if replayed["view"]:  # a view for people: its notes first, as when it was rendered
        from .pager import replay_view

        sys.stderr.write(replayed["stderr"])
        replay_view(replayed["view"], no_pager="--no-pager" in argv)
        return replayed["code"]
    sys.stdout.write(replayed["stdout"])
    sys.stderr.write(replayed["stderr"])
    return replayed["code"]


def run(argv: list[str]) -> int:
    from . import cache
    from .cli import app
    from .options import invocation, one_line
    from .factbase import ExtractionError

    try:
        result = app(args=argv, prog_name="karabakh", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
    except ExtractionError as error:
        sys.stderr.write(f"karabakh: error: {one_line(error.path)}: {one_line(str(error))}\n")
        code = 2
    except Exception as error:
        if not hasattr(error, "format_message"):  # not one of click's usage errors
            raise
        code = usage_error(error)
    finally:
        facts = invocation.get("facts")
        if facts is not None:
            facts.save()
    source = facts.source if facts is not None else None
    folder = invocation.get("folder_given")  # a file may join the folder: never replayed
    answered = "stdout" in invocation or "view" in invocation
    if code in (0, 1) and source is not None and not folder and answered and cache.replayable(argv):
        stdout, stderr = invocation.get("stdout", ""), invocation.get("stderr", "")
        cache.remember(argv, source, stdout, stderr, code, view=invocation.get("view", ""))
    return code


def usage_error(error) -> int:
    """Click's usage errors as one line, like every other error: what is wrong, and where help is."""
    context = getattr(error, "ctx", None)
    hint = f" (see '{context.command_path} --help')" if context is not None else ""
    sys.stderr.write(f"karabakh: error: {error.format_message()}{hint}\n")
    return getattr(error, "exit_code", 2)
