package dev.switchboard.coordinator.cli;

import java.util.Objects;

/**
 * The outcome of one {@code doctor} check. Immutable.
 *
 * @param name what was checked ({@code jdk}, {@code livekit-reachable}…)
 * @param status ok, warn (works, but something is missing for some uses) or fail (will not work)
 * @param detail what was found; never a secret value
 * @param fix what to do about a warn or fail; empty for ok
 */
record DoctorCheck(String name, Status status, String detail, String fix) {

    /** How a check came out. */
    enum Status { ok, warn, fail }

    DoctorCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    static DoctorCheck ok(String name, String detail) {
        return new DoctorCheck(name, Status.ok, detail, "");
    }

    static DoctorCheck warn(String name, String detail, String fix) {
        return new DoctorCheck(name, Status.warn, detail, fix);
    }

    static DoctorCheck fail(String name, String detail, String fix) {
        return new DoctorCheck(name, Status.fail, detail, fix);
    }
}
