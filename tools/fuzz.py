"""`make fuzz`: mutate every built-in case and load each mutant.

Every input must end as a loaded scenario or a validation error: never
another exception, never more than a second. Mutations work on the tree
(delete, duplicate, retype, reorder and swap nodes) and on the bytes (flip,
truncate, insert, cut). Seeded: the same seed gives the same inputs.

    python tools/fuzz.py [COUNT] [--seed S] [--jobs N]
"""

from __future__ import annotations

import argparse
import copy
import os
import pickle
import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from councilgame import paths  # noqa: E402
from councilgame.scenario.loader import load_case_bytes  # noqa: E402
from councilgame.scenario.problems import ScenarioError  # noqa: E402
from councilgame.scenario.safe_yaml import read_yaml  # noqa: E402

LIMIT_SECONDS = 1.0
ODD_VALUES = [None, True, 0, -1, 1.5, 10 ** 30, float("inf"), "", "NO", "yes", "x" * 5000, [], {}, [1, [2, [3]]],
              {"a": {"b": "c"}}, "1994-13-45", "ZZZ", "\u202eevil\u202c", "🌍" * 40, "../../etc/passwd"]


def originals() -> dict[str, object]:
    out = {}
    for path in sorted(paths.builtin_scenarios().glob("*.yaml")):
        out[path.name] = read_yaml(path.read_bytes()).data
    return out


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


def _get(node, path):
    for step in path:
        node = node[step]
    return node


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def mutate_tree(data, rng: random.Random):
    data = pickle.loads(pickle.dumps(data))  # a deep copy, several times faster than copy.deepcopy
    for _ in range(rng.randint(1, 4)):
        places = list(_paths(data))
        path = rng.choice(places[1:]) if len(places) > 1 else ()
        if not path:
            continue
        parent, key = _get(data, path[:-1]), path[-1]
        kind = rng.choice(["delete", "duplicate", "retype", "reorder", "swap"])
        if kind == "delete":
            del parent[key]
        elif kind == "duplicate":
            if isinstance(parent, list):
                parent.insert(key, copy.deepcopy(parent[key]))
            else:
                parent[f"{key}_copy"] = copy.deepcopy(parent[key])
        elif kind == "retype":
            parent[key] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif kind == "reorder":
            target = parent[key]
            if isinstance(target, list):
                rng.shuffle(target)
            elif isinstance(target, dict):
                items = list(target.items())
                rng.shuffle(items)
                parent[key] = dict(items)
        else:
            other = rng.choice(places[1:])
            try:
                other_parent, other_key = _get(data, other[:-1]), other[-1]
                parent[key], other_parent[other_key] = other_parent[other_key], parent[key]
            except (KeyError, IndexError, TypeError):
                pass
    return data


def mutate_bytes(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 6)):
        if not data:
            break
        kind = rng.choice(["flip", "truncate", "insert", "cut"])
        i = rng.randrange(len(data))
        if kind == "flip":
            data[i] ^= 1 << rng.randrange(8)
        elif kind == "truncate":
            del data[i:]
        elif kind == "insert":
            data[i:i] = rng.choice([b"&a ", b"*a", b"!!python/object:os.system ", b"\x00", b"\xff\xfe", b"[" * 50,
                                    b": :", b"\n  - ", b"\t", "\u202e".encode(), b"{{", b"'"])
        else:
            del data[i:i + rng.randint(1, 200)]
    return bytes(data)


def make_input(cases: dict, texts: dict, rng: random.Random) -> tuple[str, bytes]:
    name = rng.choice(sorted(cases))
    if rng.random() < 0.5:
        mutant = mutate_tree(cases[name], rng)
        try:
            return name, yaml.dump(mutant, Dumper=_DUMPER, sort_keys=False, allow_unicode=True).encode("utf-8")
        except yaml.YAMLError:
            return name, texts[name]
    return name, mutate_bytes(texts[name], rng)


def check(raw: bytes, display: str) -> tuple[str, float]:
    """'loaded', 'refused', or the name of an unexpected exception; and seconds taken."""
    start = time.perf_counter()
    try:
        load_case_bytes(raw, display, paths.clause_library())
        outcome = "loaded"
    except ScenarioError as exc:
        outcome = "refused" if exc.problems else "empty ScenarioError"
    except Exception as exc:  # noqa: BLE001 - this is what the fuzzer looks for
        outcome = f"{type(exc).__name__}: {exc}"[:200]
    return outcome, time.perf_counter() - start


def run(count: int, seed: int, worker: int = 0, workers: int = 1) -> dict:
    cases = originals()
    texts = {name: (paths.builtin_scenarios() / name).read_bytes() for name in cases}
    rng = random.Random(seed)
    tally = {"loaded": 0, "refused": 0, "failed": 0, "slow": 0, "slowest": 0.0, "failures": []}
    for n in range(count):
        name, raw = make_input(cases, texts, rng)
        if n % workers != worker:
            continue
        outcome, seconds = check(raw, f"{name}#{n}")
        tally["slowest"] = max(tally["slowest"], seconds)
        if outcome in ("loaded", "refused"):
            tally[outcome] += 1
        else:
            tally["failed"] += 1
            tally["failures"].append((n, name, outcome))
        if seconds > LIMIT_SECONDS:
            tally["slow"] += 1
            tally["failures"].append((n, name, f"took {seconds:.2f} s"))
    return tally


def _run_part(args):
    return run(*args)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    start = time.perf_counter()
    if args.jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(args.jobs) as pool:
            parts = list(pool.map(_run_part, [(args.count, args.seed, w, args.jobs) for w in range(args.jobs)]))
    else:
        parts = [run(args.count, args.seed)]
    total = {key: sum(p[key] for p in parts) for key in ("loaded", "refused", "failed", "slow")}
    slowest = max(p["slowest"] for p in parts)
    failures = [f for p in parts for f in p["failures"]]
    print(f"{args.count} mutated scenarios (seed {args.seed}) in {time.perf_counter() - start:.0f} s: "
          f"{total['loaded']} loaded, {total['refused']} refused with validation errors, "
          f"{total['failed']} other exceptions, {total['slow']} over {LIMIT_SECONDS:.0f} s; slowest {slowest * 1000:.0f} ms")
    for n, name, outcome in failures[:20]:
        print(f"  input {n} (from {name}): {outcome}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
