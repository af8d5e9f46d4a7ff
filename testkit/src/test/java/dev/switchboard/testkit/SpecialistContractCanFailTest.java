package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.Specialist;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs the TCK on the JUnit Platform against a good and a broken specialist: the TCK can fail. */
class SpecialistContractCanFailTest {

    /** The TCK applied to {@link BrokenSpecialist}; not a test of its own (surefire skips nested classes). */
    static class BrokenContract extends SpecialistContract {
        @Override
        protected Specialist createSpecialist() {
            return new BrokenSpecialist();
        }

        @Override
        protected List<OperationRequest> sampleRequests() {
            return List.of(OperationRequest.builder("broken.add").param("item", "pear").build());
        }
    }

    /** The TCK applied to the example, run the same way, as the control. */
    static class CounterContract extends CounterSpecialistContractTest {
    }

    @Test
    void everyCheckFailsForTheBrokenSpecialist() {
        Map<String, TestExecutionResult.Status> outcome = run(BrokenContract.class);

        assertThat(outcome).containsOnly(
                Map.entry("declaresValidOperations()", TestExecutionResult.Status.FAILED),
                Map.entry("samplesSucceedAndMatchSchemas()", TestExecutionResult.Status.FAILED),
                Map.entry("rejectsUnknownOperations()", TestExecutionResult.Status.FAILED),
                Map.entry("startsAndStopsIdempotently()", TestExecutionResult.Status.FAILED),
                Map.entry("honoursDeadlines()", TestExecutionResult.Status.FAILED),
                Map.entry("compensationUndoesEffect()", TestExecutionResult.Status.FAILED));
    }

    @Test
    void everyCheckPassesForTheExample() {
        Map<String, TestExecutionResult.Status> outcome = run(CounterContract.class);

        assertThat(outcome).hasSize(6).allSatisfy((name, status) ->
                assertThat(status).as(name).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    @Test
    void checksNameWhatIsWrong() {
        BrokenContract broken = new BrokenContract();

        assertThatThrownBy(broken::declaresValidOperations).isInstanceOf(AssertionError.class)
                .hasMessageContaining("input schema of broken.add (draft-07)");
        assertThatThrownBy(broken::rejectsUnknownOperations).isInstanceOf(AssertionError.class)
                .hasMessageContaining("execute(tck.no-such-operation) threw")
                .hasMessageContaining("OperationResult.Failure");
        assertThatThrownBy(broken::startsAndStopsIdempotently).isInstanceOf(AssertionError.class)
                .hasMessageContaining("calling start twice");
        assertThatThrownBy(broken::honoursDeadlines).isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken.add with a deadline in the past");
        assertThatThrownBy(broken::compensationUndoesEffect).isInstanceOf(AssertionError.class)
                .hasMessageContaining("effect of broken.add after its compensation broken.remove");
    }

    private static Map<String, TestExecutionResult.Status> run(Class<?> contract) {
        Map<String, TestExecutionResult.Status> outcome = new TreeMap<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            outcome.put(id.getLegacyReportingName(), result.getStatus());
                        }
                    }
                });
        return outcome;
    }
}
