"""The heaviest files the schema allows, built from a shipped case, for `make bench`.

`largest_case()` fills every capped list of Rwanda 1994 to its cap (40 rounds,
16-clause agendas, 60 clauses of its own, 40 NGOs, 100 events of 20 effects,
60 record entries, 30 red lines a member...) while staying under the 2 MB a
file may hold. `unknown_ids()` defines a thousand sources and names a thousand
that do not exist (what made the "did you mean" search take 19 s). Every file
within the limits must load in under a second and every computer turn on
it take under a second.

    python tools/worst_case.py OUT_FOLDER   # writes both files there
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from councilgame import paths  # noqa: E402
from councilgame.scenario import model  # noqa: E402
from councilgame.scenario.safe_yaml import MAX_BYTES, read_yaml  # noqa: E402

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _base() -> dict[str, Any]:
    data = read_yaml((paths.builtin_scenarios() / "rwanda_1994.yaml").read_bytes()).data
    base: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return base


def _dump(data: dict[str, Any]) -> bytes:
    data = json.loads(json.dumps(data))  # no shared objects: PyYAML would write them as anchors, which we refuse
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=120).encode("utf-8")


def largest_case() -> bytes:
    data = _base()
    data["id"] = "largest"
    # Dates as text (JSON); and only clauses a Council of 1994 could decide (no referral to the ICC).
    library = [c for c in json.loads(json.dumps(read_yaml(paths.clause_library().read_bytes()).data["clauses"], default=str))
               if "exists_from" not in c and "exists_until" not in c]
    own = list(data.get("clauses", []))  # the case's own, which its goals name
    for i in range(model.MAX_OWN_CLAUSES - len(own)):
        clause = copy.deepcopy(library[i % len(library)])
        clause["id"] = f"own_{i}"
        clause["instruments"] = ["resolution", "presidential_statement"]
        own.append(clause)
    data["clauses"] = own
    ids = [c["id"] for c in library if "resolution" in c.get("instruments", ["resolution"])] + [c["id"] for c in own]
    ngo = {"kind": "ngo", "influence": 0.5, "description": "A campaigning NGO. " * 5}
    data["actors"] = data["actors"][:3] + [dict(ngo, id=f"ngo_{i}", name=f"NGO {i}") for i in range(model.MAX_ACTORS - 3)]
    template = data["rounds"][0]
    rounds, day = [], dt.date(1994, 1, 1)
    for r in range(model.MAX_ROUNDS):  # the schema's cap on rounds
        rnd = copy.deepcopy(template)
        rnd["id"], rnd["label"] = f"r{r}", f"Round {r + 1}"
        rnd["start"], rnd["end"] = day.isoformat(), (day + dt.timedelta(days=7)).isoformat()
        rnd["agenda"] = [ids[(r * 7 + k) % len(ids)] for k in range(model.MAX_DRAFT_CLAUSES)]
        development = dict(template["developments"][0], date=rnd["start"])
        development.pop("actor", None)
        development["text"] = "A long dispatch from the field. " * 30
        rnd["developments"] = [copy.deepcopy(development) for _ in range(model.MAX_DEVELOPMENTS)]
        rounds.append(rnd)
        day += dt.timedelta(days=9)
    data["rounds"] = rounds
    # Every lesson length at its longest plan: every round played, in order.
    data["lessons"] = {minutes: [rnd["id"] for rnd in rounds] for minutes in model.LESSON_MINUTES}
    source = next(iter(data["sources"]))
    effect_kinds = [{"adjust": {"violence": -1}}, {"news": {"text": "News of the day.", "source": source}},
                    {"flag": "f"}, {"profile": {"member": "CHN", "field": "sovereignty", "by": 0.01}}]
    data["events"] = [{"id": f"e{i}", "once": False,
                       "when": "violence >= 0 and (vetoes / drafts_failed >= 0 or adopted('own_1')) and round <= rounds",
                       "effects": [effect_kinds[k % len(effect_kinds)] for k in range(model.MAX_EFFECTS)]}
                      for i in range(model.MAX_EVENTS)]
    red_lines = [c["id"] for c in own[: model.MAX_RED_LINES]]
    for code, profile in data["profiles"].items():
        if code in ("CHN", "NGA", "DJI"):
            profile["red_lines"] = red_lines
    data["record"] = []
    data["glossary"] = {f"Term {i}": "A term of art." for i in range(model.MAX_GLOSSARY)}
    raw = _dump(data)
    assert len(raw) <= MAX_BYTES, len(raw)
    return raw


def unknown_ids(count: int = 1000) -> bytes:
    """A thousand sources defined and a thousand references to sources that are not: each unknown
    id was compared with every known one, a million comparisons."""
    data = _base()
    data["id"] = "unknown_ids"
    data["sources"] = {f"source_{i:04}": {"title": "t"} for i in range(count)}
    members = list(data["profiles"])
    for i in range(count):
        data["profiles"][members[i % len(members)]].setdefault("sources", []).append(f"sourse_{i:04}")
    return _dump(data)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    (out / "largest.yaml").write_bytes(largest_case())
    (out / "unknown_ids.yaml").write_bytes(unknown_ids())
    print(f"wrote {out / 'largest.yaml'} and {out / 'unknown_ids.yaml'}")
