package dev.switchboard.specialist.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.List;
import java.util.stream.Stream;
import livekit.LivekitAgentDispatch;
import livekit.LivekitEgress;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The tree built straight from a message is the tree JsonFormat's text parses into: same field
 * names, order, values and node types, for empty messages and for messages with every field set
 * (so a field added to LiveKit's protos is covered without touching this test).
 */
class ProtoTreeTest {

    static Stream<Message> messages() {
        return Stream.of(LivekitModels.Room.getDefaultInstance(), LivekitModels.ParticipantInfo.getDefaultInstance(),
                LivekitEgress.EgressInfo.getDefaultInstance(),
                LivekitAgentDispatch.AgentDispatch.getDefaultInstance(),
                LivekitRoom.ListRoomsResponse.getDefaultInstance(),
                LivekitRoom.ListParticipantsResponse.getDefaultInstance());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void anEmptyMessageGivesTheSameTree(Message empty) {
        assertSameTree(empty);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void aMessageWithEveryFieldSetGivesTheSameTree(Message empty) {
        assertSameTree(filled(empty.newBuilderForType(), 0).build());
    }

    @Test
    void extremesOfEachScalarKindGiveTheSameTree() {
        assertSameTree(LivekitModels.Room.newBuilder().setEmptyTimeout(-1).setMaxParticipants(Integer.MAX_VALUE)
                .setCreationTime(Long.MIN_VALUE).setCreationTimeMs(Long.MAX_VALUE).setName("é ✓ \" \\ \n").build());
        assertSameTree(LivekitModels.Room.newBuilder().setNumPublishers(-9).setTurnPassword("pw")
                .setVersion(LivekitModels.TimedVersion.newBuilder().setUnixMicro(-1).setTicks(-2)).build());
        assertSameTree(LivekitModels.ParticipantInfo.newBuilder().setStateValue(99).setKindValue(-3).build());
        assertSameTree(LivekitModels.TrackInfo.newBuilder().setWidth(-2).setMimeType("").build());
    }

    @Test
    void wellKnownTypesAreLeftToJsonFormat() {
        Struct struct = Struct.newBuilder().putFields("n", Value.newBuilder().setNumberValue(1.5).build())
                .putFields("s", Value.newBuilder().setStringValue("x").build()).build();
        assertSameTree(struct);
    }

    @Test
    void theTurnPasswordIsLeftOut() {
        JsonNode json = ProtoJson.toJson(LivekitModels.Room.newBuilder().setName("r").setTurnPassword("pw").build());
        assertThat(json.has("turnPassword")).isFalse();
        assertThat(json.path("name").asText()).isEqualTo("r");
    }

    @Test
    void roomsTakeTheHandWrittenPathWhileTheProtosAreTheOnesItKnows() {
        assertThat(RoomJson.of(LivekitModels.Room.getDefaultInstance())).isPresent();
    }

    /** ProtoTree's tree and ProtoJson's payload (rooms: RoomJson) against JsonFormat's text, parsed. */
    static void assertSameTree(Message message) {
        ObjectNode expected = (ObjectNode) ProtoJson.viaText(message);
        JsonNode actual = ProtoTree.object(message);
        String type = message.getDescriptorForType().getFullName();
        assertThat(actual.toString()).as(type).isEqualTo(expected.toString());
        assertThat(actual).as("node types too").isEqualTo(expected);

        expected.remove("turnPassword");
        JsonNode payload = ProtoJson.toJson(message);
        assertThat(payload.toString()).as("payload of " + type).isEqualTo(expected.toString());
        assertThat(payload).as("node types too").isEqualTo(expected);
    }

    /** Sets every field (repeated ones twice, nested messages three levels deep) to a value that is not its default. */
    private static Message.Builder filled(Message.Builder builder, int depth) {
        Descriptor type = builder.getDescriptorForType();
        for (FieldDescriptor field : type.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (depth >= 3 || field.getMessageType().getFile().getPackage().equals("google.protobuf")) {
                    continue;
                }
                for (int i = 0; i < (field.isRepeated() ? 2 : 1); i++) {
                    Message.Builder nested = filled(builder.newBuilderForField(field), depth + 1);
                    if (field.isMapField()) {
                        keyed(nested, i);
                    }
                    add(builder, field, nested.build());
                }
            } else {
                for (int i = 0; i < (field.isRepeated() ? 2 : 1); i++) {
                    add(builder, field, value(field, i));
                }
            }
        }
        return builder;
    }

    private static void keyed(Message.Builder entry, int i) {
        FieldDescriptor key = entry.getDescriptorForType().findFieldByName("key");
        entry.setField(key, value(key, i));
    }

    private static void add(Message.Builder builder, FieldDescriptor field, Object value) {
        if (field.isRepeated()) {
            builder.addRepeatedField(field, value);
        } else {
            builder.setField(field, value);
        }
    }

    private static Object value(FieldDescriptor field, int i) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> -7 - i;
            case UINT32, FIXED32 -> 0xFFFF_FFF0 + i;
            case INT64, SINT64, SFIXED64 -> 1_234_567_890_123L + i;
            case UINT64, FIXED64 -> -5L - i;
            case BOOL -> i == 0;
            case STRING -> field.getName() + "-é✓-" + i;
            case BYTES -> ByteString.copyFrom(new byte[] {1, 2, (byte) 0xff, (byte) i});
            case FLOAT -> i == 0 ? 0.1f : 1.0e10f;
            case DOUBLE -> i == 0 ? 0.1 : 1.0e-7;
            case ENUM -> enumValue(field.getEnumType(), i);
            case MESSAGE, GROUP -> throw new IllegalArgumentException(field.getFullName());
        };
    }

    private static Object enumValue(EnumDescriptor type, int i) {
        List<com.google.protobuf.Descriptors.EnumValueDescriptor> values = type.getValues();
        return values.get(values.size() - 1 - Math.min(i, values.size() - 1));
    }
}
