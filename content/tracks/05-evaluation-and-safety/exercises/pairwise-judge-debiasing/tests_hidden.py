from agentlab import ScriptedModel, user

from solution import compare, parse_verdict, win_rate


def always(winner):
    return lambda question, first, second: '{"winner": "%s"}' % winner


def test_position_biased_judge_is_inconsistent():
    assert compare(always("first"), "q", "x", "y") == "inconsistent", \
        "a judge that always picks the first position prefers A in one order and B in the other"
    assert compare(always("second"), "q", "x", "y") == "inconsistent"


def test_judge_called_twice_with_swapped_order():
    model = ScriptedModel(['{"winner": "second"}', '{"winner": "first"}'])
    seen = []

    def judge(question, first, second):
        seen.append((first, second))
        return model.complete([user(f"{question}\nFirst: {first}\nSecond: {second}")]).content

    assert compare(judge, "Which is right?", "alpha", "beta") == "B", \
        "second-position win then first-position win, with the order swapped, both mean B"
    assert seen == [("alpha", "beta"), ("beta", "alpha")], f"call order must be (A, B) then (B, A); got {seen}"
    assert len(model.calls) == 2


def test_consistent_tie():
    assert compare(always("tie"), "q", "x", "y") == "tie"


def test_invalid_when_any_verdict_unparseable():
    replies = iter(['{"winner": "first"}', "I prefer the first"])
    assert compare(lambda q, a, b: next(replies), "q", "x", "y") == "invalid"


def test_parse_verdict_rejects_odd_shapes():
    for bad in ['["first"]', '{"winner": "A"}', '{"winner": 1}', "{}", "", None, '{"verdict": "first"}']:
        assert parse_verdict(bad) is None, f"parse_verdict({bad!r}) should return None"


def test_win_rate_counts_inconsistent_as_half_and_skips_invalid():
    def judge(question, first, second):
        if question == "biased":
            return '{"winner": "first"}'
        if question == "broken":
            return "not json"
        return '{"winner": "first"}' if first == "good" else '{"winner": "second"}'

    cases = [("fair", "good", "bad"), ("fair", "good", "bad"), ("fair", "bad", "good"),
             ("biased", "x", "y"), ("broken", "x", "y")]
    report = win_rate(judge, cases)
    assert (report["A"], report["B"], report["ties"], report["inconsistent"], report["invalid"]) == (2, 1, 0, 1, 1), \
        f"unexpected counts {report}"
    assert abs(report["win_rate_a"] - 2.5 / 4) < 1e-9, \
        f"(2 wins + 0.5 * 1 inconsistent) / 4 valid comparisons = 0.625, got {report['win_rate_a']}"


def test_win_rate_all_invalid():
    report = win_rate(lambda q, a, b: "nope", [("q", "a", "b")])
    assert report["invalid"] == 1 and report["win_rate_a"] == 0.0
