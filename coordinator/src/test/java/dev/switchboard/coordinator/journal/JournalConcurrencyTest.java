package dev.switchboard.coordinator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Many writers at once, on virtual and on platform threads, with and without fsync. */
class JournalConcurrencyTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "virtual={0}, fsync={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void concurrentAppendsAreAllDurableAndInOrderPerRun(boolean virtual, boolean fsync) throws Exception {
        int writers = 8;
        int perWriter = fsync ? 20 : 60;
        Path file = dir.resolve("journal.swj");
        ThreadFactory threads = virtual ? Thread.ofVirtual().factory() : Thread.ofPlatform().factory();
        try (Journal journal = Journal.builder(file).fsync(fsync).build();
                ExecutorService pool = Executors.newThreadPerTaskExecutor(threads)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String run = "run-" + w;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        journal.append(Records.started(run, "s" + i));
                        assertThat(journal.runs()).isNotEmpty();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        try (Journal journal = Journal.open(file)) {
            assertThat(journal.corruption()).isEmpty();
            assertThat(journal.runs()).hasSize(writers);
            for (int w = 0; w < writers; w++) {
                List<JournalRecord> records = journal.records("run-" + w).orElseThrow();
                assertThat(records).hasSize(perWriter);
                for (int i = 0; i < perWriter; i++) {
                    assertThat(((JournalRecord.StepStarted) records.get(i)).stepId()).isEqualTo("s" + i);
                }
            }
        }
    }
}
