"""`make bench`: how fast and how lean Council is, measured on this machine.

Prints a table and ends with exactly one line:
BENCH start_ratio=R frame_p99_ms=F idle_cpu_pct=I games_per_s=G load_ms=L peak_rss_mb=M limit_load_ms=LL limit_turn_ms=T
(each the worst case over screens and scenarios). Targets: start_ratio <= 1.3 (start-up to
the title's first frame against a bare pygame-ce window), frame_p99_ms <= 6 on every screen,
computer turns included, idle_cpu_pct <= 3 (the window's own loop left alone for 10 s on the
title and on the chamber, as a percentage of one core), games_per_s >= 250 (every case, one
core), load_ms <= 25, peak_rss_mb <= 100; and for the heaviest files the schema allows
(tools/worst_case.py), limit_load_ms < 1000 and limit_turn_ms < 1000 (the slowest computer turn).
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
           COUNCILGAME_HOME=tempfile.mkdtemp(prefix="council-bench-"))
# Start-up as a player meets it from the second launch on: Python keeps the game's compiled
# bytecode (pip compiles the libraries' at install). Some machines forbid writing it
# (PYTHONDONTWRITEBYTECODE); then every launch would compile the game again, and the floor's
# libraries would not pay that.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)

FLOOR = """
import time, sys
t0 = float(sys.argv[1])
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720), pygame.SCALED)
pygame.display.flip()
print(time.time() - t0)
"""

GAME = """
import time, sys
t0 = float(sys.argv[1])
from councilgame.ui.app import App
app = App()
app.step(0.0)
print(time.time() - t0)
app.close()
"""


def timed_launch(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code, repr(time.time())], capture_output=True, text=True, env=ENV,
                         cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def startup(runs: int = 9) -> tuple[float, float]:
    """Median start-up of the floor and of the game, launched in turn (on a shared machine,
    a burst of load then falls on both rather than on whichever ran during it)."""
    timed_launch(GAME)  # the first launch compiles and keeps the bytecode
    floor, game = [], []
    for _ in range(runs):
        floor.append(timed_launch(FLOOR))
        game.append(timed_launch(GAME))
    return statistics.median(floor), statistics.median(game)


IDLE = """
import resource, sys, time
from councilgame.ui import library
from councilgame.ui.app import App
screen, seconds = sys.argv[1], float(sys.argv[2])
app = App()
if screen == "chamber":  # a game in its consultations, as a player leaves it
    from councilgame import catalogue
    from councilgame.ui.play import Play
    from councilgame.ui.scenes.flow import open_game
    case = catalogue.by_id("rwanda_1994")
    play = Play.start(case, "USA", 1)
    play.advance()  # briefing -> consultations
    open_game(app.stack, play)
# Start-up is not idling: the loop draws the screen and the case library loads behind it first.
for _ in range(3):
    app.step()
library.cases()
for _ in range(30):
    app.step()
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of the process
    return usage.ru_utime + usage.ru_stime
start, used, frames = time.monotonic(), cpu(), app.frames
while time.monotonic() - start < seconds:  # the loop of ui.app.play: the App's own clock, its own sleeping
    app.step()
elapsed, used = time.monotonic() - start, cpu() - used
print(type(app.stack.top).__name__, app.frames - frames, 100 * used / elapsed)
app.close()
"""


def idle(seconds: float = 10.0) -> dict[str, tuple[str, int, float]]:
    """Processor time of the game left alone (the real loop, sleeping between frames), as a
    percentage of one core, on the title and on the chamber: (scene, frames, percent)."""
    out = {}
    for screen, expected in (("title", "TitleScene"), ("chamber", "ChamberScene")):
        result = subprocess.run([sys.executable, "-c", IDLE, screen, str(seconds)], capture_output=True, text=True,
                                env=ENV, cwd=ROOT, check=True)
        scene, frames, percent = result.stdout.strip().splitlines()[-1].split()
        if scene != expected:
            raise SystemExit(f"idle {screen}: the window showed {scene}, not {expected}")
        out[screen] = scene, int(frames), float(percent)
    return out


# The roll waits until the player has voted: the scripted games cast the first vote offered. A button
# that ends the phase asks once: the dialog's own button, which repeats the choice, confirms.
VOTE = """
def roll(p):
    # A statement is agreed by consensus, not voted on: its button seeks consensus instead.
    return "Seek consensus" if "Seek consensus" in p.labels() else "Call the roll"
def vote(p):
    choice = next((label for label in p.labels() if label in ("Yes", "No", "Abstain", "Assent", "Object")), None)
    if choice is None:  # no text before the Council this round (withdrawn): nothing to vote on
        return
    p.click(choice)
    if not p.find(roll(p)).enabled:
        raise SystemExit(f"the roll still waits after the player's vote: {p.labels()}")
def end_phase(p, label):
    p.click(label)
    p.click(label)
"""


def frames(count: int = 600) -> dict[str, tuple[float, float]]:
    """p50 and p99 frame time per screen, with a scripted game in progress."""
    code = f"""
import json, time
from councilgame.ui.pilot import Pilot
from councilgame.ui.scenes.busy import BusyScene
{VOTE}
p = Pilot()
out = {{}}
def measure(name, n={count}):
    # a pointer moving every frame: the window redraws only on change, and this measures the frames that draw
    times = []
    for i in range(n):
        p.pygame.event.post(p.pygame.event.Event(p.pygame.MOUSEMOTION, pos=(600 + i % 80, 360), rel=(1, 0), buttons=(0, 0, 0)))
        t = time.perf_counter(); p.app.step(1 / 60); times.append((time.perf_counter() - t) * 1000)
    times.sort(); out[name] = (times[len(times) // 2], times[int(len(times) * 0.99) - 1])
def through(label, name):
    # the frames in which the computer delegations act, and the new screen is built (the button that
    # ends the phase asks first: its dialog's own button, which repeats the choice, starts the turn)
    p.click(label)
    times = []
    target = p.find(label).rect.center
    p.pygame.event.post(p.pygame.event.Event(p.pygame.MOUSEBUTTONUP, pos=target, button=1))
    for _ in range(400):
        t = time.perf_counter(); p.app.step(1 / 60); times.append((time.perf_counter() - t) * 1000)
        if not isinstance(p.scene, BusyScene) and len(times) > 2:
            break
    out[name] = (statistics.median(times), max(times))
import statistics
measure("title")
p.click("New game"); measure("cases")
p.click("More cases"); p.click("Syria"); measure("seats")
p.click("United States"); p.click("I am ready"); measure("briefing")
through("To consultations", "turn:consultations")
measure("chamber")
p.click("Consult a member"); measure("consultations"); p.click("Back to chamber")
through("To drafting", "turn:drafting")
measure("drafting")
through("Put to the vote", "turn:vote")
measure("vote")
vote(p)
through(roll(p), "turn:consequences")
measure("consequences")
while "To the debrief" not in p.labels():
    for label in ("Next round", "To consultations", "To drafting", "Put to the vote"):
        end_phase(p, label)
    vote(p)
    end_phase(p, roll(p))
through("To the debrief", "turn:debrief")
measure("debrief")
p.key(p.pygame.K_g); measure("glossary")
p.close()
print(json.dumps(out))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, cwd=ROOT, check=True)
    times: dict[str, tuple[float, float]] = json.loads(result.stdout.strip().splitlines()[-1])
    return times


def headless() -> tuple[dict[str, float], dict[str, float]]:
    from councilgame import catalogue
    from councilgame.scenario import loader
    from councilgame.simulate import simulate

    cases, problems = catalogue.load_all()
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    speed, load = {}, {}
    for case in cases:
        runs = 200
        start = time.perf_counter()
        simulate(case, runs, 1)
        speed[case.id] = runs / (time.perf_counter() - start)
        samples = []
        for _ in range(7):
            for cached in (loader.load_library, loader.load_phrases, loader.load_glossary):
                cached.cache_clear()
            start = time.perf_counter()
            catalogue.load(Path(case.path))
            samples.append((time.perf_counter() - start) * 1000)
        load[case.id] = statistics.median(samples)
    return speed, load


def jobs_speedup(case_id: str = "syria", runs: int = 600) -> tuple[int, float]:
    from councilgame import catalogue
    from councilgame.simulate import simulate

    case = catalogue.find(case_id)
    cores = os.cpu_count() or 1
    start = time.perf_counter()
    simulate(case, runs, 1)
    one = time.perf_counter() - start
    start = time.perf_counter()
    simulate(case, runs, 1, jobs=cores)
    return cores, one / (time.perf_counter() - start)


def limits(seeds: int = 3) -> tuple[dict[str, float], float, str | None]:
    """Load time (median of 5) of the heaviest legal files, the slowest computer turn on the largest
    (nan when a turn fails), and the failure, if any, in words."""
    sys.path.insert(0, str(ROOT / "tools"))
    import worst_case
    from councilgame.scenario.loader import load_case_bytes
    from councilgame.scenario.problems import ScenarioError
    from councilgame.session.game import Game
    from councilgame import paths

    load, case = {}, None
    for name, raw in (("largest", worst_case.largest_case()), ("unknown_ids", worst_case.unknown_ids())):
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            try:
                loaded = load_case_bytes(raw, name, paths.clause_library())
            except ScenarioError:
                loaded = None
            samples.append((time.perf_counter() - start) * 1000)
        load[f"{name} ({len(raw) // 1024} KB)"] = statistics.median(samples)
        case = case or loaded
    if case is None:
        raise SystemExit("tools/worst_case.py: the largest case does not load")
    slowest = 0.0
    for seed in range(seeds):
        game = Game(case, seed)
        try:
            while not game.state.ended:
                start = time.perf_counter()
                game.advance()
                slowest = max(slowest, time.perf_counter() - start)
        except Exception as exc:  # noqa: BLE001 - a failed turn is reported with every other figure, not in their place
            where = f"game {seed} on the largest case, {game.state.phase.value} of round {game.state.round_index + 1}"
            return load, math.nan, f"{where}: {type(exc).__name__}: {exc}"
    return load, slowest * 1000, None


def peak_rss_mb() -> float:
    """Peak resident memory of a whole game played in the window."""
    code = """
import resource
from councilgame.ui.pilot import Pilot
""" + VOTE + """
p = Pilot()
p.click("New game"); p.click("More cases"); p.click("Syria"); p.click("China"); p.click("I am ready")
while True:
    end_phase(p, "To consultations"); end_phase(p, "To drafting"); end_phase(p, "Put to the vote"); vote(p)
    end_phase(p, roll(p))
    if "To the debrief" in p.labels():
        end_phase(p, "To the debrief"); break
    end_phase(p, "Next round")
p.frames(60)
p.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, cwd=ROOT, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> int:
    print(f"Council benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    floor, game = startup()
    print(f"\nStart-up to first frame (median of 9, in turn): game {game * 1000:.0f} ms, floor (a bare pygame-ce window) "
          f"{floor * 1000:.0f} ms, ratio {game / floor:.2f}")
    screens = frames()
    print("\nFrame time per screen (ms)          p50     p99")
    for name, (p50, p99) in screens.items():
        label = name if not name.startswith("turn:") else name.replace("turn:", "computer turn, to ") + " (median, max)"
        print(f"  {label:34} {p50:6.2f}  {p99:6.2f}")
    resting = idle()
    print("\nLeft alone for 10 s                  frames   % of one core")
    for name, (scene, count, percent) in resting.items():
        print(f"  {name + ' (' + scene + ')':34} {count:6}   {percent:6.2f}")
    speed, load = headless()
    print("\nCase                 games/s (1 core)   load ms (median)")
    for case_id in speed:
        print(f"  {case_id:20} {speed[case_id]:10.0f}   {load[case_id]:10.1f}")
    cores, speedup = jobs_speedup()
    print(f"\nsimulate --jobs {cores}: {speedup:.2f}x the speed of one process (syria, 600 runs)")
    rss = peak_rss_mb()
    print(f"Peak memory of a whole game in the window: {rss:.0f} MB")
    limit_load, limit_turn, failure = limits()
    print("\nHeaviest files the schema allows        load ms (median of 5)")
    for name, ms in limit_load.items():
        print(f"  {name:38} {ms:8.1f}")
    if failure:
        print(f"FAILED: a computer turn raised, in {failure}")
    else:
        print(f"Slowest computer turn on the largest case (3 games): {limit_turn:.0f} ms")
    print("\n" + bench_line(start_ratio=game / floor, frame_p99_ms=max(p99 for p50, p99 in screens.values()),
                            idle_cpu_pct=max(percent for _, _, percent in resting.values()),
                            games_per_s=min(speed.values()), load_ms=max(load.values()), peak_rss_mb=rss,
                            limit_load_ms=max(limit_load.values()), limit_turn_ms=limit_turn))
    return 1 if failure else 0


# The closing line's fields, in order, with their decimals.
FIELDS = (("start_ratio", 2), ("frame_p99_ms", 2), ("idle_cpu_pct", 2), ("games_per_s", 0), ("load_ms", 1),
          ("peak_rss_mb", 0), ("limit_load_ms", 0), ("limit_turn_ms", 0))


def bench_line(**values: float) -> str:
    """The one line `make bench` ends with: every field of FIELDS, in its order."""
    if set(values) != {name for name, _ in FIELDS}:
        raise ValueError(f"bench_line takes exactly {[name for name, _ in FIELDS]}")
    return "BENCH " + " ".join(f"{name}={values[name]:.{decimals}f}" for name, decimals in FIELDS)


if __name__ == "__main__":
    raise SystemExit(main())
