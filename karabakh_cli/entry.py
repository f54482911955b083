"""The console entry point. A `--json` command line answered before, about a document whose
bytes have not changed, is replayed from the answer cache without importing the command line
(Typer, the extractors); anything else runs the command line. No traceback reaches the user."""

from __future__ import annotations

import os
import sys


def main() -> None:
    argv = sys.argv[1:]
    from . import cache

    answer = cache.replay(argv)
    if answer is not None:
        sys.stdout.write(answer["stdout"])
        sys.stderr.write(answer["stderr"])
        sys.exit(answer["code"])
    try:
        code = run(argv)
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as other shell tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except KeyboardInterrupt:
        sys.stderr.write("karabakh: interrupted\n")
        code = 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        sys.stderr.write(f"karabakh: error: internal error: {type(exc).__name__}: {exc}\n")
        code = 2
    sys.exit(code)


def run(argv: list[str]) -> int:
    from . import cache
    from .cli import app, invocation

    try:
        result = app(args=argv, prog_name="karabakh", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
    except Exception as error:
        if not hasattr(error, "format_message"):  # not one of click's usage errors
            raise
        code = usage_error(error)
    if code in (0, 1) and "doc" in invocation and "stdout" in invocation and cache.replayable(argv):
        cache.remember(argv, *invocation["doc"], invocation["stdout"], invocation.get("stderr", ""), code)
    return code


def usage_error(error) -> int:
    """Click's usage errors as one line, like every other error: what is wrong, and where help is."""
    context = getattr(error, "ctx", None)
    hint = f" (see '{context.command_path} --help')" if context is not None else ""
    sys.stderr.write(f"karabakh: error: {error.format_message()}{hint}\n")
    return getattr(error, "exit_code", 2)
