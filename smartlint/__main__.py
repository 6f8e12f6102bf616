"""Run smartlint as ``python -m smartlint``."""

from smartlint.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
