package dev.switchboard.spi;

/** Holds the one {@link GateVerdict.Pass} instance. */
final class PassHolder {
    static final GateVerdict PASS = new GateVerdict.Pass();

    private PassHolder() {
    }
}
