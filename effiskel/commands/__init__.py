"""The ``effiskel`` subcommands that have a module of their own, one module per command family.

Each module defines click commands; :mod:`effiskel.cli` attaches every command a module listed in
its ``COMMAND_MODULES`` exposes under ``COMMANDS``.
"""
