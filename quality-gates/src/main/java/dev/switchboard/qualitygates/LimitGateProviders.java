package dev.switchboard.qualitygates;

import java.util.Set;

/** Keys shared by the {@code rate-limit} and {@code quota} providers. Constants only. */
final class LimitGateProviders {

    static final int DEFAULT_MAX_KEYS = 10_000;
    static final Set<String> RATE_KEYS = Set.of("limit", "period", "key", "path", "max-keys");
    static final Set<String> QUOTA_KEYS = Set.of("limit", "window", "key", "path", "max-keys");

    private LimitGateProviders() {
    }
}
