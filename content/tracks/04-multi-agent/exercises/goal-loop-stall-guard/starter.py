"""A controller around an autonomous goal loop: budgets, stall detection, verified completion."""

import json


def run_goal_loop(goal, propose, execute, is_done, *, max_iterations=10, token_budget=10_000,
                  repeat_limit=2, window=3):
    """Run propose/execute until the goal is verified or a guard stops the loop.

    Returns {"status", "iterations", "tokens_used", "history", "reason"}.
    This first cut only has the iteration cap.
    """
    history = []
    tokens_used = 0
    while len(history) < max_iterations:
        proposal = propose(goal, list(history))
        tokens_used += proposal["tokens"]
        result = execute(proposal["action"], proposal["args"])
        tokens_used += result["tokens"]
        history.append({"action": proposal["action"], "args": proposal["args"],
                        "output": result["output"], "progress": result["progress"]})
        if is_done(history):
            return {"status": "done", "iterations": len(history), "tokens_used": tokens_used,
                    "history": history, "reason": "goal verified"}
    return {"status": "max_iterations", "iterations": len(history), "tokens_used": tokens_used,
            "history": history, "reason": f"stopped after {max_iterations} iterations"}
