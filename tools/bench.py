"""`make bench`: how fast and how lean Council is, measured on this machine.

Prints a table and ends with exactly one line:
BENCH start_ratio=R frame_p99_ms=F games_per_s=G load_ms=L peak_rss_mb=M limit_load_ms=LL limit_turn_ms=T
(each the worst case over screens and scenarios). Targets: start_ratio <= 1.5,
frame_p99_ms <= 8, games_per_s >= 200 (every case, one core), load_ms <= 50,
peak_rss_mb <= 200; and for the heaviest files the schema allows (tools/worst_case.py),
limit_load_ms < 1000 and limit_turn_ms < 1000 (the slowest computer turn).
"""

from __future__ import annotations

import json
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


def startup(runs: int = 5) -> tuple[float, float]:
    timed_launch(GAME)  # the first launch compiles and keeps the bytecode
    floor = statistics.median(timed_launch(FLOOR) for _ in range(runs))
    game = statistics.median(timed_launch(GAME) for _ in range(runs))
    return floor, game


def frames(count: int = 600) -> dict[str, tuple[float, float]]:
    """p50 and p99 frame time per screen, with a scripted game in progress."""
    code = f"""
import json, time
from councilgame.ui.pilot import Pilot
from councilgame.ui.scenes.busy import BusyScene
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
    # the frames in which the computer delegations act, and the new screen is built
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
through("Call the roll", "turn:consequences")
measure("consequences")
while "To the debrief" not in p.labels():
    p.click("Next round"); p.click("To consultations"); p.click("To drafting"); p.click("Put to the vote"); p.click("Call the roll")
through("To the debrief", "turn:debrief")
measure("debrief")
p.key(p.pygame.K_g); measure("glossary")
p.close()
print(json.dumps(out))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, cwd=ROOT, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


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
            loader.load_library.cache_clear(), loader.load_phrases.cache_clear(), loader.load_glossary.cache_clear()
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


def limits(seeds: int = 3) -> tuple[dict[str, float], float]:
    """Load time (median of 5) of the heaviest legal files, and the slowest computer turn on the largest."""
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
    slowest = 0.0
    for seed in range(seeds):
        game = Game(case, seed)
        while not game.state.ended:
            start = time.perf_counter()
            game.advance()
            slowest = max(slowest, time.perf_counter() - start)
    return load, slowest * 1000


def peak_rss_mb() -> float:
    """Peak resident memory of a whole game played in the window."""
    code = """
import resource
from councilgame.ui.pilot import Pilot
p = Pilot()
p.click("New game"); p.click("More cases"); p.click("Syria"); p.click("China"); p.click("I am ready")
while True:
    p.click("To consultations"); p.click("To drafting"); p.click("Put to the vote"); p.click("Call the roll")
    if "To the debrief" in p.labels():
        p.click("To the debrief"); break
    p.click("Next round")
p.frames(60)
p.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, cwd=ROOT, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> int:
    print(f"Council benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    floor, game = startup()
    print(f"\nStart-up to first frame (median of 5): game {game * 1000:.0f} ms, floor (a bare pygame-ce window) "
          f"{floor * 1000:.0f} ms, ratio {game / floor:.2f}")
    screens = frames()
    print("\nFrame time per screen (ms)          p50     p99")
    for name, (p50, p99) in screens.items():
        label = name if not name.startswith("turn:") else name.replace("turn:", "computer turn, to ") + " (median, max)"
        print(f"  {label:34} {p50:6.2f}  {p99:6.2f}")
    speed, load = headless()
    print("\nCase                 games/s (1 core)   load ms (median)")
    for case_id in speed:
        print(f"  {case_id:20} {speed[case_id]:10.0f}   {load[case_id]:10.1f}")
    cores, speedup = jobs_speedup()
    print(f"\nsimulate --jobs {cores}: {speedup:.2f}x the speed of one process (syria, 600 runs)")
    rss = peak_rss_mb()
    print(f"Peak memory of a whole game in the window: {rss:.0f} MB")
    limit_load, limit_turn = limits()
    print("\nHeaviest files the schema allows        load ms (median of 5)")
    for name, ms in limit_load.items():
        print(f"  {name:38} {ms:8.1f}")
    print(f"Slowest computer turn on the largest case (3 games): {limit_turn:.0f} ms")
    worst_frame = max(p99 for p50, p99 in screens.values())
    print(f"\nBENCH start_ratio={game / floor:.2f} frame_p99_ms={worst_frame:.2f} games_per_s={min(speed.values()):.0f} "
          f"load_ms={max(load.values()):.1f} peak_rss_mb={rss:.0f} limit_load_ms={max(limit_load.values()):.0f} "
          f"limit_turn_ms={limit_turn:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
