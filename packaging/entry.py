"""Entry point of the packaged app (PyInstaller runs this file)."""

import sys

from radio_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
