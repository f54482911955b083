"""Shell completion: the values offered after an option or argument, read from the document
the command line names only when completing, never when a command runs."""

from __future__ import annotations

import os

import typer


def _completion_facts(ctx: typer.Context):
    """The document a command line being completed names (--doc, KARABAKH_DOC or the bundled
    one), read only now: never when the module is imported."""
    from . import cache
    from .extract.document import DocumentError
    from .factbase import FactBase

    given = ctx.params.get("doc") or os.environ.get("KARABAKH_DOC") or None
    doc = given[0] if isinstance(given, list) else given  # the first of several
    try:
        return FactBase.load(doc, use_cache=cache.enabled())
    except DocumentError:
        return None


def _starting_with(incomplete: str, names) -> list[str]:
    """The names that start with what was typed, escaped for bash, whose completion inserts a
    value as it is: "Suspected war crimes" must arrive as one word. (Typer keeps only values
    that start with the typed text as it is, so escaping with backslashes, not quotes.)"""
    import re

    found = [name for name in dict.fromkeys(names) if name.startswith(incomplete)]
    if os.environ.get("_KARABAKH_COMPLETE") == "complete_bash":
        return [re.sub(r"([^\w@%+=:,./-])", r"\\\1", name) for name in found]
    return found


def complete_entity(ctx: typer.Context, incomplete: str) -> list[str]:
    facts = _completion_facts(ctx)
    return _starting_with(incomplete, [n for e in facts.entities for n in (e.name, *e.aliases)]) if facts else []


def complete_section(ctx: typer.Context, incomplete: str) -> list[str]:
    facts = _completion_facts(ctx)
    if facts is None:
        return []
    return _starting_with(incomplete, [s.title for s in facts.sections] + [s.path for s in facts.sections])


def complete_side(ctx: typer.Context, incomplete: str) -> list[str]:
    facts = _completion_facts(ctx)
    if facts is None:
        return []
    return _starting_with(incomplete, [str(s.side) for s in facts.sides] + [p.name for s in facts.sides for p in s.parties])


def complete_choice(module: str, name: str):
    """Completion of a fixed list of words, `name` in the module `module` (read only when
    completing: the modules are not imported to answer a command)."""

    def complete(incomplete: str) -> list[str]:
        from importlib import import_module

        return _starting_with(incomplete, getattr(import_module(module, __package__), name))

    return complete
