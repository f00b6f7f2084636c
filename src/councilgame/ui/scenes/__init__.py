"""Screens, one class each, on a push/pop stack."""
