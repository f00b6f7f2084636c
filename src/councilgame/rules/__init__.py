"""Rules as data: conditions and effects compiled from scenario YAML."""
