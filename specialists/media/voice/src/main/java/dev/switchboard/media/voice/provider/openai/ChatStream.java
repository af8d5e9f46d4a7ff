package dev.switchboard.media.voice.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.provider.internal.Http;
import dev.switchboard.media.voice.provider.internal.HttpErrors;
import dev.switchboard.media.voice.provider.internal.Redactor;
import dev.switchboard.media.voice.spi.LlmCall;
import dev.switchboard.media.voice.spi.LlmListener;
import dev.switchboard.media.voice.spi.LlmUsage;
import dev.switchboard.media.voice.spi.ProviderException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * One streamed chat completion: reads the server-sent events, forwards text deltas as they come,
 * assembles tool calls, and ends with exactly one of complete or error unless cancelled. The
 * first-token deadline cancels the HTTP call; the client's read timeout is the idle deadline.
 * Thread-safe ({@link #cancel()} from any thread; callbacks on the call's thread).
 */
final class ChatStream implements LlmCall, Callback {

    private final String provider;
    private final LlmListener listener;
    private final Redactor redactor;
    private final Duration firstToken;
    private final Duration idle;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final ToolCallAssembler tools = new ToolCallAssembler();
    private volatile boolean firstTokenSeen;
    private volatile boolean firstTokenExpired;
    private volatile Call call;
    private volatile ScheduledFuture<?> deadline;
    private LlmUsage usage = LlmUsage.NONE;
    private int chunks;
    private boolean finishReasonSeen;

    ChatStream(String provider, LlmListener listener, Redactor redactor, Duration firstToken, Duration idle) {
        this.provider = provider;
        this.listener = listener;
        this.redactor = redactor;
        this.firstToken = firstToken;
        this.idle = idle;
    }

    void start(OkHttpClient client, Request request) {
        call = client.newCall(request);
        deadline = Http.timers().schedule(this::firstTokenDeadline, firstToken.toMillis(), TimeUnit.MILLISECONDS);
        call.enqueue(this);
    }

    @Override
    public void cancel() {
        if (finished.compareAndSet(false, true)) {
            deadline.cancel(false);
            call.cancel();
        }
    }

    private void firstTokenDeadline() {
        if (!firstTokenSeen && !finished.get()) {
            firstTokenExpired = true;
            call.cancel();
        }
    }

    @Override
    public void onFailure(Call c, IOException e) {
        fail(ioFailure(e));
    }

    @Override
    public void onResponse(Call c, Response response) {
        try (response) {
            if (!response.isSuccessful()) {
                fail(HttpErrors.status(provider, response, redactor));
                return;
            }
            readEvents(response.body().source());
        } catch (IOException e) {
            fail(ioFailure(e));
        } catch (RuntimeException e) {
            fail(new ProviderException(provider, "malformed stream: " + redactor.clean(String.valueOf(e.getMessage())),
                    true));
        }
    }

    private void readEvents(BufferedSource source) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty() && dispatch(data.toString())) {
                    return;
                }
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
            // other fields (event:, id:, retry:) and comments (": keep-alive") are ignored
        }
        if (!data.isEmpty() && dispatch(data.toString())) {
            return;
        }
        if (finishReasonSeen) {
            complete(); // some servers end after the finish chunk without [DONE]
        } else {
            fail(new ProviderException(provider, "the server closed the stream before it finished (after "
                    + chunks + " chunks, no [DONE])", true));
        }
    }

    /** Handles one event's data; true when the stream is over. */
    private boolean dispatch(String data) throws IOException {
        if (data.equals("[DONE]")) {
            complete();
            return true;
        }
        JsonNode chunk = ChatBody.JSON.readTree(data);
        chunks++;
        JsonNode error = chunk.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            String m = error.path("message").isTextual() ? error.get("message").asText() : error.toString();
            fail(new ProviderException(provider, "error in stream: " + redactor.clean(m), true));
            return true;
        }
        JsonNode u = chunk.path("usage");
        if (u.isObject()) {
            usage = new LlmUsage(u.path("prompt_tokens").asInt(0), u.path("completion_tokens").asInt(0));
        }
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode delta = choice.path("delta");
            JsonNode content = delta.path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                firstToken();
                if (!finished.get()) {
                    listener.onTextDelta(content.asText());
                }
            }
            if (delta.path("tool_calls").isArray()) {
                firstToken();
                tools.add(delta.get("tool_calls"));
            }
            if (choice.path("finish_reason").isTextual()) {
                finishReasonSeen = true;
            }
        }
        return finished.get();
    }

    private void firstToken() {
        if (!firstTokenSeen) {
            firstTokenSeen = true;
            deadline.cancel(false);
        }
    }

    private void complete() {
        ToolCallAssembler.Result r = tools.finish();
        if (r.problem().isPresent()) {
            fail(new ProviderException(provider, "malformed reply: " + r.problem().get(), true));
            return;
        }
        if (finished.get()) {
            return;
        }
        r.calls().forEach(listener::onToolCall);
        if (finished.compareAndSet(false, true)) {
            deadline.cancel(false);
            listener.onComplete(usage);
        }
    }

    private ProviderException ioFailure(IOException e) {
        if (firstTokenExpired) {
            return new ProviderException(provider, "no first token within " + firstToken.toMillis() + " ms", true);
        }
        if (e instanceof java.net.SocketTimeoutException && firstTokenSeen) {
            return new ProviderException(provider, "the stream stalled: no data for " + idle.toMillis() + " ms", true);
        }
        if (chunks > 0) {
            return new ProviderException(provider, "the connection broke mid-stream after " + chunks + " chunks ("
                    + redactor.clean(String.valueOf(e.getMessage())) + ")", true);
        }
        return HttpErrors.io(provider, "chat request", e, redactor);
    }

    private void fail(ProviderException e) {
        if (finished.compareAndSet(false, true)) {
            deadline.cancel(false);
            listener.onError(e);
        }
    }
}
