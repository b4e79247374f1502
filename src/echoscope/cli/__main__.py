"""``python -m echoscope.cli``: the ``echoscope`` command."""

import sys

from echoscope.cli import main

if __name__ == "__main__":
    # what the console script would be called: the store's writer lock names its holder by it
    sys.argv[0] = "echoscope"
    sys.exit(main())
