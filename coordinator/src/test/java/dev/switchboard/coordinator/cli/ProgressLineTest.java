package dev.switchboard.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.SwitchboardEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What each progress mode writes. */
class ProgressLineTest {

    private final StringWriter err = new StringWriter();

    private ProgressLine line(ProgressMode mode, boolean json) {
        return ProgressLine.of(mode, json, new PrintWriter(err, true));
    }

    @Test
    void plainModeThrottlesToOneLineASecondButAlwaysShowsTheLast() {
        try (ProgressLine line = line(ProgressMode.plain, false)) {
            line.update("step 1");
            line.update("step 2");
            line.last("done");
        }
        assertThat(err.toString()).isEqualTo("step 1" + System.lineSeparator() + "done" + System.lineSeparator());
    }

    @Test
    void ttyModeRewritesOneLineAndClearsItWhenStopped() {
        ProgressLine line = line(ProgressMode.tty, false);
        line.last("a");
        line.last("b");
        line.stop();
        assertThat(err.toString()).isEqualTo("\ra\033[K\rb\033[K\r\033[K");
        line.close();
        line.last("after close");
        assertThat(err.toString()).doesNotContain("after close");
    }

    @Test
    void jsonOutputAndNoneShowNothing() {
        line(ProgressMode.plain, true).last("json");
        line(ProgressMode.tty, true).last("json");
        line(ProgressMode.none, false).last("none");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aWaitShowsItsElapsedTimeAndTheWorkflowStepsAfterASecond() throws Exception {
        ProgressLine line = line(ProgressMode.plain, false);
        Waiting waiting = Waiting.start(line, "session.start");
        waiting.on(event("workflow.step-succeeded", "session.start", "room"));
        assertThat(err.toString()).as("nothing in the first second").isEmpty();
        Thread.sleep(1_300);
        waiting.on(event("workflow.step-succeeded", "other.workflow", "x"));
        waiting.on(event("workflow.step-succeeded", "session.start", "user-token"));
        waiting.close();
        assertThat(err.toString()).contains("session.start: 1 s, 2 steps done, step user-token done")
                .doesNotContain("step x");
    }

    private static SwitchboardEvent event(String type, String workflow, String step) {
        return new SwitchboardEvent(type, "coordinator", Instant.now(),
                Json.object().put("workflow", workflow).put("step", step));
    }
}
