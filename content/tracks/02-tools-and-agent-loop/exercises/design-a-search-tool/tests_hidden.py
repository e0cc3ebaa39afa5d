from agentlab import ToolRegistry, validate_arguments

from solution import SEARCH_ORDERS, search_orders


def _rejects(arguments):
    return bool(validate_arguments(SEARCH_ORDERS.parameters, arguments))


def test_email_is_normalised():
    assert search_orders("  Ben@Example.COM ")["total_matches"] == 1, "match emails case-insensitively, ignoring whitespace"


def test_only_public_fields_are_returned():
    for order in search_orders("ana@example.com")["orders"]:
        assert set(order) == {"id", "status", "total_cents", "created_at"}, (
            "return only id, status, total_cents and created_at; never card numbers or internal notes"
        )


def test_limit_and_truncation_flag():
    result = search_orders("ana@example.com", limit=2)
    assert [o["id"] for o in result["orders"]] == ["ord-1006", "ord-1004"], "return the newest `limit` orders"
    assert result["total_matches"] == 5, "total_matches counts all matches, before the limit"
    assert result["truncated"] is True, "truncated tells the model that more orders exist"
    assert search_orders("ana@example.com", limit=5)["truncated"] is False, "nothing left out means truncated is False"


def test_status_filter_and_unknown_customer():
    assert [o["id"] for o in search_orders("ana@example.com", status="delivered")["orders"]] == ["ord-1001", "ord-1005"], "filter by status"
    assert search_orders("nobody@example.com") == {"orders": [], "total_matches": 0, "truncated": False}, (
        "an unknown customer is an empty result, not an error"
    )


def test_schema_requires_the_email():
    assert _rejects({"status": "pending"}), "customer_email must be required"
    assert _rejects({"customer_email": 42}), "customer_email must be a string"


def test_schema_restricts_status_to_known_values():
    assert _rejects({"customer_email": "a@b.c", "status": "sent"}), "status must be an enum of the four real statuses"
    for status in ("pending", "shipped", "delivered", "cancelled"):
        assert not _rejects({"customer_email": "a@b.c", "status": status}), f"status {status!r} must be allowed"


def test_schema_bounds_the_limit():
    assert _rejects({"customer_email": "a@b.c", "limit": 0}), "limit must be at least 1"
    assert _rejects({"customer_email": "a@b.c", "limit": 500}), "limit must be at most 50"
    assert _rejects({"customer_email": "a@b.c", "limit": "5"}), "limit must be an integer"


def test_schema_rejects_unknown_arguments():
    assert _rejects({"customer_email": "a@b.c", "order_by": "total"}), (
        "set additionalProperties to False so invented arguments are rejected instead of silently ignored"
    )


def test_every_property_is_described():
    properties = SEARCH_ORDERS.parameters.get("properties", {})
    assert set(properties) == {"customer_email", "status", "limit"}, "exactly the three documented arguments"
    for name, spec in properties.items():
        assert len(spec.get("description", "")) >= 15, f"property {name!r} needs a description the model can act on"


def test_description_says_what_and_when():
    assert len(SEARCH_ORDERS.description) >= 60, "the description should say what the tool returns and when to use it"
    assert SEARCH_ORDERS.idempotent is True, "a read-only search is idempotent; declare it"


def test_works_through_a_registry():
    registry = ToolRegistry([SEARCH_ORDERS])
    result = registry.execute({"id": "c1", "function": {"name": "search_orders",
                                                        "arguments": '{"customer_email": "ana@example.com", "limit": 1}'}})
    assert result.ok and '"ord-1006"' in result.content, "the tool must work end to end through ToolRegistry"
