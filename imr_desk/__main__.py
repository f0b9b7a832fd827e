"""Allow ``python -m imr_desk``."""

import sys

from imr_desk.cli.main import main

sys.exit(main())
