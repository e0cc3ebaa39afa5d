package io.agentcoach.coaching;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that speaks the wire protocols of the model providers: OpenAI
 * chat.completions server-sent events, Anthropic messages events and Ollama's NDJSON stream.
 * Replies are scripted per path and served in order; an unscripted request gets a 500 that
 * names the path, so a test that calls more than it expected fails visibly.
 */
public final class ProviderStub implements AutoCloseable {

    public static final String OPENAI_PATH = "/v1/chat/completions";
    public static final String ANTHROPIC_PATH = "/v1/messages";
    public static final String OLLAMA_PATH = "/api/chat";

    /** One scripted reply: status, headers, body parts, each written after {@code pauseBefore} of its index. */
    public record Reply(int status, Map<String, String> headers, List<String> parts, IntFunction<Duration> pauseBefore) {

        /** A reply written with the same {@code pause} before each part. */
        public Reply(int status, Map<String, String> headers, List<String> parts, Duration pause) {
            this(status, headers, parts, part -> pause);
        }
    }

    /** A request the stub received. */
    public record Received(String path, String body) {
    }

    private final HttpServer server;
    private final Map<String, Queue<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> always = new ConcurrentHashMap<>();
    private volatile boolean recording = true;
    private final java.util.concurrent.atomic.AtomicInteger cutShort = new java.util.concurrent.atomic.AtomicInteger();

    public ProviderStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public ProviderStub enqueue(String path, Reply reply) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(reply);
        return this;
    }

    /** Serves {@code reply} to every request on {@code path} that has no scripted reply; stops recording requests. */
    public ProviderStub always(String path, Reply reply) {
        always.put(path, reply);
        recording = false;
        return this;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void reset() {
        scripts.clear();
        received.clear();
        cutShort.set(0);
    }

    /** How many replies the client closed before the stub had written them whole (a cancelled stream, a timeout). */
    public int cutShort() {
        return cutShort.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (recording) {
            received.add(new Received(path, requestBody));
        }
        Queue<Reply> queue = scripts.get(path);
        Reply reply = queue == null ? null : queue.poll();
        if (reply == null) {
            reply = always.get(path);
        }
        if (reply == null) {
            reply = error(500, "unscripted request to " + path);
        }
        try {
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < reply.parts().size(); i++) {
                    Duration pause = reply.pauseBefore().apply(i);
                    if (!pause.isZero()) {
                        Thread.sleep(pause);
                    }
                    body.write(reply.parts().get(i).getBytes(StandardCharsets.UTF_8));
                    body.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the gateway gave up on this attempt (a timeout, a cancelled stream); nothing left to send
            cutShort.incrementAndGet();
        } finally {
            exchange.close();
        }
    }

    // ---- replies in each provider's wire format ----

    public static Reply error(int status, String message) {
        return error(status, message, Map.of());
    }

    public static Reply error(int status, String message, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return new Reply(status, all, List.of("{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\"}}"),
                Duration.ZERO);
    }

    /** A reply whose headers come only after {@code delay}: a provider that hangs. */
    public static Reply hanging(Duration delay) {
        return new Reply(200, Map.of("Content-Type", "text/event-stream"), List.of("data: [DONE]\n\n"), delay);
    }

    public static Reply openAiStream(List<String> tokens, int promptTokens, int completionTokens) {
        List<String> parts = new ArrayList<>();
        parts.add(openAiChunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        tokens.forEach(t -> parts.add(openAiChunk("{\"content\":" + json(t) + "}", null)));
        parts.add(openAiChunk("{}", "stop"));
        parts.add(openAiUsage(promptTokens, completionTokens));
        parts.add("data: [DONE]\n\n");
        return sse(parts);
    }

    /**
     * An answer streamed at a model's pace: the role and the first token at once, then each further
     * token (and the closing chunks) after a pause drawn uniformly between {@code min} and {@code max}.
     */
    public static Reply openAiPaced(List<String> tokens, int promptTokens, int completionTokens, Duration min,
            Duration max) {
        Reply stream = openAiStream(tokens, promptTokens, completionTokens);
        long spread = max.toNanos() - min.toNanos();
        return new Reply(stream.status(), stream.headers(), stream.parts(), part -> part < 2 ? Duration.ZERO
                : min.plusNanos(spread <= 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1)));
    }

    public static Reply openAiToolCall(String id, String tool, String argumentsJson, int promptTokens,
            int completionTokens) {
        List<String> parts = new ArrayList<>();
        parts.add(openAiChunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":" + json(id)
                + ",\"type\":\"function\",\"function\":{\"name\":" + json(tool) + ",\"arguments\":\"\"}}]}", null));
        int half = argumentsJson.length() / 2;
        for (String piece : List.of(argumentsJson.substring(0, half), argumentsJson.substring(half))) {
            parts.add(openAiChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + json(piece) + "}}]}",
                    null));
        }
        parts.add(openAiChunk("{}", "tool_calls"));
        parts.add(openAiUsage(promptTokens, completionTokens));
        parts.add("data: [DONE]\n\n");
        return sse(parts);
    }

    /** One tool call of a reply that asks for several at once (parallel tool calls). */
    public record ToolCall(String id, String tool, String argumentsJson) {
    }

    /** A reply asking for several tool calls at once, each streamed under its own index. */
    public static Reply openAiToolCalls(List<ToolCall> calls, int promptTokens, int completionTokens) {
        List<String> parts = new ArrayList<>();
        parts.add(openAiChunk("{\"role\":\"assistant\",\"content\":null}", null));
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            parts.add(openAiChunk("{\"tool_calls\":[{\"index\":" + i + ",\"id\":" + json(call.id())
                    + ",\"type\":\"function\",\"function\":{\"name\":" + json(call.tool()) + ",\"arguments\":"
                    + json(call.argumentsJson()) + "}}]}", null));
        }
        parts.add(openAiChunk("{}", "tool_calls"));
        parts.add(openAiUsage(promptTokens, completionTokens));
        parts.add("data: [DONE]\n\n");
        return sse(parts);
    }

    private static String openAiChunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"stub\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : json(finishReason)) + "}]}\n\n";
    }

    private static String openAiUsage(int promptTokens, int completionTokens) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"stub\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens
                + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
                + (promptTokens + completionTokens) + "}}\n\n";
    }

    public static Reply anthropicStream(List<String> tokens, int inputTokens, int outputTokens) {
        List<String> parts = new ArrayList<>();
        parts.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"stub\",\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + inputTokens + ",\"output_tokens\":1}}}"));
        parts.add(event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        tokens.forEach(t -> parts.add(event("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + json(t)
                        + "}}")));
        parts.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        parts.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}"));
        parts.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        return sse(parts);
    }

    public static Reply anthropicToolUse(String id, String tool, String inputJson, int inputTokens, int outputTokens) {
        List<String> parts = new ArrayList<>();
        parts.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"stub\",\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + inputTokens + ",\"output_tokens\":1}}}"));
        parts.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"tool_use\",\"id\":" + json(id) + ",\"name\":" + json(tool) + ",\"input\":{}}}"));
        int half = inputJson.length() / 2;
        for (String piece : List.of(inputJson.substring(0, half), inputJson.substring(half))) {
            parts.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                    + "{\"type\":\"input_json_delta\",\"partial_json\":" + json(piece) + "}}"));
        }
        parts.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        parts.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}"));
        parts.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        return sse(parts);
    }

    public static Reply ollamaStream(List<String> tokens, int promptTokens, int completionTokens) {
        List<String> parts = new ArrayList<>();
        tokens.forEach(t -> parts.add("{\"model\":\"stub\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":"
                + "{\"role\":\"assistant\",\"content\":" + json(t) + "},\"done\":false}\n"));
        parts.add("{\"model\":\"stub\",\"created_at\":\"2026-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":" + promptTokens
                + ",\"eval_count\":" + completionTokens + "}\n");
        return new Reply(200, Map.of("Content-Type", "application/x-ndjson"), parts, Duration.ZERO);
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static Reply sse(List<String> parts) {
        return new Reply(200, Map.of("Content-Type", "text/event-stream"), parts, Duration.ZERO);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
