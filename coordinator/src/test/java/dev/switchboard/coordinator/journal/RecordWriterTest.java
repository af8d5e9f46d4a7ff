package dev.switchboard.coordinator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    private static final Instant AT = Instant.parse("2026-11-21T11:28:07.123456Z");

    @Test
    void everyRecordTypeIsWrittenAsTheBytesOfItsTree() throws Exception {
        ObjectNode tree = Json.object("""
                {"name":"r1","n":7,"big":12345678901234,"ratio":0.25,"ok":true,"none":null,
                 "list":[1,"two",{"api-secret":"s3cret"},[false]],"token":"eyJhbGciOi.eyJzdWIiOi.abcd"}""");
        tree.put("huge", new BigInteger("123456789012345678901234567890"));
        tree.put("exact", new BigDecimal("1.50"));
        tree.put("f", 1.5f);
        Caller caller = new Caller("ops", Set.of("b", "a"));
        List<JournalRecord> records = List.of(
                new JournalRecord.WorkflowStarted("w", "session.start", tree, tree, caller, AT),
                new JournalRecord.StepStarted("w", "s", "room.create", "w/s", tree, "room.delete", true, AT),
                new JournalRecord.StepSucceeded("w", "s", tree, tree, AT),
                new JournalRecord.StepFailed("w", "s", "internal", "bad \"quote\" ü", AT),
                new JournalRecord.StepSkipped("w", "s", AT),
                new JournalRecord.CompensationStarted("w", "s", "room.delete", tree, 2, AT),
                new JournalRecord.CompensationSucceeded("w", "s", AT),
                new JournalRecord.CompensationFailed("w", "s", 3, "unavailable", "down", AT),
                new JournalRecord.DeadLettered("w", "s", "room.delete", tree, "w/s", caller, "gave up", AT),
                new JournalRecord.DeadLetterResolved("w", "s", "retried", AT),
                new JournalRecord.WorkflowFinished("w", RunState.ROLLED_BACK, AT));

        for (JournalRecord record : records) {
            byte[] expected = Json.mapper().writeValueAsBytes(RecordCodec.toJson(record, Redactor.standard()));
            assertThat(new String(RecordCodec.encode(record, Redactor.standard()), "UTF-8"))
                    .as(record.type()).isEqualTo(new String(expected, "UTF-8"));
            assertThat(RecordCodec.decode(RecordCodec.encode(record, Redactor.none()))).as(record.type())
                    .isEqualTo(RecordCodec.decode(Json.mapper().writeValueAsBytes(
                            RecordCodec.toJson(record, Redactor.none()))));
        }
    }

    @Test
    void instantsAreFormattedAsInstantToStringDoes() {
        SplittableRandom random = new SplittableRandom(42);
        List<Instant> samples = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.100Z"), Instant.parse("2026-01-01T00:00:00.000100Z"),
                Instant.parse("2026-01-01T00:00:00.000000001Z"), Instant.parse("+12026-01-01T00:00:00Z"),
                Instant.parse("-0001-01-01T00:00:00.5Z")));
        for (int i = 0; i < 10_000; i++) {
            long second = random.nextLong(0, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            samples.add(Instant.ofEpochSecond(second, nanos));
            samples.add(Instant.ofEpochSecond(second, (nanos + 1) % 1_000_000_000));
        }
        for (Instant at : samples) {
            assertThat(IsoInstants.format(at)).isEqualTo(at.toString());
        }
    }
}
