"""``smartlint server``: the linter as a language server, for editors.

The pure parts (:mod:`~smartlint.server.goalset`, :mod:`~smartlint.server.positions`,
:mod:`~smartlint.server.actions`, :mod:`~smartlint.server.hover`) know nothing of the
protocol; :mod:`~smartlint.server.protocol` wires them to pygls, which is imported only
there, so the command line never pays for it.
"""

from __future__ import annotations

import sys

USAGE = """\
Usage: smartlint server [--help]

Speak the Language Server Protocol over standard input and output, for editors.
The workspace folders are the goal set; each file is linted under its nearest
configuration, as on the command line.  See the README for editor setup.

A goal file named 'server' is linted with: smartlint ./server
"""

EXIT_OK, EXIT_ERROR = 0, 2


def main(args: list[str]) -> int:
    """Run the language server until the client shuts it down; return the exit status."""
    if any(a in ("-h", "--help") for a in args):
        sys.stdout.write(USAGE)
        return EXIT_OK
    if args:
        sys.stderr.write(
            f"smartlint: error: 'smartlint server' takes no argument ({args[0]!r});"
            " to lint a file named 'server', write 'smartlint ./server'\n"
        )
        return EXIT_ERROR
    try:
        from smartlint.server.protocol import serve  # pygls: only the server imports it
    except ImportError as exc:
        sys.stderr.write(
            f"smartlint: error: the language server needs pygls ({exc});"
            " install it with: pip install 'smartlint[server]'\n"
        )
        return EXIT_ERROR
    serve()
    return EXIT_OK
