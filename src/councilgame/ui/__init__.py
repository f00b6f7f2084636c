"""The desktop game: the only package that imports pygame. It renders engine
state and turns player input into engine actions; it holds no rules."""

from councilgame.ui.sdl import configure_environment

configure_environment()  # SDL hints must be set before pygame is first imported
