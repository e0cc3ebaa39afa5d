package io.agentcoach.coaching.gateway;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.agentcoach.coaching.AnswerStop;
import io.agentcoach.coaching.CoachingSettings.Resilience;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Calls one model, streaming its tokens, with a first-token and a total timeout, retries with
 * exponential backoff (or the provider's {@code Retry-After}, whichever is longer) on 429, 5xx,
 * timeouts and connection errors, and a circuit breaker per model. A call that already streamed
 * tokens is never retried: the learner would see the answer twice. A call the learner stops
 * cancels the provider's stream (through the handle LangChain4j passes with each token) and ends
 * as stopped, neither failed nor retried.
 */
final class ModelCaller {

    /** The call failed for good; {@code streamed} says whether the learner already saw part of it. */
    static final class ModelCallFailed extends Exception {

        final int attempts;
        final boolean streamed;

        ModelCallFailed(String message, Throwable cause, int attempts, boolean streamed) {
            super(message, cause);
            this.attempts = attempts;
            this.streamed = streamed;
        }
    }

    /**
     * A call that ended: the provider's complete response, or, when the learner stopped the answer,
     * {@code stopped} with no response (the provider never reports usage for a cancelled stream).
     */
    record Completed(ChatResponse response, int attempts, boolean stopped) {
    }

    private static final class AttemptTimedOut extends Exception {

        AttemptTimedOut(String message) {
            super(message);
        }
    }

    private final Resilience settings;
    private final CircuitBreakerRegistry breakers;

    ModelCaller(Resilience settings) {
        this.settings = settings;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(settings.minimumCalls(), 10))
                .waitDurationInOpenState(settings.openFor())
                .build());
    }

    CircuitBreaker.State breakerState(String modelId) {
        return breakers.circuitBreaker(modelId).getState();
    }

    Completed call(ModelOption model, ChatRequest request, Consumer<String> tokens) throws ModelCallFailed {
        return call(model, request, tokens, new AnswerStop());
    }

    /** As {@link #call(ModelOption, ChatRequest, Consumer)}; once {@code stop} is stopped the stream is cancelled. */
    Completed call(ModelOption model, ChatRequest request, Consumer<String> tokens, AnswerStop stop)
            throws ModelCallFailed {
        if (stop.stopped()) {
            return new Completed(null, 0, true);
        }
        AtomicBoolean streamed = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        CircuitBreaker breaker = breakers.circuitBreaker(model.id());
        Retry retry = Retry.of(model.id(), RetryConfig.<ChatResponse>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(failure -> !streamed.get() && !stop.stopped() && retriable(failure))
                .intervalBiFunction(backoff(model))
                .build());
        try {
            ChatResponse response = Retry.decorateCheckedSupplier(retry, () -> {
                attempts.incrementAndGet();
                return breaker.executeCheckedSupplier(() -> attempt(model, request, tokens, streamed, stop));
            }).get();
            return new Completed(response, attempts.get(), response == null);
        } catch (CallNotPermittedException open) {
            throw new ModelCallFailed("circuit breaker open", open, attempts.get(), false);
        } catch (Throwable failure) {
            if (stop.stopped()) {
                // a provider may report its cancelled stream as an error: the stop is what happened
                return new Completed(null, attempts.get(), true);
            }
            throw new ModelCallFailed(describe(failure), failure, attempts.get(), streamed.get());
        }
    }

    private IntervalBiFunction<ChatResponse> backoff(ModelOption model) {
        return (attempt, outcome) -> {
            long exponential = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
            long asked = model.retryAfter().remaining().toMillis();
            return Math.min(Math.max(exponential, asked), settings.maxBackoff().toMillis());
        };
    }

    /** One attempt; {@code null} when the learner stopped it. */
    private ChatResponse attempt(ModelOption model, ChatRequest request, Consumer<String> tokens,
            AtomicBoolean streamed, AnswerStop stop) throws Exception {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        CompletableFuture<Void> firstSignal = new CompletableFuture<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        // the provider's stream can be cancelled only through the handle its first token brings
        AtomicReference<StreamingHandle> stream = new AtomicReference<>();
        Runnable stopping = stop.onStop(() -> {
            // the attempt ends as stopped first: cancelling may report an error to the handler at once
            firstSignal.complete(null);
            done.complete(null);
            StreamingHandle handle = stream.get();
            if (handle != null) {
                handle.cancel();
            }
        });
        model.client().chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                stream.set(context.streamingHandle());
                if (stop.stopped()) {
                    context.streamingHandle().cancel();
                    return;
                }
                if (abandoned.get()) {
                    return;
                }
                firstSignal.complete(null);
                streamed.set(true);
                tokens.accept(partial.text());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                firstSignal.complete(null);
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                firstSignal.complete(null);
                done.completeExceptionally(error);
            }
        });
        try {
            firstSignal.get(settings.firstTokenTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            throw new AttemptTimedOut(streamed.get() ? "no complete answer within " + settings.timeout()
                    : "no first token within " + settings.firstTokenTimeout());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            stopping.run();
        }
    }

    static boolean retriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode() == 429 || http.statusCode() >= 500;
            }
            if (t instanceof AttemptTimedOut || t instanceof RetriableException || t instanceof HttpTimeoutException
                    || t instanceof IOException) {
                return true;
            }
            if (t instanceof NonRetriableException || t instanceof CallNotPermittedException) {
                return false;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return "HTTP " + http.statusCode();
            }
            if (t instanceof AttemptTimedOut) {
                return t.getMessage();
            }
        }
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
