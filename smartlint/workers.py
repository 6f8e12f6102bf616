"""Worker processes for big runs (``--jobs N``): each checks a share of the goals.

The workers are forked once the files are parsed, so they inherit the parsed goals and the
run's goal set without copying them.  Each worker builds the facts of the goals it checks
(and of the parents and key results their rules look at) and sends back the results without
the goal, which the parent holds already: facts never cross a process boundary (pickling
them costs as much as building them).  Results are put back in input order, so the output
is the same whatever N.

Only a run of at least :data:`WORKER_THRESHOLD` goals starts workers, and only where
processes can be forked (Linux and the BSDs; elsewhere a run checks its goals itself).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import fields
from typing import TYPE_CHECKING

from smartlint.model import Goal, GoalResult, Problem

if TYPE_CHECKING:
    from smartlint.engine import _Shared
    from smartlint.fixes import SourceText

# Below this many goals a run checks them itself.  Measured on this 2-core machine by the
# critical path (the parent's CPU time plus the busiest worker's): two workers break even
# near 200-300 goals and save a tenth at 1,000; 500 keeps small runs on the plain path.
WORKER_THRESHOLD = 500
CHUNKS_PER_WORKER = 6  # shares per worker, so that one slow share does not hold up the end
MIN_CHUNK = 40
# A share's results wait in its worker until the share is done: with shares of at most
# this many goals, two workers at 100,000 goals hold about 100 MB less (1,075 MB in all,
# summed PSS, against 1,177 MB with shares of 8,334).
MAX_CHUNK = 1000
# A worker keeps the facts it has built while it holds at most this many goals' (about
# 2 kB each), so a 10,000-goal run reads each goal at most once per worker and a bigger
# one keeps its workers' memory bounded.
FACTS_KEPT = 8000

# Set in the parent just before the workers are forked; the workers read it, never write it.
_SHARED: _Shared | None = None
_WORK: tuple[tuple[int, Goal], ...] = ()  # (position of the goal's file, goal), reported only
# By file position: its parser problems by goal index, its path, and the text fixes edit.
_FILES: dict[int, tuple[Mapping[int, Sequence[Problem]], str, SourceText | None]] = {}

# A worker's result for one goal: GoalResult's fields after the goal (its first), in their
# order.  Read from the class, so a field added to GoalResult crosses to the parent too.
Slim = tuple[object, ...]
_SLIM_FIELDS = tuple(f.name for f in fields(GoalResult)[1:])


def can_fork() -> bool:
    """Tell whether this platform can fork worker processes."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def results_in_workers(shared: _Shared) -> Mapping[int, GoalResult]:
    """Check every reported goal in worker processes; return the results by goal index."""
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from smartlint.engine import _goal_problems
    from smartlint.fixes import fixable_file

    global _SHARED, _WORK, _FILES
    reported = shared.reported
    work = tuple(
        (position, goal)
        for position, parsed in enumerate(shared.files)
        if reported is None or reported(parsed.path)
        for goal in parsed.goals
    )
    jobs = shared.settings.jobs
    size = min(MAX_CHUNK, max(MIN_CHUNK, -(-len(work) // (jobs * CHUNKS_PER_WORKER))))
    bounds = [(start, min(start + size, len(work))) for start in range(0, len(work), size)]
    # Each file's parser problems are grouped here, before the fork: a worker that walked a
    # file's goals would write to every goal object's count of references, and the pages
    # holding them would be copied into each worker.
    files: dict[int, tuple[Mapping[int, Sequence[Problem]], str, SourceText | None]] = {}
    for position in {position for position, _ in work}:
        parsed = shared.files[position]
        source = shared.sources.get(parsed.path) if fixable_file(parsed) else None
        files[position] = (_goal_problems(parsed, shared.enabled), parsed.path, source)
    _SHARED, _WORK, _FILES = shared, work, files
    gc.freeze()  # the inherited values stay shared pages: the collector does not touch them
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(bounds)), mp_context=multiprocessing.get_context("fork")
    )
    try:
        # The workers are forked at the first submit; they inherit a Ctrl-C handler that does
        # nothing and leave it to the parent, which stops them.  Not pool.map: on Ctrl-C it cancels the queued
        # shares, and the pool, finding its workers stopped, then fails on them (Python 3.11).
        with _interrupts_held():
            futures = [pool.submit(_check_share, b) for b in bounds]
        shares = [f.result() for f in futures]
    except BaseException:
        # Ctrl-C, or a worker that failed: leave no worker behind.
        for child in multiprocessing.active_children():
            child.terminate()
        pool.shutdown(wait=False)
        raise
    finally:
        _SHARED, _WORK, _FILES = None, (), {}
        gc.unfreeze()
    pool.shutdown()
    return {
        goal.index: GoalResult(goal, *slim)  # type: ignore[arg-type]
        for (_, goal), slim in zip(work, (s for share in shares for s in share), strict=True)
    }


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C inside the block: processes forked in it never act on it; this one
    raises KeyboardInterrupt after the block if Ctrl-C came during it."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; a run in a thread forks as it is
        return
    held: list[int] = []
    before = signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
    if held:
        raise KeyboardInterrupt


def _check_share(bounds: tuple[int, int]) -> list[Slim]:
    """Check the goals ``_WORK[start:end]`` (in a worker); return each one's result fields."""
    from smartlint.engine import goal_result

    shared = _SHARED
    assert shared is not None, "a worker runs only inside results_in_workers"
    facts_of = shared.facts_of
    # The facts and derived values (plans) of the shares checked before stay while there are
    # few: the parents a share's goals link to are often another share's goals, and reading
    # them again cost a fifth more work.  Past FACTS_KEPT the facts are dropped but the
    # parents' (a fifth of the goals in a typical plan), so a worker's memory stays bounded
    # however big the run.  Both are caches; no answer changes.
    if len(facts_of) > FACTS_KEPT:
        facts_of.forget(keep=shared.ctx.goals.children_of)
        shared.ctx.derived.clear()
    out: list[Slim] = []
    start, end = bounds
    for position, goal in _WORK[start:end]:
        problems, path, source = _FILES[position]
        result = goal_result(
            facts_of(goal.index), problems.get(goal.index, ()), shared, path, source
        )
        out.append(tuple(getattr(result, name) for name in _SLIM_FIELDS))
    return out
