"""python -m desktop_app: the same as the `safelens` command."""

import sys

from desktop_app.app import main

if __name__ == "__main__":
    sys.exit(main())
