"""The instructor's authoring kit: `new` writes a starter case, `lint` warns about what is valid but
wrong or unfinished, `calibrate` shows how close each documented vote is to changing. All headless."""


class AuthoringError(Exception):
    """What the author asked for cannot be done; the message says why, for the author as it is."""
