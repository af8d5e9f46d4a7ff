package dev.switchboard.bench;

import java.util.List;

/**
 * An end-to-end harness (not JMH): it starts what it needs (a real livekit-server in a network
 * namespace, participants), measures, prints progress as it goes and returns its figures, one line
 * each, for the report {@link BenchMain} prints at the end. Implementations are not thread-safe;
 * {@link BenchMain} runs one at a time.
 */
public interface EndToEnd {

    /** The name {@code bench/run.sh} arguments are matched against (a regex find). */
    String name();

    /**
     * Runs the harness, bounded in time.
     *
     * @param quick {@code BENCH_QUICK=1}: shorter windows and fewer levels (rough figures)
     * @return the figures, one line each, each naming its target or reference
     * @throws Exception when the harness cannot run (the message says why)
     */
    List<String> run(boolean quick) throws Exception;
}
