package dev.switchboard.coordinator.modes;

import dev.switchboard.spi.ConfigException;

/**
 * Hears about mode reloads. Both methods run on the thread that reloaded (the registry's watcher
 * thread, or the caller of {@link ModeRegistry#reload()}), one reload at a time; keep them short. An
 * exception thrown by a listener is logged and does not affect the registry or other listeners.
 */
public interface ModeListener {

    /** A reload passed validation and the activation check; {@code modes} is now in force. */
    default void onActivated(ModeSet modes) {
    }

    /** A reload was rejected; the modes in force did not change. {@code problem} says where and why. */
    default void onRejected(ConfigException problem) {
    }
}
