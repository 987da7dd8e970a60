import sys

from rec_tui.cli import main

sys.exit(main())
