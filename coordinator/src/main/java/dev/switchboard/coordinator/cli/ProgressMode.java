package dev.switchboard.coordinator.cli;

/**
 * How long commands show progress on stderr ({@code --progress}, {@code SWITCHBOARD_PROGRESS}):
 * {@code auto} a self-rewriting line on a terminal and nothing otherwise; {@code tty} that line
 * always; {@code plain} one line per step, at most one a second (for CI logs); {@code none} nothing.
 * {@code --output json} shows nothing whatever the mode. Immutable.
 */
public enum ProgressMode {
    /** A line on a terminal, nothing otherwise. */
    auto,
    /** A self-rewriting line, terminal or not. */
    tty,
    /** Whole lines, throttled to one a second (the first and the last always show). */
    plain,
    /** Nothing. */
    none
}
