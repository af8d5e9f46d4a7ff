package dev.switchboard.coordinator.http;

import dev.switchboard.spi.SwitchboardException;
import dev.switchboard.spi.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a coordinator call until a request's deadline, answering 504 past it. Stateless. */
final class Deadlines {

    private Deadlines() {
    }

    /**
     * The future's value, or a 504 {@link HttpError} (after cancelling it) once {@code deadline} passes.
     * Exceptions the call threw are rethrown as they are.
     */
    static <T> T await(CompletableFuture<T> future, Instant deadline, TimeSource time) {
        long nanos = Duration.between(time.now(), deadline).toNanos();
        if (nanos <= 0) {
            future.cancel(true);
            throw expired();
        }
        try {
            return future.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw expired();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new HttpError(503, "unavailable", "the server is shutting down");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SwitchboardException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the coordinator call failed", cause);
        }
    }

    private static HttpError expired() {
        return new HttpError(504, "deadline_exceeded", "the request's deadline passed before it finished");
    }
}
