from solution import compare, parse_verdict


def test_parse_verdict_basic():
    assert parse_verdict('{"winner": "first", "reason": "more accurate"}') == "first"
    assert parse_verdict('{"winner": " TIE "}') == "tie", "accept any case and surrounding spaces"
    assert parse_verdict("the first one is better") is None, "text that is not JSON is unparseable -> None"


def test_content_based_judge_is_consistent():
    def judge(question, first, second):
        if "correct" in first:
            return '{"winner": "first"}'
        if "correct" in second:
            return '{"winner": "second"}'
        return '{"winner": "tie"}'

    assert compare(judge, "q", "the correct answer", "a guess") == "A"
    assert compare(judge, "q", "a guess", "the correct answer") == "B"
