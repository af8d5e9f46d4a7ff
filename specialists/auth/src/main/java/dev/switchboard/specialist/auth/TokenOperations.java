package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Params;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.spi.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code token.inspect} and {@code token.verify}. Thread-safe (immutable settings, injected clock). */
final class TokenOperations {

    private final TokenChecker checker;
    private final TimeSource time;

    TokenOperations(AuthSettings settings, TimeSource time) {
        this.checker = new TokenChecker(settings);
        this.time = time;
    }

    /** Explains a token whether or not it is valid; fails only when it is not a JWT at all. */
    OperationResult inspect(ObjectNode params) {
        Inspection in = checker.check(Params.string(params, "token"), time.now());
        ObjectNode out = summary(in);
        out.put("reason", in.reason());
        out.put("signed-with-current-key", in.currentSigningKey());
        String name = in.claims().path("name").asText("");
        if (!name.isEmpty()) {
            out.put("name", name);
        }
        in.notBefore().ifPresent(n -> out.put("not-before", n.toString()));
        out.set("grants", in.grants().toJson());
        if (in.claims().path("attributes").isObject()) {
            out.set("attributes", in.claims().path("attributes").deepCopy());
        }
        if (in.claims().path("roomConfig").isObject()) {
            out.set("room-config", in.claims().path("roomConfig").deepCopy());
        }
        Explainer.explain(in).forEach(out.putArray("explanation")::add);
        return OperationResult.success(out);
    }

    /** Succeeds only for a valid token that matches the expectations in the request. */
    OperationResult verify(ObjectNode params) {
        Inspection in = checker.check(Params.string(params, "token"), time.now());
        if (!in.valid()) {
            return OperationResult.rejected(in.verdict().failureCode(), in.reason(),
                    List.of(Violation.of(in.verdict().failureCode(), "$.token", in.reason())));
        }
        List<Violation> mismatches = new ArrayList<>();
        Params.optString(params, "room").filter(r -> !r.equals(in.room())).ifPresent(r -> mismatches.add(
                Violation.of("token_mismatch", "$.room",
                        "the token is for room '" + in.room() + "', not '" + r + "'")));
        Params.optString(params, "identity").filter(i -> !i.equals(in.identity())).ifPresent(i -> mismatches.add(
                Violation.of("token_mismatch", "$.identity",
                        "the token is for identity '" + in.identity() + "', not '" + i + "'")));
        List<String> required = Params.strings(params, "require-grants");
        for (int i = 0; i < required.size(); i++) {
            String g = required.get(i);
            Grant grant = Grant.byKey(g).orElseThrow(() -> Params.invalid("require-grants",
                    "'" + g + "' is not a grant; known grants: " + Grant.knownKeys()));
            if (!in.grants().allows(grant)) {
                mismatches.add(Violation.of("token_mismatch", "$.require-grants[" + i + "]",
                        "the token lacks the " + g + " grant"));
            }
        }
        if (!mismatches.isEmpty()) {
            return OperationResult.rejected("token_mismatch", "the token is valid but does not match: "
                    + String.join("; ", mismatches.stream().map(Violation::message).toList()), mismatches);
        }
        return OperationResult.success(summary(in));
    }

    private static ObjectNode summary(Inspection in) {
        ObjectNode out = Json.object();
        out.put("valid", in.valid());
        out.put("verdict", in.verdict().label());
        out.put("key", in.key());
        if (!in.identity().isEmpty()) {
            out.put("identity", in.identity());
        }
        if (!in.room().isEmpty()) {
            out.put("room", in.room());
        }
        in.expiresAt().ifPresent(e -> {
            out.put("expires-at", e.toString());
            out.put("expires-in-seconds", Duration.between(in.checkedAt(), e).getSeconds());
        });
        return out;
    }
}
