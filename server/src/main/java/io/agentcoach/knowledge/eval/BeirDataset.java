package io.agentcoach.knowledge.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A retrieval data set in BEIR's layout: {@code corpus.jsonl} ({@code _id, title, text}),
 * {@code queries.jsonl} ({@code _id, text}) and {@code qrels/<split>.tsv}
 * ({@code query-id, corpus-id, score} with a header line).
 *
 * @param corpus documents in file order
 * @param queries query text by id, only queries that have judgements in the split
 * @param qrels graded relevance by query id, then document id
 */
public record BeirDataset(List<Document> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {

    /** One corpus entry. */
    public record Document(String id, String title, String text) {
    }

    public static BeirDataset load(Path dir, String split) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Document> corpus = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    corpus.add(new Document(node.get("_id").asString(), text(node, "title"), text(node, "text")));
                }
            }
        }
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("qrels").resolve(split + ".tsv"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t");
            if (cols.length < 3 || (i == 0 && !cols[2].strip().matches("-?\\d+"))) {
                continue;
            }
            qrels.computeIfAbsent(cols[0].strip(), q -> new HashMap<>()).put(cols[1].strip(), Integer.parseInt(cols[2].strip()));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    String id = node.get("_id").asString();
                    if (qrels.containsKey(id)) {
                        queries.put(id, text(node, "text"));
                    }
                }
            }
        }
        qrels.keySet().retainAll(queries.keySet());
        return new BeirDataset(List.copyOf(corpus), queries, qrels);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
