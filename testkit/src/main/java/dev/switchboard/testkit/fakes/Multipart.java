package dev.switchboard.testkit.fakes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Parses a {@code multipart/form-data} request body into its named parts. Stateless. */
final class Multipart {

    /** One part: its file name (empty for a field) and bytes. */
    record Part(String filename, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    static Map<String, Part> parse(FakeRequest rq) throws IOException {
        String type = rq.header("content-type").orElse("");
        int b = type.indexOf("boundary=");
        if (!type.startsWith("multipart/form-data") || b < 0) {
            throw new IOException("not multipart/form-data: " + type);
        }
        byte[] delimiter = ("--" + type.substring(b + 9).replace("\"", "")).getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = rq.body();
        Map<String, Part> parts = new HashMap<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                throw new IOException("multipart body has no closing delimiter");
            }
            byte[] section = Arrays.copyOfRange(body, start + 2, next - 2); // skip CRLF after and before
            int split = indexOf(section, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String headers = new String(section, 0, split, StandardCharsets.ISO_8859_1);
            String name = attribute(headers, "name");
            parts.put(name, new Part(attribute(headers, "filename"), Arrays.copyOfRange(section, split + 4,
                    section.length)));
            at = next;
        }
        return parts;
    }

    private static String attribute(String headers, String key) {
        int i = headers.indexOf(" " + key + "=\"");
        if (i < 0) {
            i = headers.indexOf(";" + key + "=\"");
        }
        if (i < 0) {
            return "";
        }
        int s = i + key.length() + 3;
        return headers.substring(s, headers.indexOf('"', s));
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
