"""Computer delegations: how a member weighs a draft, answers lobbying,
seeks amendments and threatens a veto. Every judgement carries its reasons."""
