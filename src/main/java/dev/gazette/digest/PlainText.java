package dev.gazette.digest;

import java.util.List;


/**
 * Text helpers for emails. Templates get one as {@code ${plain}} to wrap the plain-text email:
 * {@code [(${plain.wrap('- ', a.title)})]}. Lines are wrapped at {@link #WIDTH} columns on spaces, counting
 * Korean, Chinese and Japanese characters as two columns; a word longer than a line (a link) is never broken.
 */
public final class PlainText {
    /** The width plain-text emails are wrapped to. */
    public static final int WIDTH = 72;

    /** Opens a wrapping left for later: {@code OPEN prefix BETWEEN text CLOSE} (private-use characters). */
    static final char DEFERRED_OPEN = '\uE000';
    static final char DEFERRED_BETWEEN = '\uE001';
    static final char DEFERRED_CLOSE = '\uE002';

    private final List<String> deferred;

    /** Wraps at once. */
    public PlainText() {
        this(List.of());
    }

    /**
     * Wraps at once, except a text holding one of these placeholders: how it wraps depends on the value that will
     * take the placeholder's place, so it is left marked, to be wrapped once the value is in ({@link PersonalTemplate}).
     */
    PlainText(List<String> deferred) {
        this.deferred = List.copyOf(deferred);
    }

    /** The text wrapped to {@link #WIDTH} columns, first line after {@code prefix}, the others indented as far. */
    public String wrap(String prefix, String text) {
        for (String placeholder : deferred) {
            if (text != null && text.contains(placeholder)) {
                return DEFERRED_OPEN + prefix + DEFERRED_BETWEEN + text + DEFERRED_CLOSE;
            }
        }
        String indent = " ".repeat(width(prefix));
        StringBuilder out = new StringBuilder(prefix);
        int column = width(prefix);
        boolean lineEmpty = true;
        for (String word : clean(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int w = width(word);
            if (!lineEmpty && column + 1 + w > WIDTH) {
                out.append('\n').append(indent);
                column = indent.length();
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += w;
            lineEmpty = false;
        }
        return out.toString();
    }

    /** The text wrapped to {@link #WIDTH} columns. */
    public String wrap(String text) {
        return wrap("", text);
    }

    /** One line of text: runs of white space (line breaks too) become one space, control characters go. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                    || c == 0x200D /* zero-width joiner, part of emoji */) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** At most {@code limit} characters, cut at a word boundary when there is one not too far back, with "…". */
    static String truncate(String text, int limit) {
        String clean = clean(text);
        if (clean.codePointCount(0, clean.length()) <= limit) {
            return clean;
        }
        int end = clean.offsetByCodePoints(0, limit);
        int space = clean.lastIndexOf(' ', end);
        if (space > end * 2 / 3) {
            end = space;
        }
        return clean.substring(0, end).stripTrailing() + "…";
    }

    /** Display columns: wide (East Asian) characters count two. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            width += isWide(c) ? 2 : 1;
        }
        return width;
    }

    private static boolean isWide(int c) {
        return c >= 0x1100 && c <= 0x115F // Hangul Jamo
                || c >= 0x2E80 && c <= 0xA4CF && c != 0x303F // CJK radicals ... Yi
                || c >= 0xAC00 && c <= 0xD7A3 // Hangul syllables
                || c >= 0xF900 && c <= 0xFAFF // CJK compatibility ideographs
                || c >= 0xFE30 && c <= 0xFE4F // CJK compatibility forms
                || c >= 0xFF00 && c <= 0xFF60 // full-width forms
                || c >= 0xFFE0 && c <= 0xFFE6
                || c >= 0x20000 && c <= 0x3FFFD;
    }
}
