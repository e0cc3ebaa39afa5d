package io.agentcoach.knowledge.retrieval;

import java.util.List;

/** Turns text into unit-length vectors; implementations are thread-safe. */
public interface Embedder extends AutoCloseable {

    int dimensions();

    /** One unit vector per text, in order. */
    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).getFirst();
    }

    @Override
    void close();
}
