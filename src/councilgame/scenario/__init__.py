"""Scenario files: safe YAML reading, the pydantic schema, and the loader."""
