"""``@record`` behaves as the dataclass it replaces (smartlint/records.py)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from smartlint import model
from smartlint.records import record


def _shape(factory: type = tuple) -> type:
    class Shape:
        """A value with a plain field, a default, a factory, and a field left out of eq."""

        name: str
        size: int = 3
        tags: list[str] = field(default_factory=factory)
        note: str = field(default="", compare=False, repr=False)

    return Shape


FrozenRecord = record(_shape())
FrozenDataclass = dataclass(frozen=True, slots=True)(_shape())
FrozenRecord.__qualname__ = "FrozenRecord"  # found by name, as pickle looks classes up
FrozenDataclass.__qualname__ = "FrozenDataclass"


@pytest.mark.parametrize(
    "args",
    [("a",), ("a", 4), ("a", 4, ("x",)), ("a", 4, ("x",), "why")],
    ids=["defaults", "size", "factory", "all"],
)
def test_a_frozen_record_is_what_the_frozen_dataclass_is(args: tuple[object, ...]) -> None:
    ours, theirs = FrozenRecord(*args), FrozenDataclass(*args)
    assert repr(ours).replace("FrozenRecord", "X") == repr(theirs).replace("FrozenDataclass", "X")
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert [f.name for f in dataclasses.fields(ours)] == [
        f.name for f in dataclasses.fields(theirs)
    ]
    assert FrozenRecord.__match_args__ == FrozenDataclass.__match_args__  # type: ignore[attr-defined]
    assert ours == FrozenRecord(*args)
    assert ours == dataclasses.replace(ours, note="other")  # note is left out of eq
    assert ours != dataclasses.replace(ours, size=99)
    assert ours != theirs  # another class is never equal, as with dataclasses
    assert hash(ours) == hash(FrozenRecord(*args)) == hash(dataclasses.replace(ours, note="n"))
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert copy.deepcopy(ours) == ours
    assert not hasattr(ours, "__dict__")  # slots


def test_factories_give_each_record_its_own_value() -> None:
    Listed = record(_shape(list))
    first, second = Listed("a"), Listed("b")
    assert first.tags == [] and first.tags is not second.tags  # type: ignore[attr-defined]


def test_a_frozen_record_refuses_assignment_and_deletion() -> None:
    shape = FrozenRecord("a")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'size'"):
        shape.size = 5  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'size'"):
        del shape.size  # type: ignore[attr-defined]


def test_a_mutable_record_assigns_and_is_unhashable_like_a_dataclass() -> None:
    Mutable = record(frozen=False)(_shape())
    shape = Mutable("a")
    shape.size = 7  # type: ignore[attr-defined]
    assert shape == Mutable("a", 7)
    with pytest.raises(TypeError, match="unhashable"):
        hash(shape)


def test_a_record_without_eq_compares_by_identity() -> None:
    Plain = record(frozen=False, eq=False)(_shape())
    one = Plain("a")
    assert one == one and one != Plain("a")
    assert hash(one) == object.__hash__(one)


def test_missing_and_unknown_arguments_fail_as_with_a_dataclass() -> None:
    with pytest.raises(TypeError):
        FrozenRecord()
    with pytest.raises(TypeError):
        FrozenRecord("a", colour="red")


def test_init_false_is_refused_at_definition() -> None:
    class Derived:
        name: str
        length: int = field(init=False, default=0)

    with pytest.raises(TypeError, match="init=False"):
        record(Derived)


def test_the_models_results_survive_the_trip_a_worker_sends_them_on() -> None:
    span = model.Span(3, 4, 5, 6)
    finding = model.Finding(
        path="goals.yaml",
        span=span,
        code="S101",
        name="vague-verb",
        criterion=model.Criterion.SPECIFIC,
        severity=model.Severity.ERROR,
        effect=model.Effect.FAIL,
        message="m",
        suggestion="s",
        goal_id="g1",
        fix=model.Fix(model.FixSafety.SAFE, "d", (model.TextEdit(span, "t"),)),
    )
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert {finding, dataclasses.replace(finding)} == {finding}
