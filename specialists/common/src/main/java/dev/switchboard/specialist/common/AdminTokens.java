package dev.switchboard.specialist.common;

import dev.switchboard.spi.TimeSource;
import io.livekit.server.VideoGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Signed server-API tokens, reused: one per grant set, signed with a {@link #TTL} lifetime and signed
 * again once less than {@link #RENEW_BEFORE} of it is left (by the injected clock: monotonic time, and
 * the wall clock too, so a suspended machine does not send an expired token). Signing a JWT
 * (HMAC-SHA256 over a freshly built claim set) costs more than the rest of a call's client work, and
 * the grants of a specialist's calls repeat. At most {@link #LIMIT} grant sets are kept (per-room
 * grants vary); beyond that expired entries go, then everything. The tokens are never logged:
 * {@link #toString()} shows only how many are held. Thread-safe.
 */
final class AdminTokens {

    /** How long a signed token is valid. */
    static final Duration TTL = Duration.ofMinutes(10);
    /** A token with less than this left is signed again. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(1);
    /** How many grant sets are held at most. */
    static final int LIMIT = 1_024;

    private static final long USE_NANOS = TTL.minus(RENEW_BEFORE).toNanos();

    /** A signed {@code Authorization} header value and when to stop using it. */
    private record Signed(String header, long renewAtNanos, Instant renewAt) {
    }

    private final Function<List<VideoGrant>, String> signer;
    private final TimeSource time;
    private final Map<List<Object>, Signed> held = new ConcurrentHashMap<>();

    /**
     * @param signer signs a token with the given grants, valid for {@link #TTL}
     * @param time when to sign again
     */
    AdminTokens(Function<List<VideoGrant>, String> signer, TimeSource time) {
        this.signer = signer;
        this.time = time;
    }

    /** {@code Bearer <jwt>} for a token carrying exactly {@code grants}. */
    String header(List<VideoGrant> grants) {
        List<Object> key = key(grants);
        long now = time.nanos();
        Signed signed = held.get(key);
        if (signed != null && now - signed.renewAtNanos() < 0 && time.now().isBefore(signed.renewAt())) {
            return signed.header();
        }
        Instant wall = time.now();
        Signed fresh = new Signed("Bearer " + signer.apply(grants), now + USE_NANOS, wall.plusNanos(USE_NANOS));
        if (held.size() >= LIMIT) {
            held.values().removeIf(s -> now - s.renewAtNanos() >= 0);
            if (held.size() >= LIMIT) {
                held.clear();
            }
        }
        held.put(key, fresh);
        return fresh.header();
    }

    private static List<Object> key(List<VideoGrant> grants) {
        List<Object> key = new ArrayList<>(grants.size() * 2);
        for (VideoGrant grant : grants) {
            key.add(grant.getKey());
            key.add(grant.getValue());
        }
        return key;
    }

    @Override
    public String toString() {
        return "AdminTokens[" + held.size() + " grant sets]";
    }
}
