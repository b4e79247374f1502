"""``python -m echoscope.cli``: the ``echoscope`` command."""

import sys

from echoscope.cli import main

if __name__ == "__main__":
    sys.exit(main())
