package dev.switchboard.media.voice.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.ProviderException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a session's report (transcript, tool calls, handoffs, turn metrics, states, failovers) and records the
 * turn figures in Micrometer ({@code voice.turn.*} timers tagged by agent). Thread-safe (synchronized;
 * written from the lane, read from any thread).
 */
final class Recorder {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(Duration.class, new DurationMillis()))
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final String sessionId;
    private final String room;
    private final Instant startedAt;
    private final MeterRegistry meters;
    private final List<SessionReport.Entry> transcript = new ArrayList<>();
    private final List<SessionReport.ToolCallRecord> toolCalls = new ArrayList<>();
    private final List<SessionReport.HandoffRecord> handoffs = new ArrayList<>();
    private final List<TurnMetrics> turns = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final List<SessionReport.FailoverRecord> failovers = new ArrayList<>();
    private final List<SessionReport.ProviderFailureRecord> providerFailures = new ArrayList<>();

    Recorder(String sessionId, String room, Instant startedAt, MeterRegistry meters) {
        this.sessionId = sessionId;
        this.room = room;
        this.startedAt = startedAt;
        this.meters = meters;
    }

    synchronized void entry(SessionReport.Entry e) {
        transcript.add(e);
    }

    synchronized void toolCall(SessionReport.ToolCallRecord call) {
        toolCalls.add(call);
        meters.counter("voice.tool.calls", "tool", call.name(), "error", Boolean.toString(call.error())).increment();
    }

    synchronized void handoff(SessionReport.HandoffRecord h) {
        handoffs.add(h);
    }

    /** A fallback chain moved on; counted in {@code voice.provider.failovers} (tags kind, from, to, skipped). */
    synchronized void failover(String kind, Failover f) {
        failovers.add(new SessionReport.FailoverRecord(kind, f.chain(), f.from(), f.to(), f.reason(), Instant.now()));
        meters.counter("voice.provider.failovers", "kind", kind, "from", f.from(), "to", f.to(),
                "skipped", Boolean.toString(f.skipped())).increment();
    }

    /** Every provider of a {@code kind} chain failed; counted in {@code voice.provider.exhausted} (tag kind). */
    synchronized void providerFailure(String kind, ProviderException error) {
        providerFailures.add(new SessionReport.ProviderFailureRecord(kind, error.provider(), error.getMessage(),
                Instant.now()));
        meters.counter("voice.provider.exhausted", "kind", kind).increment();
    }

    /** The fallback line was spoken because a {@code kind} provider failed; counted in {@code voice.fallback_line}. */
    void fallbackLine(String kind) {
        meters.counter("voice.fallback_line", "kind", kind).increment();
    }

    synchronized void state(AgentState s) {
        states.add(s.wire());
    }

    synchronized void turn(TurnMetrics m) {
        turns.add(m);
        time("voice.turn.end_of_utterance", m.agent(), m.endOfUtterance());
        time("voice.turn.stt_final", m.agent(), m.sttFinal());
        time("voice.turn.llm_ttft", m.agent(), m.llmTtft());
        time("voice.turn.tts_ttfb", m.agent(), m.ttsTtfb());
        time("voice.turn.end_to_end", m.agent(), m.endToEnd());
        time("voice.turn.framework_added", m.agent(), m.frameworkAdded());
    }

    private void time(String name, String agent, Duration d) {
        Timer.builder(name).tag("agent", agent).register(meters).record(d);
    }

    synchronized SessionReport report(Instant now) {
        return new SessionReport(sessionId, room, startedAt, now, transcript, toolCalls, handoffs, turns, states,
                failovers, providerFailures);
    }

    /** Writes {@code <dir>/<sessionId>.json}. */
    void write(Path dir, Instant now) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(sessionId + ".json.tmp");
            Files.write(tmp, JSON.writeValueAsBytes(report(now)));
            Files.move(tmp, dir.resolve(sessionId + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the session report to " + dir, e);
        }
    }

    /** Durations in the report are milliseconds with microsecond precision. */
    private static final class DurationMillis extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Duration> {
        DurationMillis() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, com.fasterxml.jackson.core.JsonGenerator gen,
                              com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
            gen.writeNumber(java.math.BigDecimal.valueOf(value.toNanos() / 1000, 3));
        }
    }

    static String toJson(SessionReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
