"""Importing a scenario pack: choose one of the packs found in the Downloads and Desktop folders, or type a
pack's path; see what it holds, and install it or not; then the cases installed, or every problem, a line each.

The screens restate no rule of what a pack may hold: they show what councilgame.packs says of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from councilgame.i18n import _
from councilgame import packs
from councilgame.ui import widgets as w
from councilgame.ui.scenes.base import WidgetScene
from councilgame.ui.scenes.cases import title_top

PATH_LENGTH = 1000  # a path as a file manager copies it: longer than a field's usual 200
PACK_ROW = (1216, 52)  # a found pack's row, at 100% text
TOP = 80  # the screens' content starts here, under their titles


class PackScene(WidgetScene):
    """The packs found where downloads and copies usually land, and a field for any other pack's path.
    on_installed is called once a pack is installed (the case list then loads its cases)."""

    def __init__(self, on_installed: Callable[[], None], found: list[Path] | None = None) -> None:
        super().__init__()
        self.on_installed = on_installed
        self.found = packs.candidates() if found is None else found
        self.view = w.Scroll()
        self.typed = ""

    def build(self) -> None:
        top = title_top(self.stack)
        self.field = w.TextInput((32, TOP + 58, 940, 56), _("Pack path"), text=self.typed, max_length=PATH_LENGTH,
                                 placeholder=_("a pack's folder or .zip file"), on_submit=self._look_typed,
                                 on_change=self._keep)
        self.widgets = [
            w.screen_title(_("Import a pack"), top, 1216, TOP - 6),
            w.TextBlock((32, TOP, 1216, 50), _("Cases an instructor shares, as a folder or a .zip. Choose one, or "
                        "type its path: you see what it holds before anything is installed."), size=16,
                        colour="muted", glossary=False, fit=True),
            self.field,
            w.Button((992, TOP + 58, 256, 56), _("Look inside"), self._look_typed),
        ]
        heading = (32, TOP + 126, 1216, 30)
        if self.found:
            rows = [w.Button(w.UNPLACED, _row_label(path), self._look_at(path), size=18) for path in self.found]
            self.widgets.append(w.TextBlock(heading, _("Found in your Downloads and Desktop folders, newest first:"),
                                            size=16, colour="muted", glossary=False, fit=True))
            self.widgets += w.ScrollList((32, TOP + 162, 1216, 632 - TOP - 162), rows, PACK_ROW, self.view,
                                         more=_("More packs"), more_rect=(700, 640, 260, 60),
                                         more_size=20).arrange(self.ctx, self._focus_label)
        else:
            self.widgets.append(w.TextBlock(heading, _("No pack found in your Downloads or Desktop folders: type the "
                                            "path of one above."), size=16, colour="muted", glossary=False, fit=True))
        self.widgets.append(w.Button((32, 640, 200, 60), _("Back"), self.back))

    def default_focus(self) -> int | None:
        restored = self.restored_focus()
        return restored if restored is not None else self.first_focus(lambda x: x is self.field, unsafe=lambda x: False)

    def handle(self, event) -> None:
        if not w.typed(self, event, self.ctx):  # what is typed goes to the field with the focus
            w.route(self, event, super().handle)

    def _keep(self, text: str) -> None:
        self.typed = text  # kept across a rebuild (the text size changed, or back from a pack)

    def _look_typed(self) -> None:
        typed = self.field.text.strip().strip('"').strip("'").strip()  # "Copy as path" adds quotes
        if not typed:
            from councilgame.ui.scenes.message import MessageScene

            self.stack.push(MessageScene(_("Which pack?"), _("Type the path of the pack's folder or .zip file first, or "
                                         "choose one of those found.")))
            return
        try:
            path = Path(typed).expanduser()
        except RuntimeError:  # expanduser without a home folder
            path = Path(typed)
        self._look(path)

    def _look_at(self, path: Path) -> Callable[[], None]:
        return lambda: self._look(path)

    def _look(self, path: Path) -> None:
        self.stack.push(PackReportScene(packs.inspect(path), path, self.on_installed))


def _row_label(path: Path) -> str:
    where = path.parent.name or str(path.parent)
    if path.suffix.lower() == ".zip":
        return _("{name}   (zip in {folder})").format(name=path.name, folder=where)
    return _("{name}   (folder in {folder})").format(name=path.name, folder=where)


class PackReportScene(WidgetScene):
    """What a pack holds, with Install if it may be installed; or, once installed (or refused), what happened."""

    def __init__(self, report: packs.PackReport, path: Path, on_installed: Callable[[], None]) -> None:
        super().__init__()
        self.report, self.path, self.on_installed = report, path, on_installed
        self.title = report.headline()

    @property
    def installed(self) -> bool:
        return self.report.installed is not None

    def build(self) -> None:
        report = self.report
        self.body = w.TextBlock((32, TOP, 1216, 640 - TOP - 16), "\n".join(report.lines()), size=18, glossary=False)
        self.widgets = [self.body]
        if self.installed:
            self.widgets.append(w.Button((32, 640, 320, 60), _("Back to the cases"), self.back))
            return
        self.widgets.append(w.Button((32, 640, 200, 60), _("Back"), self.back))
        if report.ok:
            label = _("Install, replacing the earlier copy") if report.replaces else _("Install")
            width = 560 if report.replaces else 240  # the longer label keeps its size at 200% text
            self.widgets.append(w.Button((1248 - width, 640, width, 60), label, self._install))

    def default_focus(self) -> int | None:
        # Installing over an earlier copy of the pack cannot be undone: then Enter first keeps it.
        safe = (lambda x: False) if self.report.replaces else self.pressing(self._install)
        return self.first_focus(safe, self.pressing(self.back), unsafe=lambda x: False)

    def back(self) -> None:
        if self.installed:  # back to the case list, which shows the pack's cases now
            self.stack.pop_silently()
        self.stack.pop()

    def _install(self) -> None:
        report = packs.install(self.path)
        if report.installed is not None:
            self.on_installed()
        self.stack.replace(PackReportScene(report, self.path, self.on_installed))
