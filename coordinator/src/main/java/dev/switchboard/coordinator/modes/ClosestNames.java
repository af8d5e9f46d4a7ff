package dev.switchboard.coordinator.modes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the known names closest to a misspelt one, for "did you mean" hints: by edit distance
 * (insertions, deletions, substitutions and adjacent swaps) and, failing that, by the longest common
 * prefix ({@code room.craete} → {@code room.create}, {@code room.delete}). Stateless and thread-safe.
 */
public final class ClosestNames {

    private ClosestNames() {
    }

    /**
     * The at most {@code max} names of {@code known} closest to {@code name}, best first; empty when
     * none is close (the threshold grows with the name's length).
     */
    public static List<String> of(String name, Collection<String> known, int max) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int threshold = Math.max(2, wanted.length() / 3);
        int family = wanted.indexOf('.') + 1;
        record Scored(String name, int distance, int prefix) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : known) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(wanted, lower);
            int prefix = commonPrefix(wanted, lower);
            boolean sameFamily = family > 1 && prefix >= family;
            if (distance <= threshold || sameFamily) {
                scored.add(new Scored(candidate, distance, prefix));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance)
                .thenComparing(Comparator.comparingInt(Scored::prefix).reversed())
                .thenComparing(Scored::name));
        return scored.stream().limit(max).map(Scored::name).toList();
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
