package dev.gazette.source.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One iCalendar component (VCALENDAR, VEVENT, VTIMEZONE, STANDARD, ...) as read from the document:
 * names upper-cased, property values still escaped, nothing interpreted yet.
 */
final class IcsComponent {
    private final String name;
    private final List<Property> properties = new ArrayList<>();
    private final List<IcsComponent> children = new ArrayList<>();

    IcsComponent(String name) {
        this.name = name.toUpperCase(Locale.ROOT);
    }

    String name() {
        return name;
    }

    List<Property> properties() {
        return properties;
    }

    List<IcsComponent> children() {
        return children;
    }

    /** The first property with this name, if any. */
    Optional<Property> first(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }

    /** Every property with this name, in document order. */
    List<Property> all(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).toList();
    }

    /** The unescaped text of the first property with this name, stripped; empty when absent or blank. */
    Optional<String> text(String propertyName) {
        return first(propertyName).map(Property::text).map(String::strip).filter(s -> !s.isEmpty());
    }

    List<IcsComponent> children(String componentName) {
        return children.stream().filter(c -> c.name().equals(componentName)).toList();
    }

    /**
     * One content line.
     *
     * @param name upper-cased property name
     * @param params parameters, names upper-cased, surrounding quotes removed
     * @param value the raw value (escapes not yet resolved)
     */
    record Property(String name, Map<String, String> params, String value) {

        Optional<String> param(String paramName) {
            return Optional.ofNullable(params.get(paramName)).map(String::strip).filter(s -> !s.isEmpty());
        }

        /** The value as TEXT (RFC 5545 3.3.11): backslash escapes resolved. */
        String text() {
            return unescape(value);
        }

        /** The value as a list of TEXT values separated by unescaped commas (CATEGORIES). */
        List<String> textList() {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length()) {
                    current.append(c).append(value.charAt(++i));
                } else if (c == ',') {
                    out.add(unescape(current.toString()));
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            out.add(unescape(current.toString()));
            return out;
        }
    }

    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            out.append(next == 'n' || next == 'N' ? '\n' : next);
        }
        return out.toString();
    }
}
