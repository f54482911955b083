"""The date a figure is given for."""

from __future__ import annotations

from datetime import date

from ..figures import DayDate


def as_of(
    days: list[DayDate], clause: tuple[int, int], position: int, opening: int, year: int | None
) -> date | None:
    """The date a figure is given for: the nearest day before it in its clause, else the first
    after it in its clause, else a day written before the text's first figure (`opening`).
    A day written without its year takes `year` (the narrative's), else it stays unknown."""
    in_clause = [day for day in days if clause[0] <= day.start and day.end <= clause[1]]
    before = [day for day in in_clause if day.end <= position]
    after = [day for day in in_clause if day.start >= position]
    chosen = before[-1:] or after[:1] or [day for day in days if day.end <= opening][:1]
    if not chosen or (chosen[0].year or year) is None:
        return None
    try:
        return date(chosen[0].year or year, chosen[0].month, chosen[0].day)
    except ValueError:
        return None


def _clause_around(clauses: list[tuple[int, str]], position: int) -> tuple[int, int]:
    for start, clause in clauses:
        if start <= position <= start + len(clause):
            return start, start + len(clause)
    return 0, clauses[-1][0] + len(clauses[-1][1])
