"""A supervisor loop: the supervisor routes, workers act, the loop keeps it honest."""

import json


def _parse_decision(raw, workers):
    """Return (decision, None) for a valid decision or (None, error message)."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            return None, f"decision is not valid JSON: {exc.msg}"
    if not isinstance(raw, dict):
        return None, "decision must be a JSON object"
    nxt = raw.get("next")
    if nxt == "FINISH":
        return raw, None
    if not isinstance(nxt, str) or nxt not in workers:
        return None, f"unknown worker {nxt!r}; choose one of {sorted(workers)} or FINISH"
    instruction = raw.get("instruction")
    if not isinstance(instruction, str) or not instruction.strip():
        return None, f"decision for {nxt!r} needs a non-empty instruction"
    return raw, None


def _last_success(history):
    for entry in reversed(history):
        if "output" in entry:
            return entry
    return None


def supervise(request, supervisor, workers, max_rounds=5):
    """Run the supervisor until it finishes or max_rounds supervisor calls have been made."""
    history = []
    for round_no in range(1, max_rounds + 1):
        raw = supervisor(request, [dict(entry) for entry in history])
        decision, error = _parse_decision(raw, workers)
        if error:
            history.append({"round": round_no, "error": error})
            continue
        last = _last_success(history)
        if decision["next"] == "FINISH":
            answer = decision.get("answer")
            if not isinstance(answer, str) or not answer.strip():
                answer = last["output"] if last else None
            return {"status": "finished", "rounds": round_no, "answer": answer, "history": history}
        name, instruction = decision["next"], decision["instruction"]
        if last and last["worker"] == name and last["instruction"] == instruction:
            history.append({"round": round_no,
                            "error": f"repeat of the previous delegation to {name!r}; choose a different step"})
            continue
        try:
            output = workers[name](instruction)
        except Exception as exc:  # a failing worker is a result, not a crash
            history.append({"round": round_no, "worker": name, "instruction": instruction, "error": str(exc)})
            continue
        history.append({"round": round_no, "worker": name, "instruction": instruction, "output": output})
    return {"status": "max_rounds", "rounds": max_rounds, "answer": None, "history": history}
