package dev.switchboard.spi;

import java.util.Objects;
import java.util.Set;

/**
 * Who asked: a principal and the roles the coordinator's authentication gave it.
 *
 * @param principal a stable identifier (API key name, user id, {@code cli})
 * @param roles roles used by role gates and decision-tree nodes
 */
@Stable(since = "0.1")
public record Caller(String principal, Set<String> roles) {

    /** Validates and copies. */
    public Caller {
        Objects.requireNonNull(principal, "principal");
        roles = Set.copyOf(roles);
    }

    /** The caller used when nobody authenticated (embedded use without a principal). */
    public static Caller anonymous() {
        return new Caller("anonymous", Set.of());
    }

    /** A caller with the given roles. */
    public static Caller of(String principal, String... roles) {
        return new Caller(principal, Set.of(roles));
    }

    /** Whether the caller has {@code role}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
