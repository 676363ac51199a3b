"""Entry point of the packaged app (PyInstaller runs this file): the ``radio-desk`` command."""

import multiprocessing
import sys

from radio_desk.cli import main

if __name__ == "__main__":
    # a worker process started with "spawn" (always on Windows) must run the worker, not the app again
    multiprocessing.freeze_support()
    sys.exit(main())
