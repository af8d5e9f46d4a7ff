package dev.switchboard.testkit.fakes;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The response side of one fake exchange: a whole response, a chunked stream written piece by
 * piece, a broken connection, or a WebSocket upgrade. Used by one handler thread.
 */
public final class FakeResponse {

    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Socket socket;
    private final FakeRequest request;
    private final OutputStream out;
    private boolean started;
    private boolean streaming;
    private boolean done;

    FakeResponse(Socket socket, FakeRequest request) throws IOException {
        this.socket = socket;
        this.request = request;
        this.out = socket.getOutputStream();
    }

    /** A whole response. */
    public void send(int status, String contentType, byte[] body) throws IOException {
        head(status, contentType, "Content-Length: " + body.length);
        out.write(body);
        out.flush();
        done = true;
    }

    /** A whole JSON response. */
    public void json(int status, String json) throws IOException {
        send(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a chunked response; follow with {@link #write} and {@link #finish()}. */
    public void startStream(int status, String contentType) throws IOException {
        head(status, contentType, "Transfer-Encoding: chunked");
        streaming = true;
    }

    /** Writes and flushes one chunk of a streamed response. */
    public void write(byte[] bytes) throws IOException {
        if (!streaming) {
            throw new IllegalStateException("call startStream first");
        }
        if (bytes.length == 0) {
            return;
        }
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Writes UTF-8 text as one chunk. */
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends a streamed response properly. */
    public void finish() throws IOException {
        if (streaming && !done) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            done = true;
        }
    }

    /** Breaks the connection now (a TCP reset), as a crashing server or a dropped link would. */
    public void disconnect() throws IOException {
        done = true;
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Accepts a WebSocket upgrade and returns the socket's message side. */
    public FakeWebSocket webSocket() throws IOException {
        String key = request.header("sec-websocket-key")
                .orElseThrow(() -> new IOException("not a WebSocket upgrade request"));
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + WS_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        started = true;
        done = true;
        return new FakeWebSocket(socket);
    }

    void finishIfOpen() throws IOException {
        if (!started) {
            json(500, "{\"error\":{\"message\":\"the fake's handler wrote no response\"}}");
        } else {
            finish();
        }
    }

    private void head(int status, String contentType, String lengthHeader) throws IOException {
        if (started) {
            throw new IllegalStateException("the response has started already");
        }
        started = true;
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType + "\r\n"
                + lengthHeader + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
