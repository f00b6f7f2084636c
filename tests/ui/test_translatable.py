"""Every text the window's code shows is marked for translation (tests/ui/untranslated.py says where it
looks): a new button label or message written as a bare literal fails here, with its file and line."""

from __future__ import annotations

import ast

from ui.untranslated import UI, literal_leaves, text_arguments, unmarked, unmarked_in_ui


def test_every_shown_string_in_ui_is_marked_for_translation():
    problems = unmarked_in_ui()
    assert not problems, "\n".join(map(str, problems))


def test_the_walk_finds_a_bare_label_an_f_string_a_title_and_a_concatenation(tmp_path):
    screen = tmp_path / "screen.py"
    screen.write_text(
        "class S:\n"
        "    title = 'Settings'\n"
        "def build(w, n, lines):\n"
        "    w.Button(None, 'Back', None)\n"
        "    w.TextBlock(None, f'{n} votes')\n"
        "    w.Panel(None, 'Votes: ' + str(n))\n"
        "    lines.append('A line')\n"
        "    w.Button(None, _('Marked'), None, colour='muted')\n"
        "    w.TextBlock(None, _('{n} left').format(n=n))\n", encoding="utf-8")
    found = [problem.source for problem in unmarked(screen)]
    assert found == ["'Settings'", "'Back'", "f'{n} votes'", "'Votes: '", "'A line'"]


def test_the_walk_looks_at_the_window_code():
    calls = sum(1 for path in UI.rglob("*.py") for _ in text_arguments(ast.parse(path.read_text(encoding="utf-8"))))
    assert calls > 300  # the walk reaches the screens' widgets (if it found none, the test above proves nothing)
    assert list(literal_leaves(ast.parse("_('x') if a else N_('y')", mode="eval").body)) == []


def test_the_wider_net_finds_words_built_away_from_the_widgets(tmp_path):
    module = tmp_path / "words.py"
    module.write_text(
        '"""A docstring is not shown."""\n'
        "LABELS = {'civilians_at_risk': 'Civilians at risk', 'violence': N_('Violence')}\n"
        "CHOICES = [('Back to the game', None), (_('Sources'), None)]\n"
        "def tag(n, log):\n"
        "    log.info('not for the screen')\n"
        "    colour = 'muted'\n"
        "    name = f'class_{n}.json'\n"
        "    count = f'{n:,.0f}'\n"
        "    if n:\n"
        "        return f'Round {n} of 4'\n"
        "    return 'Quit' if n is None else ngettext('{n} seat', '{n} seats', n)\n", encoding="utf-8")
    found = [problem.source for problem in unmarked(module)]
    assert found == ["'Civilians at risk'", "'Back to the game'", "f'Round {n} of 4'", "'Quit'"]
