package io.agentcoach.identity.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.agentcoach.identity.RateLimits.Quota;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every node: each bucket's state is one key, changed by Bucket4j's
 * compare-and-swap Lua script so that concurrent requests on different nodes never both take the
 * last token. A key expires once its bucket would be full again.
 *
 * <p>Redis being away must not take the API down: while disconnected, commands fail at once
 * instead of queueing, every command is bounded by {@code agentcoach.rate-limit.redis.timeout},
 * and a node that could not connect at all tries again at most every
 * {@code reconnect-interval}; callers treat each failure as "allowed" (see {@link TokenBucketRateLimits}).
 */
final class RedisBucketStore implements BucketStore {

    private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);

    private final ClientResources resources;
    private final RedisClient client;
    private final String keyPrefix;
    private final Duration timeout;
    private final long reconnectNanos;
    private final AtomicLong nextConnectAttempt = new AtomicLong(System.nanoTime());
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile ProxyManager<byte[]> buckets;

    RedisBucketStore(String url, RateLimitSettings.Redis settings) {
        // connecting (TCP and the protocol handshake) may take longer than one bucket operation
        Duration connectTimeout = max(settings.timeout(), Duration.ofSeconds(1));
        RedisURI uri = RedisURI.create(url.strip());
        uri.setTimeout(connectTimeout);
        // a lost connection is retried quickly at first, then every reconnect-interval at most
        this.resources = ClientResources.builder().reconnectDelay(Delay.exponential(Duration.ofMillis(100),
                settings.reconnectInterval(), 2, TimeUnit.MILLISECONDS)).build();
        this.client = RedisClient.create(resources, uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .build());
        this.keyPrefix = settings.keyPrefix();
        this.timeout = settings.timeout();
        this.reconnectNanos = settings.reconnectInterval().toNanos();
        buckets();
    }

    @Override
    public ConsumptionProbe take(String key, Quota quota) {
        ProxyManager<byte[]> proxies = buckets();
        if (proxies == null) {
            throw new IllegalStateException("not connected to Redis");
        }
        return proxies.builder().build((keyPrefix + key).getBytes(StandardCharsets.UTF_8),
                () -> BucketStore.configuration(quota)).tryConsumeAndReturnRemaining(1);
    }

    /** The bucket proxies, connecting first when needed and due; null while Redis cannot be reached. */
    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        if (current != null) {
            return current;
        }
        long due = nextConnectAttempt.get();
        // one request at a time tries to connect, and only when due; the others go on unlimited
        if (System.nanoTime() - due < 0 || !nextConnectAttempt.compareAndSet(due, System.nanoTime() + reconnectNanos)) {
            return null;
        }
        synchronized (this) {
            if (buckets != null) {
                return buckets;
            }
            try {
                connection = client.connect(ByteArrayCodec.INSTANCE);
            } catch (RuntimeException unreachable) {
                log.warn("Rate limits cannot reach Redis ({}); requests are allowed unlimited until it is back",
                        rootCause(unreachable));
                return null;
            }
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofSeconds(10)))
                    .requestTimeout(timeout)
                    .build();
            log.info("Rate limit buckets are kept in Redis, shared by every node");
            return buckets;
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<byte[], byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getMessage() + (root == failure ? "" : ": " + root);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
