"""Records as plain data: the one serialiser behind every command's --json and every export."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import date


def to_data(value):
    """Dataclasses become dicts in field order, dates ISO strings, tuples lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) or (isinstance(value, Sequence) and not isinstance(value, (str, bytes))):
        return [to_data(item) for item in value]  # a tuple-like sequence too (document.Compact)
    return value


def to_json(value) -> str:
    """Indented JSON. A list is written item by item: json's indenting encoder is pure
    Python and holds a string per token of the whole answer until it joins them, many times
    the answer's size for a long list."""
    if not isinstance(value, (list, tuple)) or not value:
        return json.dumps(to_data(value), ensure_ascii=False, indent=2) + "\n"
    items = ",\n  ".join(list_item(to_data(item)) for item in value)
    return f"[\n  {items}\n]\n"


def list_item(data) -> str:
    """Plain data as an indented item of a JSON list, without the comma. JSON strings hold no
    raw line breaks, so indenting an item is indenting its lines."""
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n  ")
