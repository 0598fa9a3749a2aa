"""``python -m effiskel``: the command line, for launchers that start modules (``torchrun -m effiskel``).

(``python -m effiskel.cli`` cannot work: the command modules import ``effiskel.cli`` while it
runs as ``__main__``, a second copy.)
"""

from .cli import main

main(prog_name="effiskel")
