"""tools/bench.py: the line `make bench` ends with, and the idle measurement that runs the
window's own loop (both screens reached through the public names it uses)."""

import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import bench  # noqa: E402


def test_the_bench_line_has_every_field_in_order():
    line = bench.bench_line(start_ratio=1.234, frame_p99_ms=4.5, idle_cpu_pct=0.731, games_per_s=281.4, load_ms=13.62,
                            peak_rss_mb=74.2, limit_load_ms=144.4, limit_turn_ms=70.1)
    assert line == ("BENCH start_ratio=1.23 frame_p99_ms=4.50 idle_cpu_pct=0.73 games_per_s=281 load_ms=13.6 "
                    "peak_rss_mb=74 limit_load_ms=144 limit_turn_ms=70")
    assert re.fullmatch(r"BENCH( [a-z_0-9]+=[0-9.]+){8}", line)


def test_the_bench_line_refuses_a_missing_field():
    try:
        bench.bench_line(start_ratio=1.0)
    except ValueError:
        return
    raise AssertionError("a BENCH line without every field was printed")


def test_idle_runs_the_window_loop_on_the_title_and_the_chamber():
    resting = bench.idle(seconds=0.3)
    assert [scene for scene, _, _ in resting.values()] == ["TitleScene", "ChamberScene"]
    for _, frames, percent in resting.values():
        assert frames > 0  # the loop ran with its own clock
        assert math.isfinite(percent) and percent >= 0
