package dev.switchboard.media.rtc.worker;

/**
 * What a worker does in a job's room. {@link #run} is called on a virtual thread of its own once the
 * job's participant has joined; the job lasts as long as {@code run} does. Returning ends the job with
 * {@code JS_SUCCESS}; throwing ends it with {@code JS_FAILED} and the exception's class and message as
 * the error (keep secrets out of messages). A long-lived agent typically sets itself up and then
 * blocks in {@link JobContext#awaitShutdown()}. Implementations are called concurrently for different
 * jobs and must be thread-safe.
 */
@FunctionalInterface
public interface JobHandler {

    /** Runs one job; see the type's documentation. */
    void run(JobContext job);
}
