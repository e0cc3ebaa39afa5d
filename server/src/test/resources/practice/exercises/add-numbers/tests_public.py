from solution import add


def test_adds_small_numbers():
    assert add(2, 3) == 5, "add(2, 3) should be 5"
