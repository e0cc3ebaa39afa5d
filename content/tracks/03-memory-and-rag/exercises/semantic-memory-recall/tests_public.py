from solution import SemanticMemory


def test_recalls_the_relevant_memory():
    memory = SemanticMemory()
    memory.remember("ana", "Ana prefers invoices in EUR")
    memory.remember("ana", "Ana's staging cluster is called blue")
    results = memory.recall("ana", "What currency does Ana want on invoices?", k=1)
    assert results and results[0][0] == "Ana prefers invoices in EUR", "the invoice memory is the most relevant"


def test_ids_count_up():
    memory = SemanticMemory()
    assert memory.remember("ana", "likes tea") == 1
    assert memory.remember("ana", "works in Lisbon") == 2
    assert len(memory) == 2


def test_weak_matches_are_filtered():
    memory = SemanticMemory()
    memory.remember("ana", "Ana prefers invoices in EUR")
    assert memory.recall("ana", "deploy the kubernetes operator") == [], "unrelated memories fall below min_score"
