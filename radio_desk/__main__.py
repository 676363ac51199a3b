import sys

from radio_desk.cli import main

sys.exit(main())
