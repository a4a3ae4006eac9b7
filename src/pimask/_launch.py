"""The ``pimask`` script's entry point: the command line, quiet from its first instant.

why: importing the command line takes a few hundred milliseconds (more on a busy machine).
Python's own Ctrl-C handler would raise KeyboardInterrupt inside whatever module is being
imported and print a traceback. Until :func:`pimask.cli.main` is ready to handle it, Ctrl-C
ends the process the way it ends ``cat``: at once, quietly, with the signal's exit status.
"""

from __future__ import annotations

# why: _signal, not signal: the latter imports enum, itself a window for a traceback
import _signal


def main() -> int:
    """Run the command line (``pimask …``); returns its exit status."""
    _signal.signal(_signal.SIGINT, _signal.SIG_DFL)
    from pimask.cli import main as cli_main

    _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    try:
        return cli_main()
    except KeyboardInterrupt:  # while the parser is built, before a command runs
        return 128 + _signal.SIGINT
