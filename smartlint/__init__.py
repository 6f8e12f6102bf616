"""smartlint: a linter for goals, judged against the SMART criteria."""

__version__ = "0.1.0"
