package io.agentcoach.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTests {

    private final Embedder embedder = TestEmbedder.get();

    private static final String[] WORDS = ("agent tool schema retry budget vector index chunk lesson hint sandbox grade "
            + "tenant audit secret key deploy trace span queue cache stream prompt model memory policy guardrail reward").split(" ");

    /** Texts of very different lengths and words, so the bulk call sorts them and cuts several token-budget batches. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder text = new StringBuilder("Lesson ").append(i).append(':');
            for (int w = 0; w < (i * 37) % 150; w++) {
                text.append(' ').append(WORDS[(i * 7 + w * (i % 5 + 1)) % WORDS.length]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Test
    void aBulkCallReturnsEachTextsOwnVectorInOrder() {
        List<String> texts = texts();
        List<float[]> bulk = embedder.embed(texts);
        List<float[]> alone = texts.stream().map(embedder::embed).toList();

        assertThat(bulk).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int nearest = 0;
            for (int j = 1; j < texts.size(); j++) {
                if (dot(bulk.get(i), alone.get(j)) > dot(bulk.get(i), alone.get(nearest))) {
                    nearest = j;
                }
            }
            assertThat(nearest).as("the text embedded alone nearest to bulk vector %d", i).isEqualTo(i);
            // a batch quantizes its activations with one scale, so vectors differ a little by batch
            assertThat(dot(bulk.get(i), alone.get(i))).as("text %d", i).isGreaterThan(0.95);
            assertThat(dot(bulk.get(i), bulk.get(i))).isCloseTo(1.0, Offset.offset(1e-4));
        }
    }

    @Test
    void differentTextsGetDifferentVectors() {
        List<float[]> vectors = embedder.embed(List.of("How do agents call tools?", "Bake the bread for forty minutes."));

        assertThat(dot(vectors.get(0), vectors.get(1))).isLessThan(0.5);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }
}
