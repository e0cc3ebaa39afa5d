"""A controller around an autonomous goal loop: budgets, stall detection, verified completion."""

import copy
import json


def _key(action, args):
    return action, str(args)


def run_goal_loop(goal, propose, execute, is_done, *, max_iterations=10, token_budget=10_000,
                  repeat_limit=2, window=3):
    """Run propose/execute until the goal is verified or a guard stops the loop."""
    history = []
    tokens_used = 0

    def finish(status, reason):
        return {"status": status, "iterations": len(history), "tokens_used": tokens_used,
                "history": history, "reason": reason}

    while True:
        if len(history) >= max_iterations:
            return finish("max_iterations", f"stopped after {max_iterations} iterations")
        proposal = propose(goal, copy.deepcopy(history))
        tokens_used += proposal["tokens"]
        if tokens_used > token_budget:
            return finish("budget_exhausted", f"{tokens_used} tokens used, budget is {token_budget}")
        action, args = proposal["action"], proposal["args"]
        key = _key(action, args)
        repeats = sum(1 for h in history if _key(h["action"], h["args"]) == key)
        if repeats >= repeat_limit:
            return finish("stalled", f"action {action}({key[1]}) already ran {repeats} times")
        result = execute(action, args)
        tokens_used += result["tokens"]
        history.append({"action": action, "args": args, "output": result["output"],
                        "progress": result["progress"]})
        if is_done(copy.deepcopy(history)):
            return finish("done", "goal verified")
        if tokens_used > token_budget:
            return finish("budget_exhausted", f"{tokens_used} tokens used, budget is {token_budget}")
        if len(history) > window and history[-1]["progress"] <= history[-1 - window]["progress"]:
            return finish("stalled", f"no progress in the last {window} iterations")
