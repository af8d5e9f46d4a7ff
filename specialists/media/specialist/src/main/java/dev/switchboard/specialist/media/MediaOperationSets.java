package dev.switchboard.specialist.media;

import dev.switchboard.spi.OperationDescriptor;
import java.util.List;

/**
 * Every operation group of the media specialist. To add operations, write a handler class with a
 * static {@link OperationSet} and list it here. Immutable.
 */
final class MediaOperationSets {

    /** The groups, in the order their operations are declared. */
    static final List<OperationSet> ALL = List.of(
            WorkerOperations.SET,
            DataBridgeOperations.SET,
            AgentOperations.SET);

    private MediaOperationSets() {
    }

    /** Every descriptor of every group. */
    static List<OperationDescriptor> descriptors() {
        return ALL.stream().flatMap(s -> s.operations().stream()).toList();
    }
}
