package dev.switchboard.media.rtc;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How long the soak runs: {@code SWITCHBOARD_SOAK_MINUTES} (a positive number, decimals allowed) when set;
 * 10 minutes when {@code CI=true}; otherwise not at all (empty), so a developer's {@code mvn verify}
 * stays short. Stateless.
 */
final class SoakDuration {

    static final String ENV = "SWITCHBOARD_SOAK_MINUTES";

    private SoakDuration() {
    }

    /**
     * The soak's length from {@code env}, or empty when it should be skipped.
     *
     * @throws IllegalArgumentException naming the variable when its value is not a positive number
     */
    static Optional<Duration> from(Map<String, String> env) {
        String value = env.get(ENV);
        if (value == null || value.isBlank()) {
            return "true".equals(env.get("CI")) ? Optional.of(Duration.ofMinutes(10)) : Optional.empty();
        }
        double minutes;
        try {
            minutes = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + "='" + value + "': not a number of minutes", e);
        }
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new IllegalArgumentException(ENV + "='" + value + "': must be more than 0 and at most 1440");
        }
        return Optional.of(Duration.ofMillis(Math.round(minutes * 60_000)));
    }
}
