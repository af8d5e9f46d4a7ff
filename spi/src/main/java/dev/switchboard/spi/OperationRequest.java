package dev.switchboard.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to run one operation. Immutable and safe to share between threads; the parameter tree is
 * copied in and must be treated as read-only by specialists and gates.
 */
@Stable(since = "0.1")
public final class OperationRequest {

    private final String operation;
    private final ObjectNode params;
    private final Caller caller;
    private final String idempotencyKey;
    private final Instant deadline;
    private final Map<String, String> tags;
    private final String requestId;

    private OperationRequest(Builder b) {
        this.operation = b.operation;
        this.params = b.params.deepCopy();
        this.caller = b.caller;
        this.idempotencyKey = b.idempotencyKey;
        this.deadline = b.deadline;
        this.tags = Map.copyOf(b.tags);
        this.requestId = b.requestId == null ? UUID.randomUUID().toString() : b.requestId;
    }

    /** A builder for a request to run {@code operation}. */
    public static Builder builder(String operation) {
        return new Builder(operation);
    }

    /** The operation name, for example {@code room.create}. */
    public String operation() {
        return operation;
    }

    /** The parameters, a JSON object (read-only by contract). */
    public ObjectNode params() {
        return params;
    }

    /** Who asked. */
    public Caller caller() {
        return caller;
    }

    /** The idempotency key: two requests with the same key have one effect. */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** When the caller stops waiting; absent means the coordinator's default timeout applies. */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** Free-form tags (tenant, environment…) that routes and gates can test. */
    public Map<String, String> tags() {
        return tags;
    }

    /** The id that every log line, metric exemplar and journal record of this request carries. */
    public String requestId() {
        return requestId;
    }

    /** A builder that starts from this request, for example to rewrite the operation while routing. */
    public Builder toBuilder() {
        Builder b = new Builder(operation).params(params).caller(caller).tags(tags).requestId(requestId);
        b.idempotencyKey = idempotencyKey;
        b.deadline = deadline;
        return b;
    }

    @Override
    public String toString() {
        return "OperationRequest[" + operation + ", id=" + requestId + ", caller=" + caller.principal() + "]";
    }

    /** Builds an {@link OperationRequest}; not thread-safe. */
    public static final class Builder {
        private String operation;
        private ObjectNode params = JsonNodeFactory.instance.objectNode();
        private Caller caller = Caller.anonymous();
        private String idempotencyKey;
        private Instant deadline;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String requestId;

        private Builder(String operation) {
            operation(operation);
        }

        /** Sets the operation name. */
        public Builder operation(String name) {
            Objects.requireNonNull(name, "operation");
            if (name.isBlank()) {
                throw new IllegalArgumentException("operation must not be blank");
            }
            this.operation = name;
            return this;
        }

        /** Sets the parameters (copied at build time). */
        public Builder params(ObjectNode value) {
            this.params = Objects.requireNonNull(value, "params");
            return this;
        }

        /** Sets one string parameter. */
        public Builder param(String name, String value) {
            params = params.deepCopy();
            params.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the caller. */
        public Builder caller(Caller value) {
            this.caller = Objects.requireNonNull(value, "caller");
            return this;
        }

        /** Sets the idempotency key. */
        public Builder idempotencyKey(String value) {
            this.idempotencyKey = Objects.requireNonNull(value, "idempotencyKey");
            return this;
        }

        /** Sets the deadline. */
        public Builder deadline(Instant value) {
            this.deadline = Objects.requireNonNull(value, "deadline");
            return this;
        }

        /** Adds one tag. */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds all tags. */
        public Builder tags(Map<String, String> values) {
            values.forEach(this::tag);
            return this;
        }

        /** Sets the request id (the coordinator assigns a random one otherwise). */
        public Builder requestId(String value) {
            this.requestId = Objects.requireNonNull(value, "requestId");
            return this;
        }

        /** Builds the immutable request. */
        public OperationRequest build() {
            return new OperationRequest(this);
        }
    }
}
