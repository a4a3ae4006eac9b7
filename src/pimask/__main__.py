"""``python -m pimask`` runs the command line, like the ``pimask`` script."""

import sys

from pimask._launch import main

sys.exit(main())
