from solution import add


def test_adds_negative_numbers():
    assert add(-2, -3) == -5
