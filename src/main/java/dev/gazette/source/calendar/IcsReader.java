package dev.gazette.source.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;

/**
 * Reads the content lines of an iCalendar document into a light tree of {@link IcsComponent}s.
 *
 * <p>It uses ical4j's tokenizer ({@link CalendarParserImpl} over an {@link UnfoldingReader}), which
 * reports syntax errors as {@link ParserException} with a line number, but not ical4j's
 * {@code CalendarBuilder}: that one fails the whole document on a single bad property value and, in
 * 4.x, registers a new global {@code java.time.zone.ZoneRulesProvider} (plus one zone id per
 * VTIMEZONE) on every parse, which a long-running collector would accumulate forever.
 */
final class IcsReader {
    /** Deeper nesting than VCALENDAR > VEVENT > VALARM > ... is not real iCalendar. */
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PROPERTIES = 200_000;
    private static final Pattern CONTENT_LINE = Pattern.compile("[A-Za-z0-9_-]+[;:]");

    private IcsReader() {}

    /** Every top-level VCALENDAR in the document. */
    static List<IcsComponent> read(String text) throws IOException, ParserException {
        checkContentLines(text);
        Handler handler = new Handler();
        new CalendarParserImpl(true).parse(new UnfoldingReader(new StringReader(text), true), handler);
        return handler.calendars;
    }

    /**
     * Every line must be a content line ({@code NAME[;PARAM=...]:value}), a folded continuation
     * (leading space or tab) or blank. ical4j's tokenizer accepts a stray line such as a raw newline
     * in a DESCRIPTION and then fails lines later with a misleading message, so check first.
     */
    static void checkContentLines(String text) throws ParserException {
        int lineNo = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            if (line.isBlank() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            if (!CONTENT_LINE.matcher(line).lookingAt()) {
                throw new ParserException("expected a content line such as NAME:value, found \""
                        + TimeContext.shorten(line) + "\"", lineNo);
            }
        }
    }

    private static final class Handler implements ContentHandler {
        final List<IcsComponent> calendars = new ArrayList<>();
        private final Deque<IcsComponent> open = new ArrayDeque<>();
        private String propertyName;
        private Map<String, String> params;
        private String propertyValue;
        private int propertyCount;

        @Override
        public void startCalendar() {
            open.clear();
            open.push(new IcsComponent("VCALENDAR"));
        }

        @Override
        public void endCalendar() {
            if (open.size() != 1) {
                throw new IllegalStateException("a component is not closed before END:VCALENDAR");
            }
            calendars.add(open.pop());
        }

        @Override
        public void startComponent(String name) {
            if (open.size() >= MAX_DEPTH) {
                throw new IllegalStateException("components are nested too deeply");
            }
            open.push(new IcsComponent(name));
        }

        @Override
        public void endComponent(String name) {
            if (open.size() < 2) {
                throw new IllegalStateException("END:" + name + " without a matching BEGIN");
            }
            IcsComponent done = open.pop();
            if (!done.name().equalsIgnoreCase(name)) {
                throw new IllegalStateException("END:" + name + " closes BEGIN:" + done.name());
            }
            open.peek().children().add(done);
        }

        @Override
        public void startProperty(String name) {
            if (++propertyCount > MAX_PROPERTIES) {
                throw new IllegalStateException("too many properties (more than " + MAX_PROPERTIES + ")");
            }
            propertyName = name.toUpperCase(Locale.ROOT);
            params = new LinkedHashMap<>();
            propertyValue = "";
        }

        @Override
        public void parameter(String name, String value) {
            if (params != null) {
                params.putIfAbsent(name.toUpperCase(Locale.ROOT), unquote(value));
            }
        }

        @Override
        public void propertyValue(String value) {
            propertyValue = value == null ? "" : value;
        }

        @Override
        public void endProperty(String name) {
            if (open.isEmpty() || propertyName == null) {
                throw new IllegalStateException("property " + name + " outside a calendar");
            }
            open.peek().properties().add(new IcsComponent.Property(propertyName, Map.copyOf(params), propertyValue));
            propertyName = null;
            params = null;
        }

        private static String unquote(String value) {
            if (value == null) {
                return "";
            }
            String v = value.strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                return v.substring(1, v.length() - 1);
            }
            return v;
        }
    }
}
