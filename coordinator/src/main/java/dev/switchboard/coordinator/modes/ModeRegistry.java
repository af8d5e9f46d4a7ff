package dev.switchboard.coordinator.modes;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.TimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The modes in force: the built-in mode files of the {@code modes} module, overlaid by the operator's
 * modes folder, validated against the published schema ({@code schema/mode.schema.json}). A reload
 * (explicit, or from {@link #watch()}) validates the folder again, runs the activation check and only
 * then swaps the new {@link ModeSet} in; a rejected reload leaves the running set untouched.
 *
 * <p>Thread-safe: {@link #current()} never blocks; reloads are serialised; listeners may be added and
 * removed from any thread.
 */
public interface ModeRegistry extends AutoCloseable {

    /** A builder; {@link Builder#build()} loads the modes once and fails if they are invalid. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The built-in modes overlaid by the {@code *.toml} files of {@code folder}, without a registry (for
     * {@code switchboard modes validate}).
     *
     * @throws ConfigException naming {@code file:line:key} of every problem found
     */
    static ModeSet load(Path folder) {
        return ModeLoader.load(ModeSources.builtin(), ModeSources.folder(Objects.requireNonNull(folder, "folder")));
    }

    /** The built-in modes alone. */
    static ModeSet builtins() {
        return ModeLoader.load(ModeSources.builtin(), List.of());
    }

    /**
     * One mode file's text on its own (no built-ins), for tests and tools.
     *
     * @param file the name to show in errors and explanations
     * @throws ConfigException naming {@code file:line:key} of every problem found
     */
    static ModeSet parse(String file, String toml) {
        return ModeLoader.load(List.of(), List.of(new ModeLoader.Source(file, toml)));
    }

    /** The modes in force. */
    ModeSet current();

    /** When the modes in force were activated (by the registry's {@link TimeSource}). */
    Instant activatedAt();

    /**
     * Loads the folder again, runs the activation check and swaps the result in; listeners hear either way.
     *
     * @return the new modes in force
     * @throws ConfigException when the files are invalid or the activation check refused them; the
     *     modes in force did not change
     */
    ModeSet reload();

    /**
     * Adds a listener.
     *
     * @return a handle whose {@code close()} removes it
     */
    AutoCloseable addListener(ModeListener listener);

    /**
     * Starts watching the modes folder on one daemon thread: a change reloads once the folder has been
     * quiet for the debounce time. Idempotent.
     *
     * @throws IllegalStateException when the registry has no folder or is closed
     */
    void watch();

    /** Stops watching. Idempotent; {@link #current()} keeps working. */
    @Override
    void close();

    /** Builds a {@link ModeRegistry}; not thread-safe. */
    final class Builder {
        /** The operator's folder; null when there is none. */
        Path folder;
        boolean builtins = true;
        Consumer<ModeSet> activation = modes -> { };
        TimeSource time = TimeSource.system();
        Duration debounce = Duration.ofMillis(200);

        Builder() {
        }

        /** The operator's modes folder. Default: none (built-in modes only). */
        public Builder folder(Path value) {
            this.folder = Objects.requireNonNull(value, "folder");
            return this;
        }

        /** Whether the built-in modes load under the folder's. Default {@code true}. */
        public Builder builtins(boolean value) {
            this.builtins = value;
            return this;
        }

        /**
         * A check every candidate {@link ModeSet} must pass before it is activated, for example compiling
         * the router against the loaded operations; it refuses by throwing {@link ConfigException}.
         * Default: accept.
         */
        public Builder activation(Consumer<ModeSet> check) {
            this.activation = Objects.requireNonNull(check, "activation");
            return this;
        }

        /** The clock for debouncing and activation times. Default {@link TimeSource#system()}. */
        public Builder timeSource(TimeSource value) {
            this.time = Objects.requireNonNull(value, "timeSource");
            return this;
        }

        /** How long the folder must be quiet before a watched change reloads. Default 200 ms. */
        public Builder debounce(Duration value) {
            if (Objects.requireNonNull(value, "debounce").isNegative()) {
                throw new IllegalArgumentException("debounce must not be negative: " + value);
            }
            this.debounce = value;
            return this;
        }

        /**
         * Loads and activates the modes.
         *
         * @throws ConfigException when they are invalid or the activation check refuses them
         */
        public ModeRegistry build() {
            return new ModeRegistryImpl(this);
        }
    }
}
