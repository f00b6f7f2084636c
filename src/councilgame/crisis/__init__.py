"""The crisis model: how indicators move from round to round."""
