"""Entry point of the frozen application (the same as the ``imr-desk`` command)."""

import multiprocessing
import sys

from imr_desk.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
