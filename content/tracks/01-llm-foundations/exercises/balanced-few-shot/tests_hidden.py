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


def test_exhausted_labels_are_skipped():
    picked = select_examples(POOL, 6, "x")
    assert [p["label"] for p in picked] == ["bug", "billing", "how-to", "bug", "billing", "bug"], (
        "when how-to runs out, keep cycling over the labels that still have examples"
    )


def test_k_larger_than_pool_returns_everything_once():
    picked = select_examples(POOL, 50, "x")
    assert len(picked) == len(POOL), "never repeat examples; return at most the whole pool"
    assert sorted(p["text"] for p in picked) == sorted(p["text"] for p in POOL)


def test_query_is_left_out_case_insensitively():
    picked = select_examples(POOL, 10, "  i WAS charged twice ")
    assert all(p["text"] != "I was charged twice" for p in picked), (
        "an example equal to the query (ignoring case and surrounding spaces) must not be shown"
    )
    assert sorted(p["label"] for p in picked[:3]) == ["billing", "bug", "how-to"], (
        "billing is still represented by its other example in the first round"
    )


def test_labels_alternate_instead_of_clustering():
    pool = [{"text": f"bug {i}", "label": "bug"} for i in range(3)] + [
        {"text": f"billing {i}", "label": "billing"} for i in range(3)]
    picked = select_examples(pool, 4, "q")
    assert [p["label"] for p in picked] == ["bug", "billing", "bug", "billing"], (
        "return examples in pick order so labels alternate"
    )


def test_zero_k_and_empty_pool():
    assert select_examples(POOL, 0, "q") == [], "k=0 selects nothing"
    assert select_examples([], 3, "q") == [], "an empty pool selects nothing"


def test_messages_count_and_order():
    examples = select_examples(POOL, 3, "q")
    messages = build_few_shot_messages("Classify.", examples, "q")
    assert len(messages) == 2 + 2 * len(examples), "system + two messages per example + query"
    assert [m["role"] for m in messages[1:-1]] == ["user", "assistant"] * 3, "alternate user example, assistant label"
    assert messages[-1] == {"role": "user", "content": "q"}, "the query is the last user message"
