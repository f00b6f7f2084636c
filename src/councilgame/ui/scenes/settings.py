"""Settings: text size, a dark or light theme, the language, colour-blind-safe palette, reduced motion, window or
full screen. A change is kept and shown at once (`apply`), as F11 and Ctrl+plus / Ctrl+minus do from any screen."""

from __future__ import annotations

from councilgame import i18n
from councilgame.i18n import N_, _
from councilgame.ui import settings as store
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import SceneStack, WidgetScene

THEME_LABELS = {"dark": N_("Dark"), "light": N_("Light")}  # by theme.THEMES

TOGGLES = ((N_("Colour-blind-safe colours"), "colour_safe"), (N_("Reduced motion"), "reduced_motion"),
           (N_("Full screen"), "fullscreen"), (N_("Self-voicing"), "self_voicing"))


def language_labels() -> dict[str, str]:
    """The Language row's choices, by Settings.language: the system's, then each language in its own name
    (as a language menu names them, so that one who cannot read the current language finds their own)."""
    system = i18n.LANGUAGES[i18n.system_language()]
    return {"": _("As the system ({language})").format(language=system), **i18n.LANGUAGES}


def toggle_label(label: str, on: bool) -> str:
    return (_("{setting}: on") if on else _("{setting}: off")).format(setting=_(label))


def apply(stack: SceneStack) -> None:
    """A changed setting kept and shown: saved, every screen laid out again (text size, colours), and the
    window told (full screen)."""
    store.save(stack.ctx.settings)
    i18n.use(i18n.chosen(stack.ctx.settings.language))  # before the screens are built again, in it
    if stack.play is not None:  # a game under way goes on in the new language: its case's texts read in it
        stack.play.speak(i18n.language())
    stack.relayout()
    on_change = getattr(stack, "on_settings", None)
    if on_change:
        on_change()


class SettingsScene(WidgetScene):
    title = N_("Settings")

    def build(self) -> None:
        s = self.ctx.settings
        self.widgets.append(w.TextBlock((80, 100, 400, 40), _("Text size"), size=22, bold=True, fit=True))
        for i, size in enumerate(store.TEXT_SIZES):
            self.widgets.append(w.Button((80 + i * 150, 150, 130, 56), f"{size}%", self._size(size),
                                         selected=s.text_size == size))
        self.widgets.append(w.TextBlock((880, 100, 360, 40), _("Theme"), size=22, bold=True, fit=True))
        for i, (name, label) in enumerate(THEME_LABELS.items()):
            self.widgets.append(w.Button((880 + i * 190, 150, 170, 56), _(label), self._theme(name),
                                         selected=s.theme == name))
        self.widgets.append(w.TextBlock((680, 250, 560, 40), _("Language"), size=22, bold=True, fit=True))
        for i, (code, label) in enumerate(language_labels().items()):  # the system's, then a row of languages
            rect = (680, 300, 560, 56) if i == 0 else (680 + (i - 1) * 190, 366, 170, 56)
            self.widgets.append(w.Button(rect, label, self._language(code), selected=s.language == code))
        for i, (label, name) in enumerate(TOGGLES):
            on = getattr(s, name)
            self.widgets.append(w.Button((80, 260 + i * 90, 520, 64), toggle_label(label, on), self._toggle(label, name),
                                         selected=on))
        self.widgets.append(w.TextBlock(
            (680, 440, 560, 150),
            _("Every screen can be played with the keyboard alone: Tab and Shift-Tab (or the arrows) move the focus, "
            "Enter chooses, Escape goes back (in a game it opens the menu, and closes it), Page Up and Page Down scroll, "
            "S shows sources, G opens the glossary. "
            "Underlined words explain themselves when you point at them or focus them. From any screen, F11 "
            "switches full screen and Ctrl+plus / Ctrl+minus change the text size (Ctrl+0: 100%). The light "
            "theme suits a projector in a lit room."), size=18))
        self.widgets.append(w.Button((80, 600, 240, 60), _("Back"), self.back))

    def _size(self, size: int):
        def choose() -> None:
            self.ctx.settings.text_size = size
            self._changed()
        return choose

    def _theme(self, name: str):
        def choose() -> None:
            self.ctx.settings.theme = name
            self._changed()
        return choose

    def _language(self, code: str):
        def choose() -> None:
            self.ctx.settings.language = code
            i18n.use(i18n.chosen(code))
            self._focus_label = language_labels()[code]  # in the new language: the focus stays on the choice
            self._changed()
        return choose

    def _toggle(self, label: str, name: str):
        def flip() -> None:
            on = not getattr(self.ctx.settings, name)
            setattr(self.ctx.settings, name, on)
            # The focus stays on the toggle, whose label has changed: it used to fall back to "100%", so a
            # second Enter to undo the toggle reset the text size.
            self._focus_label = toggle_label(label, on)
            self._changed()
        return flip

    def _changed(self) -> None:
        apply(self.stack)
