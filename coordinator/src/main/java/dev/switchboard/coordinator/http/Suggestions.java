package dev.switchboard.coordinator.http;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Closest known names to a mistyped one (edit distance). Stateless, thread-safe. */
final class Suggestions {

    private static final int MAX = 3;

    private Suggestions() {
    }

    /** Up to three names within a distance of a third of the longer name, closest first. */
    static List<String> closest(String wanted, Collection<String> known) {
        record Scored(String name, int distance) {
        }
        return known.stream()
                .map(name -> new Scored(name, distance(wanted, name)))
                .filter(s -> s.distance() <= Math.max(2, Math.max(wanted.length(), s.name().length()) / 3))
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX)
                .map(Scored::name)
                .toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
