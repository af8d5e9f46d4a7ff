package dev.switchboard.coordinator.workflow;

import dev.switchboard.coordinator.journal.Journal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A journal in a temp folder, the test specialist, and an engine that never really sleeps. */
final class Fixture implements AutoCloseable {

    final Effects effects;
    final TestSpecialist specialist;
    final TestCatalog catalog;
    final Journal journal;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
    final WorkflowEngine engine;

    Fixture(Path dir) {
        this(dir.resolve("journal.swj"), Effects.inMemory(), false);
    }

    Fixture(Path journalFile, Effects effects, boolean fsync) {
        this.effects = effects;
        this.specialist = new TestSpecialist(effects);
        this.catalog = new TestCatalog(specialist);
        this.journal = Journal.builder(journalFile).fsync(fsync).build();
        this.engine = WorkflowEngine.builder().journal(journal).executor(catalog.executor()).catalog(catalog)
                .retry(new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofMillis(150)))
                .sleeper(sleeps::add).listener(events::add).build();
    }

    List<String> eventTypes() {
        return events.stream().map(WorkflowEvent::type).toList();
    }

    @Override
    public void close() {
        journal.close();
    }
}
