"""``@record``: a dataclass that compiles one method instead of six.

On Python 3.11, ``@dataclass(frozen=True, slots=True)`` compiles six small functions for
every class (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``,
``__delattr__``), each from its own source text.  smartlint defines about a hundred such
classes, and creating them took about a quarter of a small run's start-up (~30 ms of
~140 ms).  :func:`record` lets :func:`dataclasses.dataclass` do everything but those methods
(fields, defaults, ``__slots__``, ``__match_args__``, the metadata that
:func:`dataclasses.fields`, :func:`dataclasses.replace` and :func:`dataclasses.asdict` read),
then compiles only ``__init__``, whose signature is the class's own.  The other methods are
functions shared by every record, reading the fields through :func:`operator.attrgetter`
(in C, as fast as the dataclass's generated tuples): about a fifth of the cost.

The methods behave as the dataclass's do (``tests/test_records.py`` compares them with
real dataclasses): equality and hashing over the fields that ``compare``, ``repr`` over the
fields that ``repr``, assignment and deletion refused with
:class:`dataclasses.FrozenInstanceError` on frozen records, and pickling (worker processes
send results back pickled) as a call of the class with the field values, which unpickles
in a third of the time a dataclass takes.
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
from collections.abc import Callable, Iterable
from operator import attrgetter
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
        if not cls.__doc__:  # dataclasses would write one through inspect.signature: 1 ms
            cls.__doc__ = f"{cls.__name__}({', '.join(inspect.get_annotations(cls))})"
        made: type[T] = dataclasses.dataclass(init=False, repr=False, eq=False, slots=slots)(cls)
        _add_methods(made, frozen=frozen, eq=eq)
        return made

    return build if cls is None else build(cls)


def _add_methods(cls: type[Any], *, frozen: bool, eq: bool) -> None:
    fields = dataclasses.fields(cls)
    _set_method(cls, "__init__", _init(cls, fields, frozen=frozen))
    _set_method(cls, "__repr__", _repr(tuple(f.name for f in fields if f.repr)))
    if eq:
        compared = _getter(f.name for f in fields if f.compare)
        _set_method(cls, "__eq__", _eq(compared))
        if frozen:
            hashed = (f for f in fields if (f.compare if f.hash is None else f.hash))
            _set_method(cls, "__hash__", _hash(_getter(f.name for f in hashed)))
        else:
            cls.__hash__ = None  # type: ignore[assignment]  # mutable, compared by value: unhashable
    if frozen:
        _set_method(cls, "__setattr__", _refuse_assignment)
        _set_method(cls, "__delattr__", _refuse_deletion)
        _set_method(cls, "__reduce__", _reduce(_getter(f.name for f in fields)))


def _set_method(cls: type[Any], name: str, method: Callable[..., Any]) -> None:
    if method.__name__ == name:  # made for this class, not shared by every record
        method.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, method)


def _init(
    cls: type[Any], fields: tuple[dataclasses.Field[Any], ...], *, frozen: bool
) -> Callable[..., None]:
    """Compile ``__init__``: the one method whose signature is the class's own."""
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
        body.append(f" _set(self, {f.name!r}, {value})" if frozen else f" self.{f.name} = {value}")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or " pass")
    made: dict[str, Any] = {}
    exec(source, scope, made)
    init: Callable[..., None] = made["__init__"]
    return init


def _getter(names: Iterable[str]) -> Callable[[Any], tuple[Any, ...]]:
    """Return a function giving a record's values of ``names`` as a tuple (in C)."""
    names = tuple(names)
    if not names:
        return lambda record: ()
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda record: (get(record),)


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _eq(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _refuse_assignment(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], tuple[Any, ...]]:
    def __reduce__(self: Any) -> tuple[Any, ...]:
        return (self.__class__, values(self))  # rebuilt through __init__: one call, in order

    return __reduce__
