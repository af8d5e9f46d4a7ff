package dev.switchboard.specialist.auth;

/** What checking a token found, with the failure code {@code token.verify} returns for it. */
enum Verdict {
    VALID("valid", ""),
    UNSUPPORTED_ALGORITHM("unsupported-algorithm", "token_algorithm_unsupported"),
    UNKNOWN_KEY("unknown-key", "token_key_unknown"),
    SIGNATURE_MISMATCH("signature-mismatch", "token_signature_invalid"),
    NOT_YET_VALID("not-yet-valid", "token_not_yet_valid"),
    EXPIRED("expired", "token_expired");

    private final String label;
    private final String failureCode;

    Verdict(String label, String failureCode) {
        this.label = label;
        this.failureCode = failureCode;
    }

    /** The kebab-case form shown in results. */
    String label() {
        return label;
    }

    /** The failure code of {@code token.verify}; empty for {@link #VALID}. */
    String failureCode() {
        return failureCode;
    }
}
