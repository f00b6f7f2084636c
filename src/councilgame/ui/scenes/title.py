"""The title screen: new game, a classroom session, continue, load, settings, glossary, quit."""

from __future__ import annotations

from councilgame.i18n import _, ngettext
from councilgame import catalogue, paths
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene

MENU_TOP, MENU_STEP = 304, 54  # the menu's first button, and from one to the next (the last ends above 680)


class TitleScene(WidgetScene):
    def build(self) -> None:
        has_save = (paths.saves_dir() / "autosave.json").is_file()
        count = catalogue.count_files()  # counting, not loading: the title must appear at once
        self.widgets = [
            w.TextBlock((0, 90, 1280, 120), _("Council"), size=88, bold=True, centred=True, glossary=False, fit=True),
            w.TextBlock((0, 215, 1280, 44), _("Sit on the UN Security Council in a real crisis"), size=26, colour="muted",
                        centred=True, fit=True),
            w.TextBlock((0, 262, 1280, 30), ngettext("{count} case in the library", "{count} cases in the library", count)
                .format(count=count), size=18,
                        colour="muted", centred=True, fit=True),
        ]
        labels = [(_("New game"), self._new), (_("Classroom"), self._classroom),
                  (_("Continue"), self._continue if has_save else None), (_("Load"), self._load),
                  (_("Settings"), self._settings), (_("Glossary"), self._glossary), (_("Quit"), self._quit)]
        for i, (label, action) in enumerate(labels):  # seven buttons between the case count and the keys' line
            self.widgets.append(w.Button((480, MENU_TOP + i * MENU_STEP, 320, MENU_STEP - 8), label, action, size=22,
                                         hint="" if action else _("No saved game yet")))
        self.widgets.append(w.TextBlock((0, 686, 1280, 26), _("Tab or arrows to move, Enter to choose, Escape to go back, "
                                        "G for the glossary"), size=15, colour="muted", centred=True, glossary=False, fit=True))

    def back(self) -> None:
        pass  # Escape on the title does not quit by surprise

    def _quit(self) -> None:
        from councilgame.ui.scenes.flow import confirm

        saved = (paths.saves_dir() / "autosave.json").is_file()
        confirm(self.stack, _("Quit Council?"), (_("The window closes. Your last game is saved: Continue picks it up "
                                                   "where you left it.")
                               if saved else _("The window closes.")), _("Quit"), self.stack.quit, cancel=_("Back to the title"))

    def _new(self) -> None:
        from councilgame.ui import library
        from councilgame.ui.scenes.cases import CaseScene

        cases, __ = library.cases()
        self.stack.push(CaseScene(cases))

    def _classroom(self) -> None:
        from councilgame.ui.scenes.setup import ClassSetupScene

        self.stack.push(ClassSetupScene())

    def _continue(self) -> None:
        from councilgame.ui.scenes.flow import open_save

        open_save(self.stack, None, _("Cannot continue"))

    def _load(self) -> None:
        from councilgame.ui.scenes.load import LoadScene

        self.stack.push(LoadScene())

    def _settings(self) -> None:
        from councilgame.ui.scenes.settings import SettingsScene

        self.stack.push(SettingsScene())

    def _glossary(self) -> None:
        from councilgame.ui.scenes.glossary import GlossaryScene

        self.stack.push(GlossaryScene())
