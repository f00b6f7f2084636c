"""Batch play: computer delegations hold every seat; the distribution of
outcomes and scores over many seeded runs. Same seed, same bytes."""

from __future__ import annotations

import random
import statistics
from collections import Counter
from collections.abc import Callable
from typing import Any

from councilgame.i18n import _
from councilgame.path_match import (
    documented_by_round,
    game_outcome,
    outcome_words,
    proposed_historically,
    unproposed_adopted,
)
from councilgame.scenario.model import Instrument
from councilgame.scenario.case import Case
from councilgame.scoring import DIMENSIONS, council_score, seat_score
from councilgame.session.documented import documented_path
from councilgame.session.game import Game
from councilgame.session.state import Decision


def decision_kind(case: Case, decision: Decision) -> str:
    """A decision in a few words: instrument, fate, and its strongest clause."""
    if decision.withdrawn:
        return "withdrawn under veto threat" if "veto" in decision.summary else "withdrawn"
    if not decision.draft.clauses:
        return "no draft"
    kind = decision.draft.instrument.value.replace("_", " ")
    if decision.adopted:
        strongest = max((case.clauses[c] for c in decision.draft.clauses),
                        key=lambda c: (abs(c.protection), c.intrusiveness, c.id))
        return f"{kind} adopted ({strongest.title})"
    if decision.vetoed_by:
        return f"{kind} vetoed"
    return f"{kind} failed"


def decision_words(case: Case) -> dict[str, str]:
    """Every decision_kind the case can give, in words in the active language, for the printed report (the
    kinds themselves, keys of the JSON's outcomes, stay English)."""
    words = {"withdrawn under veto threat": _("withdrawn under veto threat"), "withdrawn": _("withdrawn"),
             "no draft": _("no draft")}
    for instrument in Instrument:
        kind = instrument.value.replace("_", " ")
        for fate in ("vetoed", "failed"):
            words[f"{kind} {fate}"] = outcome_words(f"{kind} {fate}")
        for clause in case.clauses.values():
            words[f"{kind} adopted ({clause.title})"] = f"{outcome_words(f'{kind} adopted')} ({clause.title})"
    return words


def run_one(case: Case, seed: int) -> dict[str, Any]:
    game = Game(case, seed, narrate=False)
    game.play_out()
    facts = game.facts()
    score = council_score(case, game.state)
    seats = {seat: seat_score(case, game.state, seat, facts).score for seat in sorted(case.goals)}
    by_round = {d.round: d for d in game.state.decisions}
    return {"decisions": [decision_kind(case, d) for d in game.state.decisions], "council": score.dimensions,
            "total": score.total, "seats": seats, "harm": game.state.harm,
            "path": [game_outcome(by_round.get(i)) for i in range(len(case.scenario.rounds))],
            "unproposed": unproposed_adopted(case, game.state.decisions, proposed_historically(case))}


def first_game(case: Case, seed: int) -> Game:
    """The first of the runs `simulate` plays from seed, played out with every word the delegations say
    (what they say draws no random numbers, so its decisions are the batch run's)."""
    game = Game(case, run_seeds(seed, 1)[0])
    game.play_out()
    return game


def run_seeds(seed: int, runs: int) -> list[int]:
    rng = random.Random(seed)
    return [rng.getrandbits(48) for _ in range(runs)]


def simulate(case: Case, runs: int, seed: int, progress: Callable[[int], None] | None = None,
             jobs: int = 1) -> dict[str, Any]:
    """Play `runs` computer-only games. With jobs > 1 the runs are shared
    among processes; each run has its own seed and results are gathered in
    order, so the output is the same whatever the number of jobs."""
    seeds = run_seeds(seed, runs)
    if jobs <= 1 or runs < 2 * jobs:
        results: list[dict[str, Any]] = []
        for i, run_seed in enumerate(seeds):
            results.append(run_one(case, run_seed))
            if progress:
                progress(i + 1)
    else:
        results = _in_processes(case, seeds, jobs, progress)
    return summarise(case, results, runs, seed)


def _in_processes(case: Case, seeds: list[int], jobs: int, progress: Callable[[int], None] | None) -> list[dict[str, Any]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, len(seeds) // (jobs * 8))
    chunks = [seeds[i:i + size] for i in range(0, len(seeds), size)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    results: list[list[dict[str, Any]]] = [[] for _ in chunks]
    done = 0
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_adopt, initargs=(case,)) as pool:
        futures = {pool.submit(_run_chunk, chunk): i for i, chunk in enumerate(chunks)}
        from concurrent.futures import as_completed

        for future in as_completed(futures):
            results[futures[future]] = future.result()
            done += len(chunks[futures[future]])
            if progress:
                progress(done)
    return [r for chunk in results for r in chunk]


_WORKER_CASE: Case | None = None


def _adopt(case: Case) -> None:
    global _WORKER_CASE
    _WORKER_CASE = case


def _run_chunk(seeds: list[int]) -> list[dict[str, Any]]:
    case = _WORKER_CASE
    assert case is not None, "the pool's initializer (_adopt) sets the case before any chunk runs"
    return [run_one(case, s) for s in seeds]


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    n = len(ordered)
    return {"mean": round(statistics.fmean(ordered), 1), "min": round(ordered[0], 1),
            "p10": round(ordered[n // 10], 1), "median": round(ordered[n // 2], 1),
            "p90": round(ordered[min(n - 1, (9 * n) // 10)], 1), "max": round(ordered[-1], 1)}


def summarise(case: Case, results: list[dict[str, Any]], runs: int, seed: int) -> dict[str, Any]:
    rounds = case.scenario.rounds
    documented_path_outcomes = documented_by_round(case)
    per_round = []
    for i, rnd in enumerate(rounds):
        counts = Counter(r["decisions"][i] if i < len(r["decisions"]) else "no draft" for r in results)
        reached = Counter(r["path"][i] for r in results)
        wanted = documented_path_outcomes[i]
        per_round.append({"round": rnd.id, "label": rnd.label,
                          "outcomes": {k: counts[k] for k in sorted(counts, key=lambda k: (-counts[k], k))},
                          "documented": list(wanted), "reached": sum(reached[w] for w in wanted),
                          "instead": {k: reached[k] for k in sorted(reached, key=lambda k: (-reached[k], k))
                                      if k not in wanted}})
    path = documented_path(case)
    documented = path.state
    doc_score = council_score(case, documented)
    return {
        "scenario": case.id, "version": case.scenario.version, "runs": runs, "seed": seed,
        "rounds": per_round,
        "council": {dim: _stats([r["council"][dim] for r in results]) for dim in DIMENSIONS},
        "council_total": _stats([r["total"] for r in results]),
        "documented": {**doc_score.dimensions, "total": doc_score.total},
        "harm_vs_documented": _stats([100.0 * r["harm"] / documented.harm if documented.harm else 0.0 for r in results]),
        "seats": {seat: _stats([r["seats"][seat] for r in results]) for seat in sorted(case.goals)},
        "seats_documented": {seat: seat_score(case, documented, seat, path.facts).score for seat in sorted(case.goals)},
        "unproposed": {"games": sum(1 for r in results if r["unproposed"]),
                       "clauses": dict(sorted(Counter(c for r in results for c in r["unproposed"]).items()))},
    }
