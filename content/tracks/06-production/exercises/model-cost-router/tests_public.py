from agentlab import count_message_tokens, user

from solution import choose_model, estimate_cost

MODELS = [
    {"name": "small-model", "input_per_million": 0.15, "output_per_million": 0.60, "quality": 2,
     "context_window": 16_000},
    {"name": "large-model", "input_per_million": 3.00, "output_per_million": 15.00, "quality": 5,
     "context_window": 200_000},
]


def test_estimate_cost():
    cost = estimate_cost(MODELS[0], 2_000, 500)
    assert abs(cost - 0.0006) < 1e-12, f"2,000 input and 500 output tokens on small-model cost $0.0006, got {cost}"


def test_cheap_model_for_simple_request():
    messages = [user("Classify: 'where is my parcel?'")]
    choice = choose_model(MODELS, messages, max_output_tokens=5)
    assert choice["model"] == "small-model", f"got {choice}"
    assert choice["input_tokens"] == count_message_tokens(messages)


def test_quality_bar_selects_large_model():
    choice = choose_model(MODELS, [user("Review this contract clause.")], max_output_tokens=800, min_quality=4)
    assert choice["model"] == "large-model", f"only large-model meets quality 4; got {choice}"
