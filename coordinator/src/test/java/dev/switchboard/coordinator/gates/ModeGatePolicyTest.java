package dev.switchboard.coordinator.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.TimeSource;
import dev.switchboard.spi.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModeGatePolicyTest {

    private static final String MODES = """
            [[gates]]
            name = "room-names"
            type = "naming"
            applies-to = ["room.*"]
            path = "name"
            pattern = "^[a-z0-9-]{3,64}$"
            rule = "3-64 lower-case letters, digits or dashes"

            [[gates]]
            name = "admins-only"
            type = "roles"
            applies-to = ["room.delete", "egress.*"]
            roles = ["admin"]

            [[gates]]
            name = "per-caller"
            type = "rate-limit"
            applies-to = ["*"]
            limit = 10
            period = "1s"
            """;

    private static final OperationDescriptor CREATE = OperationDescriptor.builder("room.create").build();
    private static final OperationDescriptor DELETE =
            OperationDescriptor.builder("room.delete").destructive(true).build();
    private static final OperationDescriptor TOKEN = OperationDescriptor.builder("auth.token").build();

    private static ModeGatePolicy policy(String toml) {
        return ModeGatePolicy.build(TomlGates.parse(toml), GateProviders.builtIn());
    }

    @Test
    void declaredGatesApplyByGlobAndDefaultsAreAdded() {
        ModeGatePolicy policy = policy(MODES);
        assertThat(policy.declaredNames()).containsExactly("room-names", "admins-only", "per-caller");
        assertThat(policy.gatesFor(CREATE)).extracting(QualityGate::name)
                .containsExactly("room-names", "input-schema", "per-caller", "post-verify");
        assertThat(policy.gatesFor(DELETE)).extracting(QualityGate::name)
                .containsExactly("admins-only", "room-names", "input-schema", "per-caller", "confirmation",
                        "post-verify");
        assertThat(policy.gatesFor(TOKEN)).extracting(QualityGate::name)
                .containsExactly("input-schema", "per-caller", "post-verify");
        assertThat(policy.gatesFor(DELETE)).extracting(QualityGate::weight).isSorted();
        assertThat(policy.chainFor(CREATE)).isSameAs(policy.chainFor(CREATE));
    }

    @Test
    void theChainEnforcesTheDeclaredGates() {
        GateChain chain = policy(MODES).chainFor(DELETE);
        var request = OperationRequest.builder("room.delete").param("name", "Bad Name").build();
        GateVerdict verdict = chain.before(new GateCheck(request, DELETE, TimeSource.system(), List::of));
        assertThat(verdict).isInstanceOfSatisfying(GateVerdict.Block.class, b -> {
            assertThat(b.code()).isEqualTo("permission_denied");
            assertThat(b.violations()).extracting(Violation::code, Violation::path).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("roles.missing", "$"),
                    org.assertj.core.groups.Tuple.tuple("naming.mismatch", "$.name"));
        });
    }

    @Test
    void aDeclaredGateNamedLikeADefaultReplacesItWhereItApplies() {
        ModeGatePolicy policy = policy("""
                [[gates]]
                name = "input-schema"
                type = "json-schema"
                applies-to = ["room.create"]
                schema = { type = "object", required = ["region"] }
                """);
        assertThat(policy.gatesFor(CREATE)).extracting(QualityGate::name).containsOnlyOnce("input-schema");
        GateVerdict verdict = policy.chainFor(CREATE).before(new GateCheck(
                OperationRequest.builder("room.create").params(Json.object("{}")).build(), CREATE,
                TimeSource.system(), List::of));
        assertThat(verdict).isInstanceOfSatisfying(GateVerdict.Block.class, b -> assertThat(b.violations())
                .extracting(Violation::path).containsExactly("$.region"));
    }

    @Test
    void unknownTypeIsReportedAtFileLineKey() {
        assertThatThrownBy(() -> policy("""
                [[gates]]
                name = "x"
                type = "captcha"
                applies-to = ["*"]
                """)).isInstanceOf(ConfigException.class).hasMessage("modes/gates.toml:3:gates[0].type: unknown gate"
                + " type 'captcha'; known types: allow-deny, confirmation, json-schema, naming, post-verify, quota,"
                + " rate-limit, roles");
    }

    @Test
    void providerSettingErrorsPointAtTheExactKeyLine() {
        assertThatThrownBy(() -> policy("""
                [[gates]]
                name = "regions"
                type = "allow-deny"
                applies-to = ["room.*"]
                subject = "param"
                path = "region"
                allow = ["eu-west", 7]
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("modes/gates.toml:7:gates[0].allow[1]: must be a non-empty string, got number 7");
    }

    @Test
    void everyProblemOfEveryEntryIsReportedTogether() {
        ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class, () -> policy("""
                [[gates]]
                name = "limit"
                type = "rate-limit"
                applies-to = ["*"]
                limit = 0

                [[gates]]
                name = "Bad Name"
                type = "roles"
                applies-to = ["*"]
                roles = ["a"]

                [[gates]]
                name = "no-scope"
                type = "roles"
                roles = ["a"]

                [[gates]]
                name = "globs"
                type = "roles"
                applies-to = ["room.*", "Room Create"]
                roles = ["a"]

                [[gates]]
                name = "limit"
                type = "quota"
                applies-to = ["*"]
                limit = 5
                window = "1d"

                [[gates]]
                type = "quota"
                """));
        assertThat(e.problems()).extracting(ConfigException.Problem::location).containsExactly(
                "modes/gates.toml:5:gates[0].limit",
                "modes/gates.toml:8:gates[1].name",
                "modes/gates.toml:13:gates[2].applies-to",
                "modes/gates.toml:21:gates[3].applies-to[1]",
                "modes/gates.toml:25:gates[4].name",
                "modes/gates.toml:31:gates[5].name");
        assertThat(e.problems().get(4).message()).isEqualTo("gate name 'limit' is already declared at"
                + " modes/gates.toml:1:gates[0]");
    }

    @Test
    void duplicateProviderTypesAreRefused() {
        var builtIn = GateProviders.builtIn();
        var clash = new dev.switchboard.spi.QualityGateProvider() {
            @Override
            public String type() {
                return "naming";
            }

            @Override
            public QualityGate create(dev.switchboard.spi.GateSettings settings) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> builtIn.with(List.of(clash))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gate type 'naming' is already provided by"
                        + " dev.switchboard.qualitygates.NamingGateProvider");
        assertThat(builtIn.types()).hasSize(8);
    }
}
