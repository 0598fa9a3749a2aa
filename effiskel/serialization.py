"""JSON for every type of the data model, through one cattrs converter.

``to_json(obj)`` and ``from_json(Type, text)`` round-trip without loss: enums as their values,
tuples as lists, nested records as objects. A record that does not fit its type raises
:class:`~effiskel.errors.DataError` naming the field that is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.v
from cattrs.preconf.json import make_converter

from .errors import DataError

T = TypeVar("T")

converter = make_converter(forbid_extra_keys=True)


def _strict(expected: type, accept: tuple[type, ...]) -> Any:
    """A structure hook that refuses values of another JSON type instead of coercing them.

    cattrs' own hooks call ``str(v)``, ``int(v)``, ``bool(v)``: ``"false"`` would become ``True``
    and ``3.7`` would become ``3`` without a word.
    """

    def hook(value: Any, cls: Any) -> Any:
        if isinstance(value, bool) and expected is not bool or not isinstance(value, accept):
            raise TypeError(f"got {type(value).__name__} {value!r}")
        return cls(value)

    return hook


for _type, _accept in ((str, (str,)), (bool, (bool,)), (int, (int,)), (float, (int, float))):
    converter.register_structure_hook(_type, _strict(_type, _accept))


def _format_exception(exc: BaseException, cls: Any) -> str:
    """cattrs' message, plus what a validator or the class itself said was wrong."""
    if isinstance(exc, AttributeError) and str(exc).endswith("object has no attribute 'keys'"):
        return f"expected an object, got {str(exc).split()[0].strip(chr(39))}"  # not a dict
    message = cattrs.v.format_exception(exc, cls)
    # attrs validators raise with (message, attribute, ...) as args: keep the message only.
    detail = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    if isinstance(exc, (TypeError, ValueError)) and detail and detail not in message:
        message += f": {detail}"
    return message


def unstructure(obj: Any) -> Any:
    """``obj`` as plain JSON-ready Python data (dicts, lists, strings, numbers)."""
    return converter.unstructure(obj)


def structure(cls: type[T], data: Any, *, path: str | None = None, record: str | int | None = None) -> T:
    """Build a ``cls`` from plain data; a mismatch raises DataError naming the field."""
    if attrs.has(cls) and not isinstance(data, dict):
        message = f"expected an object for {cls.__name__}, got {type(data).__name__}"
        raise DataError(message, path=path, record=record)
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        notes = cattrs.transform_error(exc, format_exception=_format_exception)
        raise DataError("; ".join(notes), path=path, record=record) from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise DataError(str(exc), path=path, record=record) from None


def to_json(obj: Any, *, indent: int | None = None) -> str:
    return json.dumps(unstructure(obj), indent=indent, ensure_ascii=False, allow_nan=False)


def from_json(cls: type[T], text: str | bytes, *, path: str | None = None) -> T:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", path=path) from None
    return structure(cls, data, path=path)


def read_json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line of a JSON Lines file; an unreadable file
    or a line that is not JSON raises DataError naming the file and the line."""
    try:
        f = open(path, encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    with f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"not JSON: {exc.msg}", path=str(path), record=number) from None
