"""``@record``: a dataclass whose methods are compiled in one go.

On Python 3.11, ``@dataclass(frozen=True, slots=True)`` compiles six small functions for
every class (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``,
``__delattr__``), each from its own source text.  smartlint defines about a hundred such
classes, and creating them took about a quarter of a small run's start-up (~30 ms of
~140 ms).  :func:`record` lets :func:`dataclasses.dataclass` do everything but those methods
(fields, defaults, ``__slots__``, ``__match_args__``, the metadata that
:func:`dataclasses.fields`, :func:`dataclasses.replace` and :func:`dataclasses.asdict` read),
then compiles the same methods from one source text: a third of the cost.

The methods behave as the dataclass's do (``tests/test_records.py`` compares them with
real dataclasses): equality and hashing over the fields that ``compare``, ``repr`` over the
fields that ``repr``, assignment and deletion refused with
:class:`dataclasses.FrozenInstanceError` on frozen records, and pickling (worker processes
send results back pickled) through the field values.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

T = TypeVar("T")

if TYPE_CHECKING:  # typing has it from Python 3.11; the type checker reads 3.10's rules
    from typing_extensions import dataclass_transform
elif sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # Python 3.10: the decorator only informs type checkers, so none is needed to run

    def dataclass_transform(**_: object) -> Callable[[T], T]:
        return lambda function: function


_FACTORY = object()  # an argument left out whose default is a factory's product


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(
    *, frozen: bool = True, slots: bool = True, eq: bool = True
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(
    cls: type[T] | None = None, /, *, frozen: bool = True, slots: bool = True, eq: bool = True
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make ``cls`` a dataclass (frozen, with slots and equality unless told otherwise)."""

    def build(cls: type[T]) -> type[T]:
        made: type[T] = dataclasses.dataclass(init=False, repr=False, eq=False, slots=slots)(cls)
        _add_methods(made, frozen=frozen, eq=eq)
        return made

    return build if cls is None else build(cls)


def _add_methods(cls: type[Any], *, frozen: bool, eq: bool) -> None:
    fields = dataclasses.fields(cls)
    names = [f.name for f in fields]
    params, body, scope = [], [], {"_FACTORY": _FACTORY, "_set": object.__setattr__}
    for f in fields:
        if not f.init:
            raise TypeError(f"@record does not support init=False ({cls.__name__}.{f.name})")
        value = f.name
        if f.default is not dataclasses.MISSING:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            scope[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            value = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        else:
            params.append(f.name)
        body.append(
            f"  _set(self, {f.name!r}, {value})" if frozen else f"  self.{f.name} = {value}"
        )
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr)
    compared = "".join(f"self.{f.name}," for f in fields if f.compare)
    other = "".join(f"other.{f.name}," for f in fields if f.compare)
    hashed = "".join(f"self.{f.name}," for f in fields if (f.compare if f.hash is None else f.hash))
    source = [
        f"def __init__(self, {', '.join(params)}) -> None:",
        *(body or ["  pass"]),
        "def __repr__(self):",
        f"  return f'{{self.__class__.__qualname__}}({shown})'",
    ]
    if eq:
        source += [
            "def __eq__(self, other):",
            "  if other.__class__ is self.__class__:",
            f"    return ({compared}) == ({other})",
            "  return NotImplemented",
        ]
        if frozen:
            source += ["def __hash__(self):", f"  return hash(({hashed}))"]
    if frozen:
        source += [
            "def __setattr__(self, name, value):",
            "  raise FrozenInstanceError(f'cannot assign to field {name!r}')",
            "def __delattr__(self, name):",
            "  raise FrozenInstanceError(f'cannot delete field {name!r}')",
        ]
        scope["FrozenInstanceError"] = dataclasses.FrozenInstanceError
    made: dict[str, Any] = {}
    exec("\n".join(source), scope, made)
    for name, method in made.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    if eq and not frozen:
        cls.__hash__ = None  # type: ignore[assignment]  # as a dataclass: mutable and compared by value, so unhashable
    if frozen and "__slots__" in cls.__dict__:
        cls.__getstate__ = _getstate
        cls.__setstate__ = _setstate
    cls.__record_fields__ = tuple(names)


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name in self.__record_fields__]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__record_fields__, state, strict=True):
        object.__setattr__(self, name, value)
