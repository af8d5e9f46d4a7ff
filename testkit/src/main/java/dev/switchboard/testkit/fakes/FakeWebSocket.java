package dev.switchboard.testkit.fakes;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server side of one WebSocket (RFC 6455): frames from the client are unmasked and queued,
 * pings answered; text, binary and close frames go out unmasked. Thread-safe.
 */
public final class FakeWebSocket {

    /** A message from the client. */
    public sealed interface Message {
        /** A text message. */
        record Text(String text) implements Message {
        }

        /** A binary message. */
        record Binary(byte[] bytes) implements Message {
        }

        /** The client closed (or the connection ended: code 1006). */
        record Close(int code, String reason) implements Message {
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private volatile boolean closeSent;

    FakeWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        Thread.ofVirtual().name("fake-ws-read").start(() -> readLoop(in));
    }

    /** The next message, or empty when none came within {@code timeout}. */
    public Optional<Message> receive(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Sends a text message. */
    public synchronized void sendText(String text) throws IOException {
        frame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a binary message. */
    public synchronized void sendBinary(byte[] bytes) throws IOException {
        frame(0x2, bytes);
    }

    /** Sends a close frame with {@code code} and {@code reason}. */
    public synchronized void close(int code, String reason) throws IOException {
        if (closeSent) {
            return;
        }
        closeSent = true;
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        frame(0x8, ByteBuffer.allocate(2 + r.length).putShort((short) code).put(r).array());
    }

    /** Breaks the connection without a close frame. */
    public void disconnect() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private void frame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
        f.write(0x80 | opcode);
        if (payload.length < 126) {
            f.write(payload.length);
        } else if (payload.length < 65_536) {
            f.write(126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xff);
        } else {
            f.write(127);
            f.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        f.writeBytes(payload);
        out.write(f.toByteArray());
        out.flush();
    }

    private void readLoop(DataInputStream in) {
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        int partialOpcode = 0;
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                int opcode = b0 & 0x0f;
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                if (opcode == 0x9) {
                    synchronized (this) {
                        frame(0xA, payload);
                    }
                    continue;
                }
                if (opcode == 0x8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    String reason = payload.length > 2
                            ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                    inbox.add(new Message.Close(code, reason));
                    close(1000, "");
                    return;
                }
                if (opcode == 0x1 || opcode == 0x2) {
                    partialOpcode = opcode;
                    partial.reset();
                }
                if (opcode <= 0x2) {
                    partial.writeBytes(payload);
                    if ((b0 & 0x80) != 0) {
                        byte[] all = partial.toByteArray();
                        inbox.add(partialOpcode == 0x1
                                ? new Message.Text(new String(all, StandardCharsets.UTF_8))
                                : new Message.Binary(all));
                    }
                }
            }
        } catch (IOException e) {
            inbox.add(new Message.Close(1006, "connection lost"));
        }
    }
}
