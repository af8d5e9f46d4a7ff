package dev.switchboard.coordinator.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.spi.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModeRegistryReloadTest {

    private static final String GOOD = "[coordinator]\ndefault-timeout = \"5s\"\n";

    @TempDir
    Path tmp;

    private Path folder() {
        return tmp.resolve("modes");
    }

    private static String timeout(ModeSet modes) {
        return modes.section("coordinator").orElseThrow().tree().path("default-timeout").asText();
    }

    /** Records what listeners hear. */
    private static final class Heard implements ModeListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void onActivated(ModeSet modes) {
            events.add(modes);
        }

        @Override
        public void onRejected(ConfigException problem) {
            events.add(problem);
        }

        Object next() throws InterruptedException {
            Object event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("a reload within 10 s").isNotNull();
            return event;
        }
    }

    @Test
    void aBadEditIsRejectedAndTheRunningModesStay() throws Exception {
        ModeFiles.write(folder(), "coordinator.toml", GOOD);
        try (ModeRegistry registry = ModeRegistry.builder().folder(folder()).debounce(Duration.ofMillis(50)).build()) {
            Heard heard = new Heard();
            registry.addListener(heard);
            registry.watch();
            ModeSet running = registry.current();

            ModeFiles.write(folder(), "coordinator.toml", "[coordinator]\ndefault-timeout = 5\n");
            Object rejection = heard.next();
            assertThat(rejection).isInstanceOfSatisfying(ConfigException.class, e ->
                    assertThat(e.problems().getFirst().location())
                            .isEqualTo("modes/coordinator.toml:2:coordinator.default-timeout"));
            assertThat(registry.current()).isSameAs(running);

            ModeFiles.write(folder(), "coordinator.toml", "[coordinator]\ndefault-timeout = \"7s\"\n");
            Object activation = heard.next();
            assertThat(activation).isInstanceOf(ModeSet.class);
            assertThat(timeout(registry.current())).isEqualTo("7s");
        }
    }

    @Test
    void theActivationCheckCanRefuseAValidFile() {
        ModeFiles.write(folder(), "coordinator.toml", GOOD);
        try (ModeRegistry registry = ModeRegistry.builder().folder(folder()).activation(modes -> {
            if (timeout(modes).equals("1s")) {
                throw modes.section("coordinator").orElseThrow().invalid("default-timeout", "too short");
            }
        }).build()) {
            ModeFiles.write(folder(), "coordinator.toml", "[coordinator]\n\ndefault-timeout = \"1s\"\n");
            ConfigException e = catchThrowableOfType(ConfigException.class, registry::reload);
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.location()).isEqualTo("modes/coordinator.toml:3:coordinator.default-timeout");
                assertThat(p.message()).isEqualTo("too short");
            });
            assertThat(timeout(registry.current())).isEqualTo("5s");
        }
    }

    @Test
    void manyQuickWritesCauseOneReload() throws Exception {
        ModeFiles.write(folder(), "coordinator.toml", GOOD);
        try (ModeRegistry registry = ModeRegistry.builder().folder(folder()).debounce(Duration.ofMillis(300)).build()) {
            Heard heard = new Heard();
            registry.addListener(heard);
            registry.watch();
            for (int i = 1; i <= 5; i++) {
                ModeFiles.write(folder(), "coordinator.toml", "[coordinator]\ndefault-timeout = \"" + i + "0s\"\n");
            }
            assertThat(heard.next()).isInstanceOf(ModeSet.class);
            assertThat(timeout(registry.current())).isEqualTo("50s");
            assertThat(heard.events.poll(1, TimeUnit.SECONDS)).as("no second reload").isNull();
        }
    }

    @Test
    void anInvalidFolderFailsTheFirstLoad() {
        ModeFiles.write(folder(), "coordinator.toml", "[coordinator\n");
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ModeRegistry.builder().folder(folder()).build());
        assertThat(e.problems().getFirst().location()).startsWith("modes/coordinator.toml:1:");
    }

    @Test
    void watchingWithoutAFolderIsRefused() {
        try (ModeRegistry registry = ModeRegistry.builder().build()) {
            assertThat(catchThrowableOfType(IllegalStateException.class, registry::watch))
                    .hasMessageContaining("no folder");
            assertThat(registry.current().section("router")).isPresent();
        }
    }
}
