"""Reporters turn a :class:`~smartlint.model.Report` into text; one module per format.

Each reporter is a function ``render(report, ctx) -> str``; the registry below is explicit
so the CLI's ``--format`` choices and this table can never drift apart.
"""
