"""A game in progress: state, player actions, computer turns, saves."""
