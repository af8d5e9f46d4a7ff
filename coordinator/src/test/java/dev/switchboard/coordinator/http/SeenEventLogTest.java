package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenEventLogTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private SeenEventLog open(int max) throws IOException {
        return SeenEventLog.open(dir.resolve("seen.log"), Duration.ofHours(1), max, false, clock);
    }

    @Test
    void remembersIdsAcrossReopenAndSkipsATornTail() throws IOException {
        try (SeenEventLog log = open(100)) {
            assertThat(log.markIfNew("EV_a")).isTrue();
            assertThat(log.markIfNew("EV_b")).isTrue();
            assertThat(log.markIfNew("EV_a")).isFalse();
        }
        Files.writeString(dir.resolve("seen.log"), "17637", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (SeenEventLog log = open(100)) {
            assertThat(log.size()).isEqualTo(2);
            assertThat(log.markIfNew("EV_a")).isFalse();
            assertThat(log.markIfNew("EV_c")).isTrue();
        }
        assertThat(Files.readAllLines(dir.resolve("seen.log"))).hasSize(3).allMatch(l -> l.matches("\\d+ EV_[abc]"));
    }

    @Test
    void forgetsIdsOutsideTheWindowAndBeyondTheBound() throws IOException {
        try (SeenEventLog log = open(3)) {
            log.markIfNew("EV_1");
            clock.advance(Duration.ofMinutes(61));
            assertThat(log.markIfNew("EV_1")).as("outside the window").isTrue();
            log.markIfNew("EV_2");
            log.markIfNew("EV_3");
            log.markIfNew("EV_4");
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.markIfNew("EV_1")).as("evicted by the bound").isTrue();
        }
    }

    @Test
    void compactsTheFileSoItStaysBounded() throws IOException {
        try (SeenEventLog log = open(10)) {
            for (int i = 0; i < 3_000; i++) {
                log.markIfNew("EV_" + i);
            }
        }
        assertThat(Files.readAllLines(dir.resolve("seen.log")).size()).isLessThanOrEqualTo(1_001);
        try (SeenEventLog log = open(10)) {
            assertThat(log.size()).isEqualTo(10);
            assertThat(log.markIfNew("EV_2999")).isFalse();
        }
    }
}
