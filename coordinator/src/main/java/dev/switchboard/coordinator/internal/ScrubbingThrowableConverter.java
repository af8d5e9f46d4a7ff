package dev.switchboard.coordinator.internal;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback's {@code %xEx} with every secret value resolved in this JVM masked in exception messages
 * (see {@link SecretScrubber}); declared in {@code logback.xml}. Thread-safe.
 */
public final class ScrubbingThrowableConverter extends ExtendedThrowableProxyConverter {

    /** Created by logback from its configuration. */
    public ScrubbingThrowableConverter() {
        super();
    }

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SecretScrubber.scrub(super.throwableProxyToString(proxy));
    }
}
