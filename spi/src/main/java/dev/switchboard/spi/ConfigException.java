package dev.switchboard.spi;

import java.util.List;
import java.util.Objects;

/**
 * Invalid configuration: TOML modes, gate settings, workflows, plugin manifests. Each problem names
 * where it is ({@code file:line:key}) so an operator can go straight to it.
 */
@Stable(since = "0.1")
public final class ConfigException extends SwitchboardException {

    /** One configuration problem at one place. */
    public record Problem(String location, String message) {
        /** Validates that both parts are present. */
        public Problem {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return location + ": " + message;
        }
    }

    private final List<Problem> problems;

    /** A configuration failure made of one or more problems. */
    public ConfigException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** A configuration failure with one problem at {@code location}. */
    public ConfigException(String location, String message) {
        this(List.of(new Problem(location, message)));
    }

    /** The problems, in the order they were found; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String code() {
        return "config_invalid";
    }

    private static String render(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        StringBuilder out = new StringBuilder();
        for (Problem p : problems) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(p);
        }
        return out.toString();
    }
}
