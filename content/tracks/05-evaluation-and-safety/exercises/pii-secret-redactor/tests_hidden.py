from solution import find_sensitive, redact, restore


def test_same_value_same_placeholder_different_values_numbered():
    text = "from a@x.io to b@y.io, reply to a@x.io"
    redacted, mapping = redact(text)
    assert redacted == "from [EMAIL_1] to [EMAIL_2], reply to [EMAIL_1]", \
        f"repeated values reuse their placeholder; got {redacted!r}"
    assert mapping == {"[EMAIL_1]": "a@x.io", "[EMAIL_2]": "b@y.io"}


def test_email_with_digit_local_part_beats_phone():
    text = "text 4155550123@sms.example.com now"
    assert find_sensitive(text) == [(5, 31, "EMAIL")], \
        f"the phone match inside the email overlaps it; the longer email span wins; got {find_sensitive(text)}"
    redacted, _ = redact(text)
    assert redacted == "text [EMAIL_1] now", f"got {redacted!r}"


def test_dates_and_order_numbers_survive():
    text = "Order ORD-2025-000123 shipped on 2025-10-01, version 3.10.12, total 1234.56"
    redacted, mapping = redact(text)
    assert redacted == text and mapping == {}, f"nothing here is personal data; got {redacted!r}"


def test_phone_formats():
    text = "Call (555) 010-4477 or +1 415.555.0123. Ext 12345."
    redacted, mapping = redact(text)
    assert redacted == "Call [PHONE_1] or [PHONE_2]. Ext 12345.", f"got {redacted!r}"
    assert mapping["[PHONE_2]"] == "+1 415.555.0123"


def test_github_token_and_prefix_boundaries():
    token = "ghp_" + "a1B2" * 9
    text = f"token={token} task-abcdefghijklmnopqrstuvwxyz"
    redacted, mapping = redact(text)
    assert redacted == "token=[API_KEY_1] task-abcdefghijklmnopqrstuvwxyz", \
        f"'task-...' is not an sk- key (no word boundary before 'sk'); got {redacted!r}"
    assert mapping == {"[API_KEY_1]": token}


def test_adjacent_values_and_edges():
    text = "a@b.co,c@d.co"
    redacted, mapping = redact(text)
    assert redacted == "[EMAIL_1],[EMAIL_2]", f"got {redacted!r}"
    start = "+44 20 7946 0958"
    assert redact(start)[0] == "[PHONE_1]", "a phone number filling the whole text is still redacted"


def test_no_secret_fragment_left():
    secret = "sk-live_" + "Z9" * 15
    text = f"use {secret}, or call 020 7946 0958"
    redacted, mapping = redact(text)
    assert secret not in redacted and "Z9Z9" not in redacted, f"no part of the key may remain; got {redacted!r}"
    assert restore(redacted, mapping) == text


def test_restore_leaves_unknown_placeholders():
    assert restore("hi [EMAIL_1] and [EMAIL_10] and [PHONE_3]", {"[EMAIL_1]": "a@b.co"}) == \
        "hi a@b.co and [EMAIL_10] and [PHONE_3]"
