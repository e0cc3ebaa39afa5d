from solution import find_sensitive, redact, restore


def test_example_from_statement():
    text = "Mail ana@example.com or call +44 20 7946 0958; cc ana@example.com"
    redacted, mapping = redact(text)
    assert redacted == "Mail [EMAIL_1] or call [PHONE_1]; cc [EMAIL_1]", f"got {redacted!r}"
    assert mapping == {"[EMAIL_1]": "ana@example.com", "[PHONE_1]": "+44 20 7946 0958"}, f"got {mapping}"


def test_api_key_detected():
    text = "export OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx"
    assert find_sensitive(text) == [(22, 54, "API_KEY")], f"got {find_sensitive(text)}"


def test_round_trip():
    text = "Key AKIAABCDEFGHIJKLMNOP belongs to bob@corp.example.org"
    redacted, mapping = redact(text)
    assert "AKIA" not in redacted and "bob@" not in redacted
    assert restore(redacted, mapping) == text
