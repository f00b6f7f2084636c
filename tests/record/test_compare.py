"""`councilgame compare`: sessions of one case beside each other and beside history."""

from __future__ import annotations

import pytest

from councilgame.cli import main
from councilgame.record.build import session_record
from councilgame.record.compare import comparisons

from record.conftest import play, with_classroom


@pytest.fixture(scope="module")
def games(rwanda):
    return [play(rwanda, seed, rounds=3) for seed in (11, 12)]


def test_compare_counts_what_the_sessions_did_against_history(games, tmp_path, capsys):
    paths = [with_classroom(g, tmp_path / f"s{i}.json") for i, g in enumerate(games)]
    pdf = tmp_path / "compare.pdf"
    assert main(["compare", *map(str, paths), "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "Rwanda, 1994: 2 sessions (s0.json, s1.json)" in out
    assert "of 2 sessions adopted a resolution" in out and "history: S/RES/912 (1994), 21 April 1994, round 1" in out
    assert "a Chapter VII text" in out and "S/RES/918 (1994), 17 May 1994, round 2" in out
    assert "Council score (model estimates)" in out and "the real Council" in out
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_each_finding_is_counted_from_the_sessions(games):
    records = [session_record(g, f"s{i}.json") for i, g in enumerate(games)]
    found = comparisons(records)
    adopted = sum(1 for g in games if any(d.adopted and d.draft.instrument.value == "resolution" for d in g.state.decisions))
    assert found.findings[0].headline.startswith(f"{adopted} of 2 sessions adopted a resolution")
    vetoed = sum(1 for g in games if any(d.vetoed_by for d in g.state.decisions))
    vetoes = found.findings[3].headline
    assert vetoes.startswith("No veto") if not vetoed else vetoes.startswith(f"{vetoed} of 2 sessions saw a veto")
    totals = sorted(r.council.session_total for r in records)
    assert f"{totals[0]:.1f} to {totals[-1]:.1f}" in found.findings[4].headline


def test_saves_of_different_cases_are_not_compared(games, mini_case, tmp_path, capsys, monkeypatch):
    from councilgame.session.game import Game

    other = Game(mini_case, 3)
    other.play_out()
    records = [session_record(games[0], "rwanda.json"), session_record(other, "mini.json")]
    from councilgame.record.sessions import RecordError

    with pytest.raises(RecordError, match="different cases .*rwanda.json is rwanda_1994, mini.json is mini"):
        comparisons(records)


def test_saves_of_different_cases_exit_with_status_2(games, rwanda, tmp_path, capsys):
    from councilgame import catalogue
    from councilgame.session.game import Game

    tutorial = Game(catalogue.by_id("tutorial"), 3)
    tutorial.play_out()
    paths = [with_classroom(games[0], tmp_path / "a.json"), with_classroom(tutorial, tmp_path / "b.json", None)]
    assert main(["compare", *map(str, paths)]) == 2
    err = capsys.readouterr().err
    assert "different cases" in err and "a.json is rwanda_1994" in err and "Traceback" not in err


def test_saves_of_the_same_name_are_told_apart_by_their_paths(games, tmp_path, capsys):
    (tmp_path / "3A").mkdir()
    (tmp_path / "3B").mkdir()
    paths = [with_classroom(g, tmp_path / folder / "autosave.json") for g, folder in zip(games, ("3A", "3B"))]
    assert main(["compare", *map(str, paths)]) == 0
    out = capsys.readouterr().out
    assert str(paths[0]) in out and str(paths[1]) in out


def test_the_record_and_the_comparison_name_decisions_and_vetoers_in_words_never_by_id_or_code():
    """A press statement with no UN symbol is called a press statement, not by the case file's id for it;
    a vetoing member by its name, not its code (Syria: Russia and China vetoed four drafts)."""
    from councilgame import catalogue
    from councilgame.session.game import Game

    libya, syria = catalogue.by_id("libya_2011"), catalogue.by_id("syria")
    game = Game(libya, 2)
    game.play_out()
    [press] = [h for rnd in session_record(game, "a.json").rounds for h in rnd.history if h.symbol is None]
    assert press.name == "press statement" and press.record_id not in press.name
    records = []
    for seed in (1, 2):
        g = Game(syria, seed)
        g.play_out()
        records.append(session_record(g, f"{seed}.json"))
    text = " ".join(f.headline + " ".join(f.details) for f in comparisons(records).findings)
    assert "Russian Federation on S/2011/612" in text and "RUS" not in text and "CHN" not in text
