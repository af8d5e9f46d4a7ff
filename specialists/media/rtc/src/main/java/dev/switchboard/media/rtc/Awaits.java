package dev.switchboard.media.rtc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a step's future with a deadline and turns its failure into the matching RtcException. Stateless. */
final class Awaits {

    private Awaits() {
    }

    /**
     * The future's value.
     *
     * @throws RtcTimeoutException after {@code timeout}, naming {@code what}
     * @throws RtcException the step's own failure when it was one, else an RtcStateException around it
     */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RtcTimeoutException(what + " did not finish within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof RtcException rtc) {
                throw rtc;
            }
            if (cause instanceof TimeoutException) {
                throw new RtcTimeoutException(what + " did not finish within " + timeout);
            }
            throw new RtcStateException(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RtcStateException("interrupted during " + what);
        }
    }
}
