package io.probehost.core.internal.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggests known target names close to a mistyped one. */
final class TargetNames {
    private static final int MAX_SUGGESTIONS = 5;

    private TargetNames() {
    }

    /** Names that contain the wanted text, share its prefix, or are a few edits away; best first. */
    static List<String> closeTo(String wanted, List<String> known) {
        String key = wanted.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, key.length() / 3);
        List<String> close = new ArrayList<>();
        for (String name : known) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains(key) || key.contains(lower) || distance(key, lower) <= allowed
                    || commonPrefix(key, lower) >= Math.min(4, key.length())) {
                close.add(name);
            }
        }
        close.sort(Comparator.comparingInt((String name) -> distance(key, name.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
        return close.size() > MAX_SUGGESTIONS ? close.subList(0, MAX_SUGGESTIONS) : close;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
