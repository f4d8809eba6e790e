package dev.gazette.calendar;

import java.nio.charset.StandardCharsets;

/**
 * Folds iCalendar content lines as RFC 5545 section 3.1 says: no line longer than 75 octets in UTF-8, continued on
 * the next line after CRLF and one space, and never inside a character. ical4j writes and escapes the lines; its
 * own folding counts UTF-16 characters, not octets, and may cut a surrogate pair.
 */
final class ContentLines {
    static final int MAX_OCTETS = 75;

    private ContentLines() {}

    /** The text with every line folded; lines end in CRLF. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
