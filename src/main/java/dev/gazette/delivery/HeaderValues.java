package dev.gazette.delivery;

import java.util.regex.Pattern;

/**
 * Checks for text that goes into a mail header. A CR or LF would start a new header line (header injection
 * from a feed title or a subscriber's name), a NUL is never legal; such values are refused, never silently
 * cleaned, so the problem is seen and fixed where the text came from.
 */
public final class HeaderValues {
    /** RFC 5322 limits a line to 998 characters without its CRLF. */
    public static final int MAX_LINE = 998;

    /** RFC 5322 field-name: printable ASCII except the colon. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
    /** RFC 5322 msg-id without the angle brackets, as dot-atom-text "@" dot-atom-text. */
    private static final Pattern MESSAGE_ID = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    private HeaderValues() {}

    /** The value, unless it is missing or holds a CR, LF or NUL. Any other Unicode text is fine (it gets encoded). */
    public static String requireSafe(String header, String value) {
        if (value == null) {
            throw new MessageRefusedException(header, header + " is missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String name = switch (c) {
                case '\r' -> "a carriage return (CR)";
                case '\n' -> "a line feed (LF)";
                case '\0' -> "a NUL character";
                default -> null;
            };
            if (name != null) {
                throw new MessageRefusedException(header,
                        header + " contains " + name + " at character " + (i + 1) + ": " + visible(value));
            }
        }
        return value;
    }

    /**
     * The value of a header written as is (not encoded): safe, printable ASCII or tab only, and short enough for
     * one line together with its name.
     */
    public static String requireAsciiLine(String header, String value) {
        requireSafe(header, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new MessageRefusedException(header, header + " must be printable ASCII, but character "
                        + (i + 1) + " is U+" + String.format("%04X", (int) c) + ": " + visible(value));
            }
        }
        if (header.length() + 2 + value.length() > MAX_LINE) {
            throw new MessageRefusedException(header, header + " is longer than one header line ("
                    + MAX_LINE + " characters with its name)");
        }
        return value;
    }

    /** A header name: printable ASCII without colon or space. */
    public static String requireFieldName(String name) {
        if (name == null || !FIELD_NAME.matcher(name).matches()) {
            String shown = name == null ? "(missing)" : visible(name);
            throw new MessageRefusedException(String.valueOf(name),
                    "header name " + shown + " is not a valid field name (printable ASCII without colon or space)");
        }
        return name;
    }

    /** A Message-ID without angle brackets: {@code left@right}, both dot-atoms. */
    public static String requireMessageId(String id) {
        requireSafe("Message-ID", id);
        if (!MESSAGE_ID.matcher(id).matches()) {
            throw new MessageRefusedException("Message-ID",
                    "Message-ID " + visible(id) + " is not of the form left@right (dot-atoms, no brackets or spaces)");
        }
        return id;
    }

    /** The value quoted, with control characters shown as escapes, cut to a readable length ("(missing)" for null). */
    public static String visibleValue(String value) {
        return value == null ? "(missing)" : visible(value);
    }

    static String visible(String value) {
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(value.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(value.length() > limit ? "\"..." : "\"").toString();
    }
}
