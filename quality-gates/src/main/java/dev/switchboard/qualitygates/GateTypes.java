package dev.switchboard.qualitygates;

/**
 * The type names and weights of the built-in gates, as written in {@code [[gates]] type = "…"}.
 * The weights follow the table in {@link dev.switchboard.spi.QualityGate}. Constants only.
 */
public final class GateTypes {
    /** Allow and deny lists over a parameter, the caller principal or a tag. */
    public static final String ALLOW_DENY = "allow-deny";
    /** Required caller roles. */
    public static final String ROLES = "roles";
    /** A parameter must match a regular expression. */
    public static final String NAMING = "naming";
    /** The parameters must match a JSON Schema (by default the operation's input schema). */
    public static final String JSON_SCHEMA = "json-schema";
    /** A token-bucket rate limit per key. */
    public static final String RATE_LIMIT = "rate-limit";
    /** A fixed-window quota per key. */
    public static final String QUOTA = "quota";
    /** Destructive operations need an explicit confirmation. */
    public static final String CONFIRMATION = "confirmation";
    /** After the operation ran, the specialist's verify hook must find no violations. */
    public static final String POST_VERIFY = "post-verify";

    /** Weight of {@link #ALLOW_DENY}. */
    public static final int ALLOW_DENY_WEIGHT = 100;
    /** Weight of {@link #ROLES}. */
    public static final int ROLES_WEIGHT = 200;
    /** Weight of {@link #NAMING}. */
    public static final int NAMING_WEIGHT = 300;
    /** Weight of {@link #JSON_SCHEMA}. */
    public static final int JSON_SCHEMA_WEIGHT = 400;
    /** Weight of {@link #RATE_LIMIT} and {@link #QUOTA}: the first weight whose gates consume budget. */
    public static final int LIMIT_WEIGHT = 500;
    /** Weight of {@link #CONFIRMATION}. */
    public static final int CONFIRMATION_WEIGHT = 600;
    /** Weight of {@link #POST_VERIFY}. */
    public static final int POST_VERIFY_WEIGHT = 900;

    private GateTypes() {
    }
}
