"""PyInstaller runtime hook of `make dist` (tools/councilgame.spec): runs in the built game before its
entry point, and only there.

The build leaves Pillow out (build_dist.EXCLUDES: the record's PDFs hold no image), and fpdf2 says on
import that it will not be able to add images, which the game never asks of it: that warning would reach
a teacher's terminal on every `report --pdf`, about nothing they can change.
"""

import warnings

warnings.filterwarnings("ignore", message="Pillow could not be imported", category=UserWarning)
