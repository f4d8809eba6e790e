package dev.gazette.alert.query;

import java.util.ArrayList;
import java.util.List;

/**
 * An item's title and summary text split into segments, the words the query matched marked. Concatenating
 * the segments of a field gives back its text exactly (a missing text gives no segments).
 */
public record Highlighted(List<TextSegment> title, List<TextSegment> summary) {

    public Highlighted {
        title = List.copyOf(title);
        summary = List.copyOf(summary);
    }

    /**
     * The summary trimmed to about {@code maxChars} characters around its first match, cut on word boundaries,
     * with "…" where text was left out. The whole summary when it is short enough.
     */
    public List<TextSegment> snippet(int maxChars) {
        int total = summary.stream().mapToInt(s -> s.text().length()).sum();
        if (total <= maxChars) {
            return summary;
        }
        String text = join(summary);
        int firstMatch = 0;
        int at = 0;
        for (TextSegment s : summary) {
            if (s.matched()) {
                firstMatch = at;
                break;
            }
            at += s.text().length();
        }
        int start = Math.max(0, firstMatch - maxChars / 4);
        int end = Math.min(text.length(), start + maxChars);
        start = Math.max(0, Math.min(start, end - maxChars));
        start = wordStart(text, start);
        end = wordEnd(text, end);
        List<TextSegment> out = new ArrayList<>();
        if (start > 0) {
            out.add(new TextSegment("…", false));
        }
        at = 0;
        for (TextSegment s : summary) {
            int from = Math.max(start, at);
            int to = Math.min(end, at + s.text().length());
            if (from < to) {
                out.add(new TextSegment(text.substring(from, to), s.matched()));
            }
            at += s.text().length();
        }
        if (end < text.length()) {
            out.add(new TextSegment("…", false));
        }
        return List.copyOf(out);
    }

    private static String join(List<TextSegment> segments) {
        StringBuilder sb = new StringBuilder();
        segments.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    private static int wordStart(String text, int i) {
        if (i == 0 || Character.isWhitespace(text.charAt(i - 1))) {
            return i;
        }
        int next = i;
        while (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next < text.length() ? next : i;
    }

    private static int wordEnd(String text, int i) {
        if (i >= text.length() || Character.isWhitespace(text.charAt(i))) {
            return i;
        }
        int prev = i;
        while (prev > 0 && !Character.isWhitespace(text.charAt(prev - 1))) {
            prev--;
        }
        int end = prev;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end > 0 ? end : i;
    }
}
