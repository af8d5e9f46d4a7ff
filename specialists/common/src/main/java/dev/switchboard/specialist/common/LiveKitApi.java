package dev.switchboard.specialist.common;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.TimeSource;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.livekit.server.AccessToken;
import io.livekit.server.VideoGrant;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A client of LiveKit's server API (Twirp over HTTP, protobuf bodies). Every call is signed with a
 * short-lived token carrying exactly the grants it needs (signed once per grant set and reused until
 * shortly before it expires, see {@link AdminTokens}), runs under a timeout, goes through one
 * circuit breaker per server, and is retried with backoff only when the caller says it is
 * idempotent. Failures come out as {@link LiveKitCallException}s that say which server and what went
 * wrong. Thread-safe; share one instance per specialist.
 */
public final class LiveKitApi implements AutoCloseable {

    private static final MediaType PROTOBUF = MediaType.get("application/protobuf");

    private final LiveKitSettings settings;
    private final OkHttpClient http;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final AdminTokens tokens;
    // service -> method -> parsed URL: parsed once, a plain lookup per call
    private final Map<String, Map<String, HttpUrl>> urls = new ConcurrentHashMap<>();

    private LiveKitApi(LiveKitSettings settings, TimeSource time) {
        this.settings = settings;
        this.tokens = new AdminTokens(this::sign, time);
        this.http = new OkHttpClient.Builder()
                .callTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(Math.min(settings.timeout().toMillis(), 5_000), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
        this.breaker = CircuitBreaker.of("livekit:" + settings.url(), CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .recordException(e -> e instanceof LiveKitCallException l && l.retryable())
                .build());
        this.retry = Retry.of("livekit:" + settings.url(), RetryConfig.custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0))
                .retryOnException(e -> e instanceof LiveKitCallException l && l.retryable())
                .build());
    }

    /** A client for the server the settings name, renewing its tokens by the system clock. */
    public static LiveKitApi create(LiveKitSettings settings) {
        return new LiveKitApi(settings, TimeSource.system());
    }

    /** A client for the server the settings name, renewing its tokens by {@code time}. */
    public static LiveKitApi create(LiveKitSettings settings, TimeSource time) {
        return new LiveKitApi(settings, time);
    }

    /** The settings this client uses. */
    public LiveKitSettings settings() {
        return settings;
    }

    /**
     * Calls one Twirp method.
     *
     * @param service the Twirp service, e.g. {@code livekit.RoomService}
     * @param method the method, e.g. {@code CreateRoom}
     * @param request the request message
     * @param parser parses the response message
     * @param grants the grants the call's token carries
     * @param idempotent whether a retry after a transient failure is safe
     * @throws LiveKitCallException with a precise reason when the call fails
     */
    public <T extends Message> T call(String service, String method, Message request, Parser<T> parser,
            List<VideoGrant> grants, boolean idempotent) {
        Supplier<T> once = () -> callOnce(service, method, request, parser, grants);
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, once);
        Supplier<T> withRetry = idempotent ? Retry.decorateSupplier(retry, guarded) : guarded;
        try {
            return withRetry.get();
        } catch (CallNotPermittedException open) {
            throw new LiveKitCallException(FailureCode.UNAVAILABLE, "LiveKit at " + settings.url()
                    + " failed repeatedly; calls are paused for a few seconds (circuit breaker open)", true);
        }
    }

    private <T extends Message> T callOnce(
            String service, String method, Message request, Parser<T> parser, List<VideoGrant> grants) {
        HttpUrl url = url(service, method);
        Request httpRequest = new Request.Builder()
                .url(url)
                .header("Authorization", tokens.header(grants))
                .post(RequestBody.create(request.toByteArray(), PROTOBUF))
                .build();
        try (Response response = http.newCall(httpRequest).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body.bytes();
            if (!response.isSuccessful()) {
                throw TwirpErrors.fromResponse(settings.url(), method, response.code(),
                        new String(bytes, java.nio.charset.StandardCharsets.UTF_8), settings.apiKey());
            }
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new LiveKitCallException(FailureCode.INTERNAL, method + " on LiveKit at " + settings.url()
                    + " returned a body that is not a " + service + " response: " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw TwirpErrors.fromIo(settings.url(), method, e);
        }
    }

    private HttpUrl url(String service, String method) {
        Map<String, HttpUrl> methods = urls.get(service);
        HttpUrl url = methods == null ? null : methods.get(method);
        if (url == null) {
            url = HttpUrl.get(settings.url() + "/twirp/" + service + "/" + method);
            urls.computeIfAbsent(service, s -> new ConcurrentHashMap<>()).put(method, url);
        }
        return url;
    }

    private String sign(List<VideoGrant> grants) {
        AccessToken token = new AccessToken(settings.apiKey(), settings.apiSecret().reveal());
        token.setTtl(AdminTokens.TTL.toMillis());
        token.addGrants(grants);
        return token.toJwt();
    }

    /** Releases the HTTP client's threads and connections. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
