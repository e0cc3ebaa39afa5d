from solution import add


def test_adds():
    assert add(2, 3) == 5, "2 + 3 should be 5"
