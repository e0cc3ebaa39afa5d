from solution import build_few_shot_messages, select_examples

POOL = [
    {"text": "The app crashes on launch", "label": "bug"},
    {"text": "Export button throws an error", "label": "bug"},
    {"text": "Charts do not render", "label": "bug"},
    {"text": "I was charged twice", "label": "billing"},
    {"text": "How do I invite a teammate?", "label": "how-to"},
    {"text": "Search returns nothing", "label": "bug"},
    {"text": "Can I get an invoice in EUR?", "label": "billing"},
]


def test_round_robin_example_from_the_statement():
    picked = select_examples(POOL, 5, "My card was declined")
    assert [p["text"] for p in picked] == [
        "The app crashes on launch", "I was charged twice", "How do I invite a teammate?",
        "Export button throws an error", "Can I get an invoice in EUR?",
    ], "pick one per label in turn: bug, billing, how-to, then bug, billing"


def test_messages_layout():
    examples = [{"text": "I was charged twice", "label": "billing"}]
    messages = build_few_shot_messages("Classify the message.", examples, "Refund please")
    assert messages == [
        {"role": "system", "content": "Classify the message."},
        {"role": "user", "content": "I was charged twice"},
        {"role": "assistant", "content": "billing"},
        {"role": "user", "content": "Refund please"},
    ], "system, then a user/assistant pair per example, then the query"
