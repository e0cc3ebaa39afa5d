from agentlab import count_message_tokens, user

from solution import NoCapableModel, OverBudget, choose_model

CHEAP_IN = {"name": "chatty", "input_per_million": 0.10, "output_per_million": 8.00, "quality": 3,
            "context_window": 32_000}
BALANCED = {"name": "balanced", "input_per_million": 0.50, "output_per_million": 1.50, "quality": 3,
            "context_window": 32_000}
SMALL_CTX = {"name": "tiny", "input_per_million": 0.05, "output_per_million": 0.20, "quality": 3,
             "context_window": 1_000}


def test_output_price_matters():
    choice = choose_model([CHEAP_IN, BALANCED], [user("Write a detailed answer.")], max_output_tokens=2_000)
    assert choice["model"] == "balanced", \
        f"with 2,000 output tokens 'chatty' costs far more despite its cheap input; got {choice}"


def test_context_window_includes_reserved_output():
    messages = [user("word " * 300)]
    tokens = count_message_tokens(messages)
    assert tokens < 1_000
    choice = choose_model([SMALL_CTX, BALANCED], messages, max_output_tokens=1_000 - tokens + 1)
    assert choice["model"] == "balanced", "input plus reserved output must fit the context window"
    choice2 = choose_model([SMALL_CTX, BALANCED], messages, max_output_tokens=1_000 - tokens)
    assert choice2["model"] == "tiny", "exactly filling the window is allowed"


def test_no_capable_model():
    try:
        choose_model([SMALL_CTX], [user("hi")], max_output_tokens=10, min_quality=4)
    except NoCapableModel:
        return
    raise AssertionError("no model reaches quality 4: raise NoCapableModel")


def test_over_budget_and_equal_budget():
    messages = [user("hi")]
    tokens = count_message_tokens(messages)
    exact = (tokens * 0.50 + 100 * 1.50) / 1_000_000
    assert choose_model([BALANCED], messages, max_output_tokens=100, budget=exact)["model"] == "balanced", \
        "a cost equal to the budget is allowed"
    try:
        choose_model([BALANCED], messages, max_output_tokens=100, budget=exact / 2)
    except OverBudget:
        return
    raise AssertionError("a cost above the budget must raise OverBudget")


def test_over_budget_does_not_fall_back_to_weaker_model():
    strong = {"name": "strong", "input_per_million": 5.0, "output_per_million": 20.0, "quality": 5,
              "context_window": 100_000}
    try:
        choose_model([SMALL_CTX, strong], [user("hard question")], max_output_tokens=500, min_quality=5, budget=0.0001)
    except OverBudget:
        return
    raise AssertionError("when the only capable model is over budget, raise OverBudget instead of degrading")


def test_tie_breaks():
    a = dict(BALANCED, name="zeta", quality=4)
    b = dict(BALANCED, name="alpha", quality=3)
    c = dict(BALANCED, name="beta", quality=4)
    assert choose_model([a, b, c], [user("hi")], max_output_tokens=10)["model"] == "beta", \
        "equal cost: prefer higher quality, then the alphabetically first name"


def test_reports_estimated_cost():
    messages = [user("hello there")]
    choice = choose_model([BALANCED], messages, max_output_tokens=300)
    expected = (count_message_tokens(messages) * 0.50 + 300 * 1.50) / 1_000_000
    assert abs(choice["estimated_cost"] - expected) < 1e-12, "estimate with max_output_tokens as the output count"
