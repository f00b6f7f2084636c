"""Run Council from a source checkout: `python main.py` works like `councilgame`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from councilgame.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
