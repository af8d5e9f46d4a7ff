package dev.switchboard.specialist.media;

import dev.switchboard.spi.OperationDescriptor;
import java.util.List;

/** The descriptors and JSON Schemas of the data bridge: {@code data.subscribe|unsubscribe|publish}. Immutable. */
final class DataBridgeDescriptors {

    static final OperationDescriptor SUBSCRIBE = OperationDescriptor.builder("data.subscribe")
            .description("Joins a room as a hidden participant and publishes its data messages as"
                    + " data.received events to Switchboard's listeners.")
            .inputSchema("""
                {"type":"object","required":["room"],"additionalProperties":false,"properties":{
                 "room":{"type":"string","minLength":1,"maxLength":256},
                 "topics":{"type":"array","items":{"type":"string","maxLength":256},
                  "description":"only messages on these topics; empty or absent for every message"},
                 "identity":{"type":"string","minLength":1,"maxLength":128,
                  "description":"the bridge participant's identity; default <identity-prefix>-<room>"},
                 "hidden":{"type":"boolean","default":true,
                  "description":"join hidden (others do not see it, and its messages carry no sender identity)"}}}""")
            .outputSchema("""
                {"type":"object","required":["room","identity","topics"],"properties":{
                 "room":{"type":"string"},"identity":{"type":"string"},"hidden":{"type":"boolean"},
                 "topics":{"type":"array","items":{"type":"string"}},"updated":{"type":"boolean"}}}""")
            .compensatedBy("data.unsubscribe")
            .build();

    static final OperationDescriptor UNSUBSCRIBE = OperationDescriptor.builder("data.unsubscribe")
            .description("Leaves a room the data bridge joined; its data messages stop arriving as events.")
            .inputSchema("""
                {"type":"object","required":["room"],"additionalProperties":false,"properties":{
                 "room":{"type":"string","minLength":1,"maxLength":256}}}""")
            .outputSchema("""
                {"type":"object","required":["room","was-subscribed"],"properties":{
                 "room":{"type":"string"},"was-subscribed":{"type":"boolean"},
                 "received":{"type":"integer"}}}""")
            .idempotent(true)
            .build();

    static final OperationDescriptor PUBLISH = OperationDescriptor.builder("data.publish")
            .description("Sends a data message from the bridge participant over the room's data channel"
                    + " (reliable or lossy, topic, destinations); needs data.subscribe on the room first.")
            .inputSchema("""
                {"type":"object","required":["room"],"additionalProperties":false,
                 "oneOf":[{"required":["data"]},{"required":["data-base64"]}],
                 "properties":{"room":{"type":"string","minLength":1,"maxLength":256},
                  "data":{"type":"string","description":"UTF-8 text payload"},
                  "data-base64":{"type":"string","description":"binary payload, base64"},
                  "kind":{"enum":["reliable","lossy"],"default":"reliable"},
                  "topic":{"type":"string","maxLength":256},
                  "destination-identities":{"type":"array","items":{"type":"string","minLength":1}}}}""")
            .outputSchema("""
                {"type":"object","required":["room","bytes","kind"],"properties":{
                 "room":{"type":"string"},"bytes":{"type":"integer"},"kind":{"enum":["reliable","lossy"]},
                 "identity":{"type":"string"}}}""")
            .build();

    static final List<OperationDescriptor> ALL = List.of(SUBSCRIBE, UNSUBSCRIBE, PUBLISH);

    private DataBridgeDescriptors() {
    }
}
