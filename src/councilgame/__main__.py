import sys

# First of all, in a frozen build (make dist): a worker of `simulate --jobs` started by spawn (Windows, macOS)
# runs this same executable, and must become the worker here rather than start the game. Only when frozen:
# elsewhere freeze_support() does nothing, and importing multiprocessing would cost every start 10 ms.
if getattr(sys, "frozen", False):
    import multiprocessing

    multiprocessing.freeze_support()

from councilgame.cli import main  # noqa: E402

raise SystemExit(main())
