package dev.gazette.subscriber.csv;

import dev.gazette.subscriber.EmailAddresses;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.SubscriberStore;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns one record of a subscriber file into a draft, or into every reason it cannot be one. The
 * header fixes which column is where; the configured topics are the only ones accepted.
 */
final class RowReader {
    /** A record that became a draft. */
    record Good(int line, SubscriberDraft draft, SubscriberStatus status) {}

    /** What reading a record gave: a draft, or reasons (never both). The email is as given, or "". */
    record Result(int line, String email, Good good, List<String> problems) {}

    private final Map<Column, Integer> columns;
    private final Map<String, String> topicsByKey;

    /**
     * @param header the header record
     * @throws CsvFileException when a column is unknown, unnamed, repeated, or a required one is missing
     */
    RowReader(CSVRecord header, int line, List<String> topicSlugs) {
        this.columns = columns(header, line);
        this.topicsByKey = new java.util.LinkedHashMap<>();
        topicSlugs.forEach(slug -> topicsByKey.put(slug.toLowerCase(Locale.ROOT), slug));
    }

    int columnCount() {
        return columns.size();
    }

    Result read(CSVRecord record, int line) {
        List<String> problems = new ArrayList<>();
        if (record.size() != columns.size()) {
            problems.add("has " + record.size() + " field" + (record.size() == 1 ? "" : "s") + ", the header has "
                    + columns.size() + " (a comma inside a field needs double quotes around the field)");
            return new Result(line, "", null, problems);
        }
        Map<Column, String> values = new EnumMap<>(Column.class);
        for (Map.Entry<Column, Integer> column : columns.entrySet()) {
            String raw = record.get(column.getValue());
            String control = controlCharacter(raw);
            if (control != null) {
                problems.add(control + " inside field '" + column.getKey().header() + "'");
            } else {
                values.put(column.getKey(), CsvConventions.unguarded(raw.strip()).strip());
            }
        }
        String email = values.getOrDefault(Column.EMAIL, "");
        if (email.isEmpty() && values.containsKey(Column.EMAIL)) {
            problems.add("email is empty");
        } else if (!email.isEmpty()) {
            EmailAddresses.problem(email).ifPresent(p -> problems.add("invalid address '" + email + "': " + p));
        }
        String name = values.getOrDefault(Column.NAME, "");
        if (name.length() > SubscriberStore.MAX_NAME_LENGTH) {
            problems.add("name is longer than " + SubscriberStore.MAX_NAME_LENGTH + " characters");
        }
        List<String> topics = topics(values.get(Column.TOPICS), problems);
        if ("".equals(values.get(Column.FREQUENCY))) {
            problems.add("frequency is empty (daily, weekly or paused)");
        }
        Frequency frequency = optional(values.get(Column.FREQUENCY), FieldValues::frequency, problems);
        ZoneId zone = optional(values.get(Column.TIMEZONE), FieldValues::timeZone, problems);
        Locale locale = optional(values.get(Column.LOCALE), FieldValues::locale, problems);
        DayOfWeek day = optional(values.get(Column.SEND_DAY), FieldValues::day, problems);
        Integer hour = optional(values.get(Column.SEND_HOUR), FieldValues::hour, problems);
        SubscriberStatus status = optional(values.get(Column.STATUS), FieldValues::status, problems);
        if (!problems.isEmpty()) {
            return new Result(line, email, null, problems);
        }
        SubscriberDraft draft = new SubscriberDraft(email, name, topics, frequency, zone, locale, day, hour);
        return new Result(line, email, new Good(line, draft, status == null ? SubscriberStatus.ACTIVE : status),
                List.of());
    }

    private List<String> topics(String field, List<String> problems) {
        if (field == null) {
            return List.of();
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String part : field.split(String.valueOf(CsvConventions.TOPIC_SEPARATOR), -1)) {
            String wanted = part.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            String slug = topicsByKey.get(wanted.toLowerCase(Locale.ROOT));
            if (slug == null) {
                problems.add("unknown topic '" + wanted + "' (topics: " + String.join(", ", topicsByKey.values()) + ")");
            } else {
                topics.add(slug);
            }
        }
        if (topics.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("unknown topic"))) {
            problems.add("no topics (give at least one topic slug; separate several with "
                    + CsvConventions.TOPIC_SEPARATOR + ")");
        }
        return List.copyOf(topics);
    }

    /** Null for an absent column or an empty cell (the store then keeps or defaults the value). */
    private static <T> T optional(String value, Function<String, T> reader, List<String> problems) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String controlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                return "line break";
            }
            if (c == 0) {
                return "NUL character";
            }
            if (Character.isISOControl(c)) {
                return String.format("control character U+%04X", (int) c);
            }
        }
        return null;
    }

    private static String hint(CSVRecord header, String unknown) {
        if (header.size() == 1 && unknown.indexOf(';') >= 0) {
            return "; the file seems to use ';' between fields: Gazette reads comma-separated files";
        }
        return unknown.indexOf('@') >= 0 ? "; the first row must be a header naming the columns" : "";
    }

    private static Map<Column, Integer> columns(CSVRecord header, int line) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                throw new CsvFileException(line, "column " + (i + 1) + " of the header has no name (columns: "
                        + Column.names() + ")");
            }
            Column column = Column.byHeader(name).orElseThrow(() -> new CsvFileException(line,
                    "unknown column '" + name + "' (columns: " + Column.names() + ")"
                            + hint(header, name)));
            if (columns.put(column, i) != null) {
                throw new CsvFileException(line, "column '" + column.header() + "' appears twice");
            }
        }
        List<String> missing = java.util.Arrays.stream(Column.values())
                .filter(c -> c.required() && !columns.containsKey(c)).map(Column::header).toList();
        if (!missing.isEmpty()) {
            throw new CsvFileException(line, "missing column" + (missing.size() == 1 ? " '" : "s '")
                    + String.join("', '", missing) + "' (a header row naming the columns must come first: "
                    + Column.names() + ")");
        }
        return columns;
    }
}
