"""Writing a rendered view to the terminal, through the pager when it is taller than the
screen, and the facts of the surroundings a rendered view depends on. Light on imports: a
replayed view (entry.py) uses this without Rich, Typer or the extractors."""

from __future__ import annotations

import os
import sys

DEFAULT_PAGER = "less -FRX"


def pager_command(environ) -> list[str] | None:
    """$KARABAKH_PAGER, else $PAGER, else `less -FRX`; empty or `cat` means no pager."""
    for name in ("KARABAKH_PAGER", "PAGER"):
        if name in environ:
            command = environ[name].strip()
            break
    else:
        command = DEFAULT_PAGER
    if command in ("", "cat"):
        return None
    import shlex

    try:
        return shlex.split(command) or None
    except ValueError:  # unbalanced quotes: no pager rather than a failure
        return None


def isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_size() -> tuple[int, int]:
    """Columns and lines as shutil.get_terminal_size gives them (COLUMNS and LINES first, then
    the terminal, else 80 by 24), without importing shutil: a replayed answer asks for it."""
    sizes = []
    for name, fallback, index in (("COLUMNS", 80, 0), ("LINES", 24, 1)):
        try:
            value = int(os.environ.get(name, "0"))
        except ValueError:
            value = 0
        if value <= 0:
            try:
                value = os.get_terminal_size(sys.__stdout__.fileno())[index]
            except (AttributeError, ValueError, OSError):
                value = 0
        sizes.append(value if value > 0 else fallback)
    return sizes[0], sizes[1]


def surroundings() -> str:
    """What a view rendered for this invocation depends on besides its command line: whether
    stdout is a terminal, its size, and the variables that decide colour."""
    columns, lines = terminal_size()
    colour = "|".join(f"{name}={os.environ.get(name, '')}" for name in ("NO_COLOR", "FORCE_COLOR", "TERM"))
    return f"{isatty(sys.stdout)}|{columns}x{lines}|{colour}"


def write_view(rendered: str, stdout, is_terminal: bool, height: int, pager: list[str] | None) -> None:
    """Write a rendered view: through `pager` when on a terminal and taller than the screen."""
    if is_terminal and pager and rendered.count("\n") >= height:
        import signal
        import subprocess

        try:
            process = subprocess.Popen(pager, stdin=subprocess.PIPE)
        except OSError:
            pass  # no such pager: print directly
        else:
            # Ctrl-C belongs to the pager (less uses it to stop a search), as in git.
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                process.communicate(rendered.encode("utf-8", "replace"))
            except BrokenPipeError:  # the reader quit the pager early
                process.wait()
            finally:
                signal.signal(signal.SIGINT, previous)
            return
    stdout.write(rendered)
    stdout.flush()


def replay_view(rendered: str, no_pager: bool) -> None:
    """Write a view rendered by an earlier run in these same surroundings."""
    terminal = isatty(sys.stdout)
    pager = None if no_pager or not terminal else pager_command(os.environ)
    write_view(rendered, sys.stdout, terminal, max(terminal_size()[1], 2), pager)
