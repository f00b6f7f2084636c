"""Raw input becomes intentions here, and only here."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Intent(Enum):
    NEXT = "next"  # Tab, down/right arrow
    PREVIOUS = "previous"  # Shift-Tab, up/left arrow
    ACTIVATE = "activate"  # Enter, Space
    BACK = "back"  # Escape
    POINT = "point"  # mouse moved
    CLICK = "click"  # left button released
    SCROLL = "scroll"  # wheel, Page Up / Page Down (amount in lines)
    SOURCES = "sources"  # S: show the sources of what is on screen
    GLOSSARY = "glossary"  # G: the glossary
    CONSOLE = "console"  # F2: a classroom session's instructor console (behind its PIN), from any screen
    RELOAD = "reload"  # F5: read the case being played from its file again (an author trying an edit)
    FULL_SCREEN = "full_screen"  # F11: full screen or a window, from any screen
    TEXT_SIZE = "text_size"  # Ctrl+plus / Ctrl+minus: the next text size up or down (`amount` 1 or -1); Ctrl+0: 100% (0)
    VOICE = "voice"  # V: self-voicing on or off (ui/speech.py)
    READ_SCREEN = "read_screen"  # Shift+V: self-voicing reads the body text of the screen
    QUIT = "quit"  # window closed
    TYPE = "type"  # text typed into the field with the focus (`text`)
    EDIT = "edit"  # a key that edits the field with the focus (`edit`)


class Edit(Enum):
    BACKSPACE = "backspace"
    DELETE = "delete"
    LEFT = "left"
    RIGHT = "right"
    HOME = "home"
    END = "end"


@dataclass(frozen=True)
class Input:
    intent: Intent
    pos: tuple[int, int] | None = None
    amount: int = 0
    text: str = ""  # what was typed (TYPE)
    edit: Edit | None = None  # which editing key (EDIT)


def text_size_step(key: int) -> int | None:
    """Which way a key held with Ctrl moves the text size: plus (= on a US keyboard, where + is shifted;
    the keypad's +) up, minus down, 0 back to 100%; None for any other key."""
    import pygame

    return {pygame.K_EQUALS: 1, pygame.K_PLUS: 1, pygame.K_KP_PLUS: 1, pygame.K_MINUS: -1, pygame.K_KP_MINUS: -1,
            pygame.K_0: 0, pygame.K_KP_0: 0}.get(key)


# What a Ctrl+plus, Ctrl+minus or Ctrl+0 may also send as typed text on some systems (X11 types the key's
# character with Ctrl held): the app drops it when it follows such a key, so a field does not take it.
TEXT_SIZE_CHARACTERS = frozenset("=+-_0")


def translate(event, pointer: tuple[int, int] = (-1, -1), typing: bool = False) -> Input | None:
    """One pygame event as an intention, or None. `pointer` is the last
    known mouse position (wheel events carry none). `typing`: a text field
    has the focus, so that a key that types a character (S, G, Space) types
    it and means nothing else, Left and Right move in the text, and Tab,
    Escape, Enter, Up and Down keep their meaning for the focus ring."""
    import pygame

    kind = event.type
    if kind == pygame.QUIT:
        return Input(Intent.QUIT)
    if kind == pygame.TEXTINPUT:  # the character a key typed (or an input method composed): for a field only
        return Input(Intent.TYPE, text=str(getattr(event, "text", ""))) if typing else None
    if kind == pygame.KEYDOWN:
        key = event.key
        # Before a field's keys: these type nothing (Ctrl held), so they work while a field has the focus too.
        if key == pygame.K_F11:
            return Input(Intent.FULL_SCREEN)
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_GUI):  # Ctrl, or Command on a Mac
            step = text_size_step(key)
            if step is not None:
                return Input(Intent.TEXT_SIZE, amount=step)
        if typing:
            edit = {pygame.K_BACKSPACE: Edit.BACKSPACE, pygame.K_DELETE: Edit.DELETE, pygame.K_LEFT: Edit.LEFT,
                    pygame.K_RIGHT: Edit.RIGHT, pygame.K_HOME: Edit.HOME, pygame.K_END: Edit.END}.get(key)
            if edit is not None:
                return Input(Intent.EDIT, edit=edit)
            if key not in (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_UP,
                           pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_F2, pygame.K_F5):
                return None  # its character, if it types one, comes as TEXTINPUT
        if key == pygame.K_TAB:
            return Input(Intent.PREVIOUS if event.mod & pygame.KMOD_SHIFT else Intent.NEXT)
        if key in (pygame.K_DOWN, pygame.K_RIGHT):
            return Input(Intent.NEXT)
        if key in (pygame.K_UP, pygame.K_LEFT):
            return Input(Intent.PREVIOUS)
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return Input(Intent.ACTIVATE)
        if key == pygame.K_ESCAPE:
            return Input(Intent.BACK)
        if key == pygame.K_PAGEDOWN:
            return Input(Intent.SCROLL, None, 5)
        if key == pygame.K_PAGEUP:
            return Input(Intent.SCROLL, None, -5)
        if key == pygame.K_F2:  # a function key: never typed, so it works while a field has the focus too
            return Input(Intent.CONSOLE)
        if key == pygame.K_F5:
            return Input(Intent.RELOAD)
        if key == pygame.K_s:
            return Input(Intent.SOURCES)
        if key == pygame.K_g:
            return Input(Intent.GLOSSARY)
        if key == pygame.K_v:
            return Input(Intent.READ_SCREEN if event.mod & pygame.KMOD_SHIFT else Intent.VOICE)
        return None
    if kind == pygame.MOUSEMOTION:
        return Input(Intent.POINT, tuple(event.pos))
    if kind == pygame.MOUSEBUTTONUP and getattr(event, "button", 0) == 1:
        return Input(Intent.CLICK, tuple(event.pos))
    if kind == pygame.MOUSEWHEEL:
        return Input(Intent.SCROLL, pointer, -3 * int(getattr(event, "y", 0)))
    return None
