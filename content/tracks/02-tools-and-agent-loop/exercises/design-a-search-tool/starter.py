"""A well-designed order search tool for a customer-support agent."""

from agentlab import Tool

ORDERS = [
    {"id": "ord-1001", "customer_email": "ana@example.com", "status": "delivered", "total_cents": 4599,
     "created_at": "2026-01-03", "card_number": "4111111111111111", "internal_notes": "VIP, refund once"},
    {"id": "ord-1002", "customer_email": "ana@example.com", "status": "shipped", "total_cents": 1299,
     "created_at": "2026-02-11", "card_number": "4111111111111111", "internal_notes": ""},
    {"id": "ord-1003", "customer_email": "ben@example.com", "status": "pending", "total_cents": 8900,
     "created_at": "2026-02-12", "card_number": "5500005555555559", "internal_notes": "fraud check"},
    {"id": "ord-1004", "customer_email": "ana@example.com", "status": "cancelled", "total_cents": 2500,
     "created_at": "2026-02-11", "card_number": "4111111111111111", "internal_notes": ""},
    {"id": "ord-1005", "customer_email": "ana@example.com", "status": "delivered", "total_cents": 999,
     "created_at": "2025-12-24", "card_number": "4111111111111111", "internal_notes": "gift"},
    {"id": "ord-1006", "customer_email": "ana@example.com", "status": "pending", "total_cents": 15000,
     "created_at": "2026-03-01", "card_number": "4111111111111111", "internal_notes": ""},
]

STATUSES = ["pending", "shipped", "delivered", "cancelled"]
PUBLIC_FIELDS = ("id", "status", "total_cents", "created_at")


def search_orders(customer_email: str, status: str | None = None, limit: int = 10) -> dict:
    """Find a customer's orders, newest first."""
    # First cut: exact email match, full records, no sorting or limit.
    matches = [o for o in ORDERS if o["customer_email"] == customer_email
               and (status is None or o["status"] == status)]
    return {"orders": matches, "total_matches": len(matches), "truncated": False}


SEARCH_ORDERS = Tool(
    name="search_orders",
    description="Searches orders.",
    parameters={
        "type": "object",
        "properties": {
            "customer_email": {"type": "string"},
            "status": {"type": "string"},
            "limit": {"type": "integer"},
        },
    },
    func=search_orders,
)
