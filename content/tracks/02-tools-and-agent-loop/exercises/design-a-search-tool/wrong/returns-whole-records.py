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
    """Find a customer's orders, newest first, with only the fields the agent needs."""
    email = customer_email.strip().lower()
    matches = [
        order for order in ORDERS
        if order["customer_email"].lower() == email and (status is None or order["status"] == status)
    ]
    matches.sort(key=lambda order: (order["created_at"], order["id"]), reverse=True)
    shown = matches[:limit]
    return {
        "orders": shown,
        "total_matches": len(matches),
        "truncated": len(matches) > len(shown),
    }


SEARCH_ORDERS = Tool(
    name="search_orders",
    description=(
        "Look up a customer's orders by their email address, newest first. Use this whenever the "
        "customer asks about an order, a delivery or a charge. Returns order id, status, total in "
        "cents and creation date, plus how many orders matched in total."
    ),
    parameters={
        "type": "object",
        "properties": {
            "customer_email": {
                "type": "string",
                "description": "The customer's email address exactly as they gave it, e.g. ana@example.com.",
            },
            "status": {
                "type": "string",
                "enum": STATUSES,
                "description": "Only return orders with this status. Omit to return orders of any status.",
            },
            "limit": {
                "type": "integer",
                "minimum": 1,
                "maximum": 50,
                "description": "Maximum number of orders to return (1-50). Defaults to 10.",
            },
        },
        "required": ["customer_email"],
        "additionalProperties": False,
    },
    func=search_orders,
    idempotent=True,
)
