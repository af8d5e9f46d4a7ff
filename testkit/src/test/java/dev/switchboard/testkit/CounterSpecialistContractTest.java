package dev.switchboard.testkit;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.Specialist;
import java.util.List;

/** The example specialist passes the TCK. */
class CounterSpecialistContractTest extends SpecialistContract {

    @Override
    protected Specialist createSpecialist() {
        return new CounterSpecialist();
    }

    @Override
    protected List<OperationRequest> sampleRequests() {
        return List.of(
                OperationRequest.builder("counter.create").param("name", "apples").build(),
                OperationRequest.builder("counter.delete").param("name", "apples").build());
    }
}
