package dev.switchboard.coordinator.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.spi.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GateChainTest {

    private static final OperationDescriptor OP = OperationDescriptor.builder("room.create")
            .inputSchema("{\"type\": \"object\", \"required\": [\"name\"]}").build();
    private static final GateProviders PROVIDERS = GateProviders.builtIn();

    private final List<String> ran = new CopyOnWriteArrayList<>();

    /** A gate that records that it ran and blocks when asked to. */
    private QualityGate probe(String name, int weight, boolean blocks) {
        return new QualityGate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int weight() {
                return weight;
            }

            @Override
            public GateVerdict before(GateCheck check) {
                ran.add(name);
                return blocks ? new GateVerdict.Block("code-" + name, List.of(Violation.of(name + ".no", "$", name)))
                        : GateVerdict.pass();
            }

            @Override
            public GateVerdict after(GateCheck check, OperationResult.Success result) {
                ran.add("after-" + name);
                return blocks ? GateVerdict.block(Violation.of(name + ".after", "$", name)) : GateVerdict.pass();
            }
        };
    }

    private static QualityGate builtIn(String type, String settings) {
        return PROVIDERS.find(type).orElseThrow()
                .create(new GateSettings(type, type, Json.object(settings), "test"));
    }

    private static GateCheck check(String params) {
        return new GateCheck(OperationRequest.builder(OP.name()).params(Json.object(params)).build(), OP,
                TimeSource.system(), List::of);
    }

    @Test
    void runsInWeightOrderWhateverTheGivenOrder() {
        GateChain chain = GateChain.of(List.of(probe("c", 600, false), probe("a", 100, false),
                probe("b2", 300, false), probe("b1", 300, false)));
        assertThat(chain.gates()).extracting(QualityGate::name).containsExactly("a", "b2", "b1", "c");
        assertThat(chain.before(check("{}"))).isEqualTo(GateVerdict.pass());
        assertThat(ran).containsExactly("a", "b2", "b1", "c");
    }

    @Test
    void collectsEveryValidationViolationThenStopsBeforeConsumingGates() {
        GateChain chain = GateChain.of(List.of(probe("deny", 100, true), probe("names", 300, true),
                probe("schema", 400, false), probe("limit", 500, false), probe("confirm", 600, false)));
        GateVerdict verdict = chain.before(check("{}"));
        assertThat(ran).containsExactly("deny", "names", "schema");
        assertThat(verdict).isInstanceOfSatisfying(GateVerdict.Block.class, b -> {
            assertThat(b.code()).as("the lightest blocking gate's code").isEqualTo("code-deny");
            assertThat(b.violations()).extracting(Violation::code).containsExactly("deny.no", "names.no");
        });
    }

    @Test
    void stopsAtTheFirstConsumingGateThatBlocks() {
        GateChain chain = GateChain.of(List.of(probe("schema", 400, false), probe("limit", 500, true),
                probe("quota", 500, false), probe("confirm", 600, true)));
        GateVerdict verdict = chain.before(check("{}"));
        assertThat(ran).containsExactly("schema", "limit");
        assertThat(verdict).isInstanceOfSatisfying(GateVerdict.Block.class,
                b -> assertThat(b.violations()).extracting(Violation::code).containsExactly("limit.no"));
    }

    @Test
    void anInvalidRequestDoesNotConsumeRateLimitBudget() {
        GateChain chain = GateChain.of(List.of(builtIn("json-schema", "{}"),
                builtIn("rate-limit", "{\"limit\": 1, \"period\": \"1h\"}")));
        for (int i = 0; i < 3; i++) {
            assertThat(chain.before(check("{}"))).isInstanceOfSatisfying(GateVerdict.Block.class,
                    b -> assertThat(b.code()).isEqualTo(FailureCode.INVALID_REQUEST));
        }
        assertThat(chain.before(check("{\"name\": \"a\"}"))).isEqualTo(GateVerdict.pass());
        assertThat(chain.before(check("{\"name\": \"a\"}"))).isInstanceOfSatisfying(GateVerdict.Block.class,
                b -> assertThat(b.code()).isEqualTo(FailureCode.RATE_LIMITED));
    }

    @Test
    void aThrowingGateBlocksAsInternalAndTheOthersStillRun() {
        QualityGate broken = new QualityGate() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public int weight() {
                return 150;
            }

            @Override
            public GateVerdict before(GateCheck check) {
                throw new IllegalStateException("boom");
            }
        };
        GateChain chain = GateChain.of(List.of(broken, probe("names", 300, true)));
        GateVerdict verdict = chain.before(check("{}"));
        assertThat(verdict).isInstanceOfSatisfying(GateVerdict.Block.class, b -> {
            assertThat(b.code()).isEqualTo(FailureCode.INTERNAL);
            assertThat(b.violations()).extracting(Violation::code).containsExactly("gate.error", "names.no");
            assertThat(b.violations().get(0).message()).isEqualTo("gate broken failed with IllegalStateException");
        });
    }

    @Test
    void afterRunsEveryGateAndCollects() {
        GateChain chain = GateChain.of(List.of(probe("x", 900, true), probe("y", 100, true), probe("z", 500, false)));
        GateVerdict verdict = chain.after(check("{}"), OperationResult.success(Json.object()));
        assertThat(ran).containsExactly("after-y", "after-z", "after-x");
        assertThat(verdict).isInstanceOfSatisfying(GateVerdict.Block.class,
                b -> assertThat(b.violations()).extracting(Violation::code).containsExactly("y.after", "x.after"));
    }

    @Test
    void failureCarriesCodeViolationsAndRetryability() {
        var limited = GateChain.failure(new GateVerdict.Block(FailureCode.RATE_LIMITED,
                List.of(new Violation("rate-limit.exceeded", "$", "slow down", "retry in 1 s"))));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.message()).isEqualTo("$: slow down [rate-limit.exceeded] (retry in 1 s)");
        List<Violation> two = new ArrayList<>(List.of(Violation.of("schema.required", "$.name", "missing"),
                Violation.of("schema.type", "$.size", "wrong type")));
        var invalid = GateChain.failure(new GateVerdict.Block(FailureCode.INVALID_REQUEST, two));
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.code()).isEqualTo(FailureCode.INVALID_REQUEST);
        assertThat(invalid.violations()).isEqualTo(two);
        assertThat(invalid.message()).isEqualTo("2 violations; first: $.name: missing [schema.required]");
    }
}
