package dev.switchboard.testkit.fakes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP/1.1 server on loopback for protocol fakes: one connection per request
 * ({@code Connection: close}), handlers that write responses piece by piece (SSE, streamed audio),
 * break the connection mid-response, or upgrade to a WebSocket. Thread-safe.
 */
public final class FakeHttpServer implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /** Handles {@code request}; the connection closes when this returns. */
        void handle(FakeRequest request, FakeResponse response) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<FakeRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private FakeHttpServer() throws IOException {
        socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-http-accept").start(this::accept);
    }

    /** Starts a server on a free loopback port. */
    public static FakeHttpServer start() {
        try {
            return new FakeHttpServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback port", e);
        }
    }

    /** Routes {@code METHOD path} (exact path; a trailing {@code *} matches a prefix) to {@code handler}. */
    public FakeHttpServer route(String method, String path, Handler handler) {
        routes.put(method.toUpperCase(Locale.ROOT) + " " + path, handler);
        return this;
    }

    /** {@code http://127.0.0.1:port}. */
    public String httpUrl() {
        return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    /** {@code ws://127.0.0.1:port}. */
    public String wsUrl() {
        return "ws://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    /** Every request received so far, oldest first. */
    public List<FakeRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread.ofVirtual().name("fake-http-conn").start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            FakeRequest request = read(in);
            requests.add(request);
            FakeResponse response = new FakeResponse(s, request);
            Handler h = find(request);
            if (h == null) {
                response.json(404, "{\"error\":{\"message\":\"no route for " + request.method() + " "
                        + request.path() + "\"}}");
            } else {
                h.handle(request, response);
                response.finishIfOpen();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away, or the handler broke the connection on purpose
        } finally {
            open.remove(s);
        }
    }

    private Handler find(FakeRequest r) {
        Handler exact = routes.get(r.method() + " " + r.path());
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Handler> e : routes.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("*") && (r.method() + " " + r.path()).startsWith(key.substring(0, key.length() - 1))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static FakeRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
            throw new IOException("bad request line: " + requestLine);
        }
        Map<String, String> headers = new HashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, String> query = new HashMap<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        return new FakeRequest(parts[0], path, query, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                out.write(c);
            }
        }
        if (c < 0 && out.size() == 0) {
            throw new IOException("connection closed before a request");
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
