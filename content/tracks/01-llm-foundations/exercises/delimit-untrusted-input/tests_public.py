from solution import SYSTEM_PROMPT, build_support_messages

DOCS = [
    {"id": "kb-1", "title": "Resetting a password", "text": "Open Settings > Security and choose Reset."},
    {"id": "kb-2", "title": "Billing", "text": "Invoices are sent on the 1st of each month."},
]


def test_two_messages_system_then_user():
    messages = build_support_messages("How do I reset my password?", DOCS)
    assert [m["role"] for m in messages] == ["system", "user"], "return exactly a system and a user message"
    assert messages[0]["content"] == SYSTEM_PROMPT, "the system prompt is the fixed SYSTEM_PROMPT"


def test_exact_layout():
    content = build_support_messages("How do I reset my password?", DOCS[:1])[1]["content"]
    expected = "\n".join([
        "<documents>",
        '<document id="kb-1" title="Resetting a password">',
        "Open Settings &gt; Security and choose Reset.",
        "</document>",
        "</documents>",
        "<question>",
        "How do I reset my password?",
        "</question>",
    ])
    assert content == expected, "follow the layout in the statement exactly, escaping > as &gt;"


def test_question_comes_after_documents():
    content = build_support_messages("Where are invoices?", DOCS)[1]["content"]
    assert content.index("<question>") > content.index("</documents>"), "put the question after the documents"
    assert content.index('id="kb-1"') < content.index('id="kb-2"'), "keep the documents in their given order"
