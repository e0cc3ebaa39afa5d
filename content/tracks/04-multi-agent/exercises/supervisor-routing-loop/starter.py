"""A supervisor loop: the supervisor routes, workers act, the loop keeps it honest."""

import json


def supervise(request, supervisor, workers, max_rounds=5):
    """Run the supervisor until it finishes or max_rounds supervisor calls have been made.

    Returns {"status": "finished" | "max_rounds", "rounds": int, "answer": str | None, "history": list}.
    This first cut trusts every decision the supervisor makes.
    """
    history = []
    for round_no in range(1, max_rounds + 1):
        decision = supervisor(request, list(history))
        if isinstance(decision, str):
            decision = json.loads(decision)
        if decision["next"] == "FINISH":
            return {"status": "finished", "rounds": round_no,
                    "answer": decision.get("answer"), "history": history}
        output = workers[decision["next"]](decision["instruction"])
        history.append({"round": round_no, "worker": decision["next"],
                        "instruction": decision["instruction"], "output": output})
    return {"status": "max_rounds", "rounds": max_rounds, "answer": None, "history": history}
