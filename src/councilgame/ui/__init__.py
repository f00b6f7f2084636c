"""The desktop game: the only package that imports pygame. It renders engine
state and turns player input into engine actions; it holds no rules."""
