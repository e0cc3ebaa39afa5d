from agentlab import embed

from solution import SemanticMemory


def test_memories_are_scoped_to_their_user():
    memory = SemanticMemory()
    memory.remember("ben", "Invoices must be sent in EUR to the finance team")
    memory.remember("ana", "Ana likes short answers")
    results = memory.recall("ana", "Invoices must be sent in EUR to the finance team")
    assert all("finance" not in text for text, _ in results), "never recall another user's memories"


def test_near_duplicates_update_instead_of_adding():
    memory = SemanticMemory()
    first = memory.remember("ana", "Ana prefers invoices in EUR")
    memory.remember("ana", "Ana works from Lisbon")
    again = memory.remember("ana", "ana prefers invoices in eur!")
    assert again == first, "a near-duplicate returns the id of the memory it updated"
    assert len(memory) == 2, "updating must not add a record"
    assert memory.recall("ana", "invoices currency EUR", k=1)[0][0] == "ana prefers invoices in eur!", "the text is replaced"


def test_no_merging_across_users():
    memory = SemanticMemory()
    memory.remember("ana", "Prefers invoices in EUR")
    memory.remember("ben", "Prefers invoices in EUR")
    assert len(memory) == 2, "identical facts of two users are two memories"
    assert memory.forget_user("ana") == 1 and len(memory) == 1


def test_ties_prefer_the_newer_memory():
    memory = SemanticMemory()
    memory.remember("ana", "likes tea")
    memory.remember("ana", "likes coffee")
    results = memory.recall("ana", "likes", k=2, min_score=0.0)
    assert results[0][1] == results[1][1], "both memories score the same against 'likes'"
    assert [t for t, _ in results] == ["likes coffee", "likes tea"], "on equal scores the newer memory comes first"


def test_an_update_counts_as_newest():
    memory = SemanticMemory()
    memory.remember("ana", "likes tea")
    memory.remember("ana", "likes coffee")
    memory.remember("ana", "likes tea!")
    results = memory.recall("ana", "likes", k=2, min_score=0.0)
    assert [t for t, _ in results] == ["likes tea!", "likes coffee"], "an updated memory becomes the most recent"


def test_k_threshold_and_scores():
    memory = SemanticMemory()
    for text in ["deploys happen on Tuesdays", "deploys need two approvals", "deploys are frozen in December", "lunch is at noon"]:
        memory.remember("ops", text)
    results = memory.recall("ops", "when do deploys happen", k=2)
    assert len(results) == 2, "return at most k results"
    assert results[0][0] == "deploys happen on Tuesdays"
    assert abs(results[0][1] - __import__("agentlab").cosine_similarity(embed("when do deploys happen"), embed("deploys happen on Tuesdays"))) < 1e-9, (
        "scores are cosine similarities"
    )
    assert memory.recall("ops", "when do deploys happen", k=0) == [], "k=0 returns nothing"


def test_query_without_content_words_returns_nothing():
    memory = SemanticMemory()
    memory.remember("ana", "likes tea")
    assert memory.recall("ana", "the of and") == [], "a zero-vector query scores 0 and is below min_score"


def test_forget_user_reports_count():
    memory = SemanticMemory()
    memory.remember("ana", "likes tea")
    memory.remember("ana", "works in Lisbon")
    memory.remember("ben", "likes tea")
    assert memory.forget_user("ana") == 2
    assert memory.recall("ana", "likes tea", min_score=0.0) == [], "forgotten memories are gone"
    assert memory.forget_user("nobody") == 0
