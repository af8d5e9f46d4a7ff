package dev.switchboard.coordinator.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.OperationRequest;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One test of a decision-tree branch, compiled. Every test knows how to describe itself and where it
 * is declared, for {@link Router#explain}. Immutable and thread-safe; {@link #test} does not allocate
 * (except {@link ParamMatches} on non-text values and regex globs).
 */
sealed interface Condition {

    /** Whether the request passes. */
    boolean test(OperationRequest request);

    /** The test in words. */
    String describe();

    /** Where it is declared: {@code file:line:key}. */
    String location();

    /** The operation name matches one of the globs. */
    record OperationIs(Glob[] globs, String location) implements Condition {
        @Override
        public boolean test(OperationRequest request) {
            return matches(request.operation());
        }

        boolean matches(String operation) {
            for (Glob glob : globs) {
                if (glob.matches(operation)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return globs.length == 1 ? "operation matches \"" + globs[0] + "\""
                    : "operation matches any of " + Arrays.toString(globs);
        }
    }

    /** The parameter is present and not null. */
    record ParamPresent(ParamPath path, String location) implements Condition {
        @Override
        public boolean test(OperationRequest request) {
            JsonNode value = path.resolve(request.params());
            return value != null && !value.isNull() && !value.isMissingNode();
        }

        @Override
        public String describe() {
            return "param " + path + " is present";
        }
    }

    /** The parameter equals a string, number or boolean. */
    record ParamEquals(ParamPath path, JsonNode expected, String location) implements Condition {
        @Override
        public boolean test(OperationRequest request) {
            JsonNode actual = path.resolve(request.params());
            if (actual == null) {
                return false;
            }
            if (expected.isTextual()) {
                return actual.isTextual() && expected.textValue().equals(actual.textValue());
            }
            if (expected.isBoolean()) {
                return actual.isBoolean() && actual.booleanValue() == expected.booleanValue();
            }
            if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
                return actual.canConvertToLong() && actual.longValue() == expected.longValue();
            }
            return actual.isNumber() && actual.doubleValue() == expected.doubleValue();
        }

        @Override
        public String describe() {
            return "param " + path + " equals " + expected;
        }
    }

    /** The parameter's text contains a match of the regular expression. */
    record ParamMatches(ParamPath path, Pattern pattern, String location) implements Condition {
        @Override
        public boolean test(OperationRequest request) {
            JsonNode actual = path.resolve(request.params());
            if (actual == null || !actual.isValueNode() || actual.isNull()) {
                return false;
            }
            return pattern.matcher(actual.isTextual() ? actual.textValue() : actual.asText()).find();
        }

        @Override
        public String describe() {
            return "param " + path + " matches /" + pattern + "/";
        }
    }

    /** The caller has at least one of the roles. */
    record HasRole(String[] roles, String location) implements Condition {
        @Override
        public boolean test(OperationRequest request) {
            for (String role : roles) {
                if (request.caller().hasRole(role)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "caller has any role of " + Arrays.toString(roles);
        }
    }

    /** The request carries the tag with a value the glob matches. */
    record HasTag(String tag, Glob value, String location) implements Condition {
        @Override
        public boolean test(OperationRequest request) {
            String actual = request.tags().get(tag);
            return actual != null && value.matches(actual);
        }

        @Override
        public String describe() {
            return "tag " + tag + " matches \"" + value + "\"";
        }
    }
}
