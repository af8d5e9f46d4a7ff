package dev.switchboard.specialist.media;

import dev.switchboard.spi.OperationDescriptor;
import java.util.List;

/** The descriptors and JSON Schemas of {@code media.worker.*}. Immutable. */
final class WorkerDescriptors {

    private static final String STATUS_SCHEMA = """
        {"type":"object","required":["running"],"properties":{
         "running":{"type":"boolean"},
         "state":{"enum":["new","connecting","registered","reconnecting","draining","closed"]},
         "worker-id":{"type":"string"},"agent-name":{"type":"string"},"agent":{"type":"string"},
         "load":{"type":"number","minimum":0,"maximum":1},
         "accepted":{"type":"integer"},"refused":{"type":"integer"},"succeeded":{"type":"integer"},
         "failed":{"type":"integer"},"reconnects":{"type":"integer"},
         "jobs":{"type":"array","items":{"type":"object","required":["id","room","identity"],"properties":{
          "id":{"type":"string"},"room":{"type":"string"},"identity":{"type":"string"},
          "accepted-at":{"type":"string"}}}}}}""";

    static final OperationDescriptor START = OperationDescriptor.builder("media.worker.start")
            .description("Registers the specialist as a LiveKit agent worker that takes dispatched jobs.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"properties":{
                 "agent-name":{"type":"string","maxLength":128,
                  "description":"the name explicit dispatches use; empty for automatic dispatch"},
                 "job-type":{"enum":["room","publisher","participant"]},
                 "load-threshold":{"type":"number","exclusiveMinimum":0,"maximum":1},
                 "max-jobs":{"type":"integer","minimum":1,"maximum":1000},
                 "drain-timeout":{"type":"string","pattern":"^[0-9]+(ms|s|m)$"},
                 "agent":{"type":"string","minLength":1,"maxLength":52,
                  "description":"the voice agent each job runs: echo (default), assistant or a TOML agent"}}}""")
            .outputSchema(STATUS_SCHEMA)
            .compensatedBy("media.worker.stop")
            .build();

    static final OperationDescriptor STOP = OperationDescriptor.builder("media.worker.stop")
            .description("Drains the agent worker (no new jobs, waits for running ones) and deregisters it.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"properties":{
                 "drain-timeout":{"type":"string","pattern":"^[0-9]+(ms|s|m)$"}}}""")
            .outputSchema("""
                {"type":"object","required":["was-running","drained"],"properties":{
                 "was-running":{"type":"boolean"},"drained":{"type":"boolean"},
                 "succeeded":{"type":"integer"},"failed":{"type":"integer"}}}""")
            .idempotent(true)
            .build();

    static final OperationDescriptor STATUS = OperationDescriptor.builder("media.worker.status")
            .description("Whether the agent worker runs, its id, load, counters and running jobs.")
            .inputSchema("""
                {"type":"object","additionalProperties":false,"properties":{}}""")
            .outputSchema(STATUS_SCHEMA)
            .idempotent(true)
            .build();

    static final List<OperationDescriptor> ALL = List.of(START, STOP, STATUS);

    private WorkerDescriptors() {
    }
}
