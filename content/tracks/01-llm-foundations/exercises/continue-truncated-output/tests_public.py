from agentlab import ModelResponse, ScriptedModel

from solution import CONTINUE_PROMPT, complete_text

MESSAGES = [{"role": "user", "content": "Explain readiness probes."}]


def test_complete_answer_needs_one_call():
    model = ScriptedModel(["A readiness probe tells Kubernetes when a pod can receive traffic."])
    result = complete_text(model, MESSAGES, max_tokens=200)
    assert result.complete and result.calls == 1
    assert result.content == "A readiness probe tells Kubernetes when a pod can receive traffic."
    assert model.calls[0].params == {"max_tokens": 200, "temperature": 0}, "pass max_tokens and temperature=0"


def test_continues_after_a_length_cut():
    model = ScriptedModel([
        ModelResponse("A readiness probe tells", finish_reason="length"),
        " Kubernetes when a pod can receive traffic.",
    ])
    result = complete_text(model, MESSAGES, max_tokens=200)
    assert result.content == "A readiness probe tells Kubernetes when a pod can receive traffic."
    assert result.complete and result.calls == 2
    assert model.calls[1].messages[-1] == {"role": "user", "content": CONTINUE_PROMPT}
