package dev.switchboard.media.voice.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session's serial executor on the shared DSP platform pool: tasks run one at a time, in
 * submission order, so the session's state needs no locks. Listeners (audio thread, provider
 * threads, timers) only post here. Thread-safe.
 */
final class Lane implements Executor {

    private static final System.Logger LOG = System.getLogger(Lane.class.getName());
    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    Lane(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        int batch = 0;
        do {
            Runnable task = tasks.poll();
            if (task != null) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.WARNING, "session task failed", e);
                }
            }
            if (++batch >= 64) {
                if (pending.decrementAndGet() > 0) {
                    pool.execute(this::drain);
                }
                return;
            }
        } while (pending.decrementAndGet() > 0);
    }
}
