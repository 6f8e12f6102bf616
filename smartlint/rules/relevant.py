"""Relevant (R4xx): a goal serves a parent that exists, without cycles, or says why it matters.

Links are resolved once for the whole run in :func:`smartlint.context.build_goal_set`; these
checks only read the result, so a run over thousands of goals stays linear.
"""

from __future__ import annotations

import difflib
import heapq
from collections.abc import Iterator, Mapping, Sequence
from itertools import islice

from smartlint.context import Context, group_ids_by_shape
from smartlint.facts import Facts
from smartlint.i18n import fmt_short_date, pick
from smartlint.model import Criterion, Effect, Severity, Violation
from smartlint.rules.base import Rule, rule

# difflib compares the typo with every candidate; beyond this many ids only those that
# could plausibly be the same word (same first letter, similar length) are compared.
_MAX_CANDIDATES = 2000


def did_you_mean(
    wrong: str,
    known: Sequence[str],
    by_shape: Mapping[tuple[str, int], Sequence[str]] | None = None,
) -> str | None:
    """Return the known id closest to a mistyped one, or None when nothing is close.

    ``known`` is sorted.  In a large goal set only ids with the same first character and a
    length within 3 are compared, the first :data:`_MAX_CANDIDATES` of them in sorted order;
    ``by_shape`` (ids grouped by first character and length, once per run) finds them
    without scanning every id.
    """
    candidates: Sequence[str] = known
    if len(known) > _MAX_CANDIDATES:
        if by_shape is None:
            by_shape = group_ids_by_shape(sorted(known))
        groups = (by_shape.get((wrong[:1], n), ()) for n in range(len(wrong) - 3, len(wrong) + 4))
        candidates = list(islice(heapq.merge(*groups), _MAX_CANDIDATES))
    matches = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _is_self_link(facts: Facts) -> bool:
    link = facts.goal.parent
    return link is not None and link.value == facts.goal.goal_id


def check_unknown_parent(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Parent goal does not exist in the goal set.

    ## What it does
    Checks that a goal's `parent:` names the id of a goal linted in the same run.

    ## Why is this bad?
    A dangling link (often a typo, or a parent that was renamed or deleted) leaves the goal
    serving nothing, while the file looks as if it did.

    ## Example
    ```yaml
    goals:
      - id: revenue-2027
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
      - id: organic-traffic
        title: Increase organic search visits from 12,000 to 13,200 by 31 July 2027
        parent: revenue-2072
    ```

    ## Use instead
    ```yaml
    goals:
      - id: revenue-2027
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
      - id: organic-traffic
        title: Increase organic search visits from 12,000 to 13,200 by 31 July 2027
        parent: revenue-2027
    ```
    """
    link = facts.goal.parent
    if link is None or link.value in ctx.goals.by_id or _is_self_link(facts):
        return
    lang = facts.language
    guess = did_you_mean(link.value, ctx.goals.ids, ctx.goals.ids_by_shape)
    if guess is not None:
        suggestion = pick(lang, f"Có phải ý bạn là `{guess}`?", f"Did you mean `{guess}`?")
    else:
        suggestion = pick(
            lang,
            "Dùng id của một mục tiêu có trong bộ mục tiêu, hoặc bỏ `parent:` và thêm `why:`.",
            "Use the id of a goal in the goal set, or remove `parent:` and add `why:`.",
        )
    yield Violation(
        link.span,
        pick(
            lang,
            f"Mục tiêu cha `{link.value}` không có trong bộ mục tiêu.",
            f"Parent goal `{link.value}` is not in the goal set.",
        ),
        suggestion,
    )


def check_self_parent(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal names itself as its parent.

    ## What it does
    Flags a goal whose `parent:` is its own id.

    ## Why is this bad?
    A goal cannot serve itself; the real parent link is missing (usually a copy-paste slip).

    ## Example
    ```yaml
    goals:
      - id: revenue-2027
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        parent: revenue-2027
    ```

    ## Use instead
    ```yaml
    goals:
      - id: revenue-2027
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
    ```
    """
    if not _is_self_link(facts):
        return
    link = facts.goal.parent
    assert link is not None
    lang = facts.language
    yield Violation(
        link.span,
        pick(
            lang,
            f"Mục tiêu `{link.value}` tự nhận chính nó làm mục tiêu cha.",
            f"Goal `{link.value}` names itself as its parent.",
        ),
        pick(
            lang,
            "Liên kết tới mục tiêu cha thật, hoặc bỏ `parent:` và thêm `why:`.",
            "Link the real parent goal, or remove `parent:` and add `why:`.",
        ),
    )


def check_parent_cycle(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Parent links form a cycle.

    ## What it does
    Follows `parent:` links and reports each cycle once, on the member that comes first in
    the run, with the whole path.

    ## Why is this bad?
    Goals on a cycle serve each other and nothing above them: none of them is anchored to
    a reason to exist.

    ## Example
    ```yaml
    goals:
      - id: traffic
        title: Increase organic search visits from 12,000 to 13,200 by 31 July 2027
        parent: leads
      - id: leads
        title: Increase demo requests from 300 to 360 by 31 July 2027
        parent: traffic
    ```

    ## Use instead
    ```yaml
    goals:
      - id: traffic
        title: Increase organic search visits from 12,000 to 13,200 by 31 July 2027
        parent: leads
      - id: leads
        title: Increase demo requests from 300 to 360 by 31 July 2027
        why: Demos are where deals start
    ```
    """
    ring = ctx.goals.cycles.get(facts.goal.index)
    if not ring:
        return
    head = ctx.goals.first_with_id(ring[0])
    lang = facts.language
    span = facts.goal.parent.span if facts.goal.parent is not None else facts.anchor
    # The cycle's path is told once, at its first member; every other member still fails
    # Relevant (none of them reaches a top-level goal) and points back to that report.
    # Only the first member joins the path: joining it on every member is quadratic.
    first = head is None or head.goal.index == facts.goal.index
    path = " → ".join(ring) if first else ""
    yield Violation(
        span,
        pick(
            lang,
            f"Liên kết mục tiêu cha tạo thành vòng lặp: {path}."
            if first
            else f"Mục tiêu nằm trong vòng lặp mục tiêu cha đã báo ở `{ring[0]}`.",
            f"Parent links form a cycle: {path}."
            if first
            else f"This goal is on the parent cycle reported at `{ring[0]}`.",
        ),
        pick(
            lang,
            "Phá vòng lặp: cho một mục tiêu trong vòng làm mục tiêu gốc với `why:`.",
            "Break the cycle: make one goal on it top-level, with a `why:`.",
        ),
    )


def check_duplicate_id(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal id is already used by another goal.

    ## What it does
    Checks that every id is unique across all files of the run, and reports every goal
    after the first that reuses one, with where the first one is.

    ## Why is this bad?
    Parent links and reports refer to goals by id; with two goals behind one id, a child may
    end up serving the wrong goal.

    ## Example
    ```yaml
    goals:
      - id: revenue
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
      - id: revenue
        title: Tăng doanh thu từ 3 tỷ lên 3,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
    ```

    ## Use instead
    ```yaml
    goals:
      - id: revenue-south
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
      - id: revenue-north
        title: Tăng doanh thu từ 3 tỷ lên 3,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
    ```
    """
    gid = facts.goal.id
    if gid is None:
        return
    first = ctx.goals.first_with_id(gid.value)
    if first is None or first.goal.index == facts.goal.index:
        return
    where = f"{first.goal.path}:{first.goal.span.line}"
    lang = facts.language
    yield Violation(
        gid.span,
        pick(
            lang,
            f"Id `{gid.value}` đã được dùng cho mục tiêu ở {where}.",
            f"Id `{gid.value}` is already used by the goal at {where}.",
        ),
        pick(
            lang,
            "Đặt cho mục tiêu này một id riêng.",
            "Give this goal an id of its own.",
        ),
    )


def check_child_deadline_after_parent(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Goal ends after the goal it serves.

    ## What it does
    Compares a goal's deadline with its parent's, when both have one; a nested goal takes
    its parent from the nesting but not its deadline.

    ## Why is this bad?
    A key result that lands after its objective's deadline cannot contribute to it.

    ## Example
    ```yaml
    goals:
      - id: revenue-h1
        title: Tăng doanh thu từ 2 tỷ lên 2,3 tỷ đồng trước 30/06/2027
        why: Nguồn vốn cho mở rộng chi nhánh
        key_results:
          - id: organic-traffic
            title: Increase organic search visits from 12,000 to 13,200 by 31 July 2027
    ```

    ## Use instead
    ```yaml
    goals:
      - id: revenue-h1
        title: Tăng doanh thu từ 2 tỷ lên 2,3 tỷ đồng trước 30/06/2027
        why: Nguồn vốn cho mở rộng chi nhánh
        key_results:
          - id: organic-traffic
            title: Increase organic search visits from 12,000 to 13,200 by 31 May 2027
    ```
    """
    parent = ctx.goals.parent(facts)
    if parent is None or facts.deadline is None or parent.deadline is None:
        return
    mine, theirs = facts.deadline.value.end, parent.deadline.value.end
    if mine is None or theirs is None or mine <= theirs:
        return
    lang = facts.language
    name = parent.goal.goal_id
    whose_vi = f"mục tiêu cha `{name}`" if name else "mục tiêu cha"
    whose_en = f"the parent goal `{name}`" if name else "the parent goal"
    yield Violation(
        facts.deadline.span,
        pick(
            lang,
            f"Thời hạn {fmt_short_date(mine, lang)} muộn hơn thời hạn của {whose_vi}"
            f" ({fmt_short_date(theirs, lang)}).",
            f"The deadline {fmt_short_date(mine, lang)} is after the deadline of {whose_en}"
            f" ({fmt_short_date(theirs, lang)}).",
        ),
        pick(
            lang,
            f"Đặt thời hạn không muộn hơn {fmt_short_date(theirs, lang)}.",
            f"Set a deadline on or before {fmt_short_date(theirs, lang)}.",
        ),
    )


def check_missing_why(facts: Facts, ctx: Context) -> Iterator[Violation]:
    """Top-level goal does not say why it matters.

    ## What it does
    Checks that a goal with no parent (no `parent:` link and not nested under another goal)
    has a `why:` field.

    ## Why is this bad?
    A goal is relevant when it serves something: a parent goal, or a reason stated by the
    author. A top-level goal without either competes for effort with nothing to defend it.

    ## Example
    ```yaml
    goals:
      - id: revenue-2027
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
    ```

    ## Use instead
    ```yaml
    goals:
      - id: revenue-2027
        title: Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng trước 31/12/2027
        why: Nguồn vốn cho mở rộng chi nhánh
    ```
    """
    goal = facts.goal
    if goal.parent is not None or goal.parent_from_nesting:
        return
    if goal.why is not None and goal.why.value.strip():
        return
    lang = facts.language
    yield Violation(
        facts.anchor,
        pick(
            lang,
            "Mục tiêu gốc không nói vì sao nó quan trọng.",
            "This top-level goal does not say why it matters.",
        ),
        pick(
            lang,
            "Thêm `why:` nêu mục tiêu này phục vụ điều gì, hoặc liên kết mục tiêu cha bằng"
            " `parent:`.",
            "Add `why:` saying what the goal serves, or link a parent goal with `parent:`.",
        ),
    )


RULES: tuple[Rule, ...] = (
    rule(
        "R401",
        "unknown-parent",
        Criterion.RELEVANT,
        Severity.ERROR,
        check_unknown_parent,
        effect=Effect.FAIL,
        fix="Link the id of a goal in the goal set.",
    ),
    rule(
        "R402",
        "self-parent",
        Criterion.RELEVANT,
        Severity.ERROR,
        check_self_parent,
        effect=Effect.FAIL,
        fix="Link the real parent, or make the goal top-level with a `why:`.",
    ),
    rule(
        "R403",
        "parent-cycle",
        Criterion.RELEVANT,
        Severity.ERROR,
        check_parent_cycle,
        effect=Effect.FAIL,
        fix="Make one goal on the cycle top-level, with a `why:`.",
    ),
    rule(
        "R404",
        "duplicate-id",
        Criterion.RELEVANT,
        Severity.ERROR,
        check_duplicate_id,
        effect=Effect.FAIL,
        fix="Give every goal an id of its own.",
    ),
    rule(
        "R405",
        "child-deadline-after-parent",
        Criterion.RELEVANT,
        Severity.WARNING,
        check_child_deadline_after_parent,
        effect=Effect.FAIL,
        fix="End the goal no later than its parent.",
    ),
    rule(
        "R406",
        "missing-why",
        Criterion.RELEVANT,
        Severity.WARNING,
        check_missing_why,
        effect=Effect.FAIL,
        fix="Add `why:` or link a parent goal.",
    ),
)
