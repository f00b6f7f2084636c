"""Lists briefings and unconditional developments that name a Council decision of the case's own record."""
import sys
from councilgame.scenario.loader import decisions_named
from councilgame.scenario.safe_yaml import read_yaml
from councilgame.scenario.model import Scenario
from pathlib import Path
bad = 0
for path in sys.argv[1:]:
    data = read_yaml(Path(path).read_text()).data
    s = Scenario.model_validate(data)
    for i, rnd in enumerate(s.rounds):
        for where, text in [(f"rounds[{i}].briefing", rnd.briefing)] + [
                (f"rounds[{i}].developments[{d}].text", dev.text) for d, dev in enumerate(rnd.developments) if dev.when is None]:
            named = decisions_named(text, s.record)
            if named:
                bad += 1
                print(f"{path}: {where}: names {', '.join(named)}")
print(f"{bad} problem(s)")
