package dev.gazette.subscriber.csv;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of a subscriber file, in the order Gazette writes them. Header names are case-insensitive. */
enum Column {
    EMAIL("email", true),
    NAME("name", true),
    TOPICS("topics", true),
    FREQUENCY("frequency", true),
    TIMEZONE("timezone", true),
    LOCALE("locale", true),
    SEND_DAY("send_day", false),
    SEND_HOUR("send_hour", false),
    STATUS("status", false);

    private final String header;
    private final boolean required;

    Column(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    String header() {
        return header;
    }

    /** Whether a file must have this column (its cells may still be empty where the format allows). */
    boolean required() {
        return required;
    }

    static Optional<Column> byHeader(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }

    /** The header names, comma-separated, for messages. */
    static String names() {
        return Arrays.stream(values()).map(Column::header).collect(Collectors.joining(", "));
    }
}
