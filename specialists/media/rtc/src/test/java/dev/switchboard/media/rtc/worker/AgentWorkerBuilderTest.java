package dev.switchboard.media.rtc.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each bad setting is refused at build time, naming the setting. */
class AgentWorkerBuilderTest {

    private static AgentWorkerBuilder valid() {
        return AgentWorker.builder().url(URI.create("ws://127.0.0.1:7880")).apiKey("key")
                .apiSecret(Secret.of("ref", "secret")).handler(job -> { });
    }

    @Test
    void refusesEachBadSetting() {
        assertThatThrownBy(() -> AgentWorker.builder().build()).hasMessage("url: is required");
        assertThatThrownBy(() -> valid().url(URI.create("ftp://x")).build()).hasMessageStartingWith("url: scheme");
        assertThatThrownBy(() -> valid().apiKey(" ").build()).hasMessage("apiKey: is required");
        assertThatThrownBy(() -> valid().loadThreshold(0).build()).hasMessageStartingWith("loadThreshold:");
        assertThatThrownBy(() -> valid().loadThreshold(1.5).build()).hasMessageStartingWith("loadThreshold:");
        assertThatThrownBy(() -> valid().maxJobs(0).build()).hasMessage("maxJobs: must be at least 1, got 0");
        assertThatThrownBy(() -> valid().statusInterval(Duration.ZERO).build())
                .hasMessageStartingWith("statusInterval:");
        assertThatThrownBy(() -> valid().drainTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageStartingWith("drainTimeout:");
    }

    @Test
    void agentUrlKeepsThePathAndMapsTheScheme() {
        assertThat(WorkerSocket.agentUrl(URI.create("wss://lk.example.com/base/"))).isEqualTo(
                "https://lk.example.com/base/agent?protocol=1");
        assertThat(WorkerSocket.agentUrl(URI.create("http://10.0.0.2:7880"))).isEqualTo(
                "http://10.0.0.2:7880/agent?protocol=1");
    }

    @Test
    void aNewWorkerReportsItsStateAndClosesWithoutStarting() {
        AgentWorker w = valid().build();
        assertThat(w.status().state()).isEqualTo(WorkerState.NEW);
        w.close();
        assertThat(w.status().state()).isEqualTo(WorkerState.CLOSED);
        assertThatThrownBy(w::start).isInstanceOf(WorkerStateException.class);
    }
}
