"""``python -m pimask`` runs the command line, like the ``pimask`` script."""

import sys

from pimask.cli import main

sys.exit(main())
