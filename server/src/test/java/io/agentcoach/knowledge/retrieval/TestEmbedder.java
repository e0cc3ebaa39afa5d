package io.agentcoach.knowledge.retrieval;

/** The real quantized MiniLM model, loaded once for all tests of a JVM. */
public final class TestEmbedder {

    private static volatile MiniLmEmbedder shared;

    private TestEmbedder() {
    }

    public static synchronized Embedder get() {
        if (shared == null) {
            shared = new MiniLmEmbedder(MiniLmEmbedder.Variant.QUANTIZED, 2);
        }
        return shared;
    }
}
