package dev.switchboard.media.voice.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts streamed LLM text into pieces for TTS: at sentence ends ({@code . ! ?} followed by a space)
 * and, once {@link #MIN_CLAUSE} characters are waiting, at the first clause break ({@code , ; :}),
 * so speech starts early. Strips markdown emphasis and never passes the text "None" on its own.
 * Not thread-safe (the session's lane owns it).
 */
final class Clauses {

    static final int MIN_CLAUSE = 40;
    private final StringBuilder pending = new StringBuilder();

    /** Adds a delta; returns the pieces now complete. */
    List<String> add(String delta) {
        pending.append(delta.replace("*", "").replace("#", ""));
        List<String> out = new ArrayList<>();
        int cut;
        while ((cut = nextCut()) > 0) {
            emit(out, pending.substring(0, cut));
            pending.delete(0, cut);
        }
        return out;
    }

    /** The rest, at the end of the stream. */
    List<String> flush() {
        List<String> out = new ArrayList<>();
        emit(out, pending.toString());
        pending.setLength(0);
        return out;
    }

    private int nextCut() {
        for (int i = 0; i + 1 < pending.length(); i++) {
            char c = pending.charAt(i);
            boolean space = Character.isWhitespace(pending.charAt(i + 1));
            if (space && (c == '.' || c == '!' || c == '?') && i >= 3) {
                return i + 2;
            }
            if (space && (c == ',' || c == ';' || c == ':') && i >= MIN_CLAUSE) {
                return i + 2;
            }
            if (c == '\n' && i > 0) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void emit(List<String> out, String piece) {
        String t = piece.strip();
        if (!t.isEmpty() && !t.equals("None") && !t.equals("null")) {
            out.add(piece.endsWith(" ") || piece.endsWith("\n") ? t + " " : t);
        }
    }
}
