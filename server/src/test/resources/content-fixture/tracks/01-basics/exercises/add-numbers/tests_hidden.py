from solution import add


def test_negative():
    assert add(-2, -3) == -5, "negatives add too"
