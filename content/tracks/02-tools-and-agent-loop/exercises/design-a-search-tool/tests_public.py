from agentlab import validate_arguments

from solution import SEARCH_ORDERS, search_orders


def test_finds_a_customers_orders_newest_first():
    result = search_orders("ana@example.com")
    assert [o["id"] for o in result["orders"]] == ["ord-1006", "ord-1004", "ord-1002", "ord-1001", "ord-1005"], (
        "sort newest first by created_at, ties by id descending"
    )


def test_schema_accepts_a_normal_call():
    assert validate_arguments(SEARCH_ORDERS.parameters, {"customer_email": "ana@example.com", "status": "shipped", "limit": 5}) == [], (
        "a sensible call must pass the schema"
    )


def test_tool_is_named_and_wired():
    assert SEARCH_ORDERS.name == "search_orders", "the tool name must be search_orders"
    assert SEARCH_ORDERS.func is search_orders, "the tool must call search_orders"
