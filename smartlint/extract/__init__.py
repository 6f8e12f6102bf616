"""Reading goal text: sentences and field values become quantities, directions and dates.

Public API (everything else in this package is private to it):

- :func:`read_sentence` — a goal's sentence -> :class:`~smartlint.model.Reading`
- :func:`read_number` — a field value such as ``1.000``, ``2,5 tỷ``, ``12000`` -> float
- :func:`read_target` — a target field such as ``+10%``, ``x3``, ``-15%``, ``13200``
- :func:`read_target_bound` — a target field with the comparator of a bound (``≥ 99.95%``)
- :func:`read_time` — a deadline/start field such as ``2027-Q3``, ``end of July 2027``
- :func:`detect_language` — ``vi`` or ``en``

All are pure: ``today`` is an argument, never read from the clock.
"""

from smartlint.extract.api import (
    detect_language,
    read_number,
    read_sentence,
    read_target,
    read_target_bound,
    read_time,
)

__all__ = [
    "detect_language",
    "read_number",
    "read_sentence",
    "read_target",
    "read_target_bound",
    "read_time",
]
