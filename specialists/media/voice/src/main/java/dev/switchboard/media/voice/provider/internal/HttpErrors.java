package dev.switchboard.media.voice.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.media.voice.spi.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns HTTP failures into {@link ProviderException}s that name the status and the provider's own
 * error message (OpenAI {@code error.message}, ElevenLabs {@code detail.message}, Deepgram
 * {@code err_msg}), never a key. Thread-safe.
 */
public final class HttpErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 4096;

    private HttpErrors() {
    }

    /** The failure of a non-2xx {@code response} (reads up to 4 KiB of its body). */
    public static ProviderException status(String provider, Response response, Redactor redactor) {
        String detail = "";
        ResponseBody body = response.body();
        try {
            detail = new String(body.byteStream().readNBytes(MAX_BODY), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            detail = "";
        }
        return status(provider, response.code(), detail, redactor);
    }

    /** The failure for HTTP {@code code} with response text {@code body}. */
    public static ProviderException status(String provider, int code, String body, Redactor redactor) {
        String message = providerMessage(body);
        String text = "HTTP " + code + (message.isEmpty() ? "" : ": " + redactor.clean(message));
        return new ProviderException(provider, text, retryable(code));
    }

    /** Whether another attempt or provider may succeed after HTTP {@code code}. */
    public static boolean retryable(int code) {
        // 400 and 422 say the request itself is wrong: the next provider would refuse it too.
        return code != 400 && code != 422;
    }

    /** The failure of a connection-level {@code error}, e.g. refused, reset or timed out. */
    public static ProviderException io(String provider, String what, IOException error, Redactor redactor) {
        String kind = switch (error) {
            case ConnectException c -> "connection refused";
            case UnknownHostException u -> "unknown host";
            case SocketTimeoutException s -> "timed out";
            case InterruptedIOException i -> "timed out";
            default -> "connection failed";
        };
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new ProviderException(provider, what + ": " + kind + " (" + redactor.clean(detail) + ")", true);
    }

    /**
     * What a failed WebSocket (OkHttp's {@code onFailure}) means: the HTTP refusal of the upgrade
     * when there was one, else the I/O problem, else the throwable's text, all without keys.
     */
    public static ProviderException webSocket(String provider, Throwable t, Response response, Redactor redactor) {
        if (response != null && response.code() != 101) {
            return status(provider, response, redactor);
        } else if (t instanceof IOException io) {
            return io(provider, "stream", io, redactor);
        }
        return new ProviderException(provider, "stream failed: " + redactor.clean(String.valueOf(t)), true);
    }

    /** The provider's own message in an error body, or the body's start when it is not JSON. */
    static String providerMessage(String body) {
        String b = body.strip();
        if (b.isEmpty()) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(b);
            for (String path : new String[] {"/error/message", "/detail/message", "/err_msg", "/message",
                "/error", "/detail"}) {
                JsonNode m = n.at(path);
                if (m.isTextual() && !m.asText().isBlank()) {
                    return m.asText();
                }
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw text
        }
        return b.length() > 200 ? b.substring(0, 200) : b;
    }
}
