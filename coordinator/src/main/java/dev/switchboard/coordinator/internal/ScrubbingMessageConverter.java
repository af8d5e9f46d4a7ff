package dev.switchboard.coordinator.internal;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with every secret value resolved in this JVM masked (see
 * {@link SecretScrubber}); declared in {@code logback.xml}. Thread-safe.
 */
public final class ScrubbingMessageConverter extends MessageConverter {

    /** Created by logback from its configuration. */
    public ScrubbingMessageConverter() {
        super();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return SecretScrubber.scrub(super.convert(event));
    }
}
