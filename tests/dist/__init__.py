"""`make dist`: the build script's plan and check (always), the command line's part in a build (always), and
the built game itself (test_built_game.py, skipped until `make dist` has built dist/councilgame/)."""
