"""The crisis rules' numbers, in one place: each has a name, a meaning and a unit.

Indicators run from 0 to 100 ("points"). These are the model's free choices: a
teaching device, not a forecast. A case cannot change them (yet); tests and the
authoring guide read them from here.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CrisisParameters(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    noise_sd: float = Field(2.0, ge=0, description="standard deviation of the seeded noise on violence, "
                            "civilians at risk and displacement each round", json_schema_extra={"unit": "points"})
    attention_decay: float = Field(0.85, ge=0, le=1, description="share of public attention that survives a round "
                                   "unless reports and statements feed it", json_schema_extra={"unit": "fraction"})
    attention_per_report: float = Field(3.0, description="public attention added by each NGO report or press "
                                        "development in a briefing", json_schema_extra={"unit": "points"})
    attention_per_campaign: float = Field(8.0, description="public attention a campaigning NGO adds in a round, "
                                          "per unit of its influence (0-1)", json_schema_extra={"unit": "points"})
    attention_per_briefing: float = Field(12.0, description="public attention a member's briefing with a "
                                          "campaigning NGO adds, per unit of the NGO's influence",
                                          json_schema_extra={"unit": "points"})
    attention_per_protect_statement: float = Field(4.0, description="public attention added by a public statement "
                                                   "for the protection of civilians", json_schema_extra={"unit": "points"})
    wide_majority: int = Field(13, ge=9, le=15, description="yes votes from which an adoption reads as the Council "
                               "united (a consensus statement counts as all fifteen)", json_schema_extra={"unit": "votes"})
    legitimacy_wide: float = Field(4.0, description="legitimacy gained by a decision adopted by a wide majority",
                                   json_schema_extra={"unit": "points"})
    legitimacy_narrow: float = Field(-1.0, description="legitimacy change of a decision adopted by a narrow, divided "
                                     "vote", json_schema_extra={"unit": "points"})
    legitimacy_veto: float = Field(-6.0, description="legitimacy change per veto cast", json_schema_extra={"unit": "points"})
    p5_relations_veto: float = Field(-8.0, description="change in relations among the permanent members per veto cast",
                                     json_schema_extra={"unit": "points"})
    attention_veto: float = Field(6.0, description="public attention a vetoed draft draws (once per vetoed draft)",
                                  json_schema_extra={"unit": "points"})
    legitimacy_inaction: float = Field(-4.0, description="legitimacy change of a round in which the Council adopts "
                                       "nothing while violence is high", json_schema_extra={"unit": "points"})
    inaction_violence: float = Field(60.0, ge=0, le=100, description="violence at or above which doing nothing costs "
                                     "the Council legitimacy", json_schema_extra={"unit": "points"})


PARAMETERS = CrisisParameters()
