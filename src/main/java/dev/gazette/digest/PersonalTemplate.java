package dev.gazette.digest;

import java.util.ArrayList;
import java.util.List;

/**
 * A rendered text in which a few personal values (a subscriber's name, their signed links) were rendered as
 * placeholders: the text around them is kept, and {@link #fill} puts one subscriber's values in their places. The
 * placeholders are plain letters and digits, which every escaping leaves as they are. A paragraph that
 * {@link PlainText#wrap} left unwrapped because it holds a placeholder is wrapped once the values are in.
 */
final class PersonalTemplate {
    private sealed interface Part permits Literal, Slot, Wrapped {}

    private record Literal(String text) implements Part {}

    private record Slot(int index) implements Part {}

    private record Wrapped(String prefix, PersonalTemplate text) implements Part {}

    private final Part[] parts;
    private final PlainText plain;
    private final int capacity;

    private PersonalTemplate(List<Part> parts, PlainText plain) {
        this.parts = parts.toArray(Part[]::new);
        this.plain = plain;
        int length = 256;
        for (Part part : parts) {
            length += part instanceof Literal l ? l.text().length() : 64;
        }
        this.capacity = length;
    }

    /**
     * Cuts {@code rendered} at every occurrence of the placeholders; slot i is {@code placeholders[i]}.
     *
     * @param plain wraps the paragraphs left for later
     */
    static PersonalTemplate of(String rendered, PlainText plain, String... placeholders) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = rendered.indexOf(PlainText.DEFERRED_OPEN, from);
            if (open < 0) {
                cut(rendered.substring(from), placeholders, parts);
                return new PersonalTemplate(parts, plain);
            }
            int between = rendered.indexOf(PlainText.DEFERRED_BETWEEN, open);
            int close = rendered.indexOf(PlainText.DEFERRED_CLOSE, between);
            cut(rendered.substring(from, open), placeholders, parts);
            List<Part> inner = new ArrayList<>();
            cut(rendered.substring(between + 1, close), placeholders, inner);
            parts.add(new Wrapped(rendered.substring(open + 1, between), new PersonalTemplate(inner, plain)));
            from = close + 1;
        }
    }

    private static void cut(String text, String[] placeholders, List<Part> parts) {
        int from = 0;
        while (true) {
            int next = -1;
            int slot = -1;
            for (int i = 0; i < placeholders.length; i++) {
                int at = text.indexOf(placeholders[i], from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    slot = i;
                }
            }
            if (next < 0) {
                if (from < text.length()) {
                    parts.add(new Literal(text.substring(from)));
                }
                return;
            }
            if (next > from) {
                parts.add(new Literal(text.substring(from, next)));
            }
            parts.add(new Slot(slot));
            from = next + placeholders[slot].length();
        }
    }

    /** The text with {@code values[i]} in the places of placeholder i. */
    String fill(String... values) {
        StringBuilder out = new StringBuilder(capacity);
        fill(out, values);
        return out.toString();
    }

    private void fill(StringBuilder out, String[] values) {
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Slot s) {
                out.append(values[s.index()]);
            } else if (part instanceof Wrapped w) {
                out.append(plain.wrap(w.prefix(), w.text().fill(values)));
            }
        }
    }
}
