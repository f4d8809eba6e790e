package dev.gazette.source.calendar;

import dev.gazette.config.CalendarLimits;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ItemParser;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.SourceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.ParserException;

/**
 * Reads the events of an iCalendar (RFC 5545) feed.
 *
 * <p>Every VEVENT becomes one item, every occurrence of a recurring one within [now, now + horizon]
 * one item (at most {@link CalendarLimits#maxOccurrences()} per event), with RECURRENCE-ID overrides
 * applied. Cancelled events, events that have ended, and events starting after the horizon are left
 * out. An event that cannot be read (no SUMMARY, unreadable DTSTART) is skipped, not fatal; a
 * document that is not iCalendar, or breaks its syntax, is.
 *
 * <p>Nothing is fetched at parse time: time zones come from the JDK or the document (see
 * {@link TimeContext}), and {@code ical4j.properties} turns ical4j's zone updates off.
 */
public final class CalendarParser implements ItemParser {
    private static final Pattern ICAL4J_PREFIX = Pattern.compile("^Error at line [\\d,.\\s\\u00a0]*:\\s*");
    private static final Pattern EXPECTED = Pattern.compile("Expected \\[(.*?)], read \\[(.*?)]");
    private static final Map<String, String> TOKENS = Map.of(
            "-1", "the end of the document", "10", "the end of the line", "-3", "a word", "58", "':'",
            "59", "';'", "61", "'='", "34", "'\"'");

    private final CalendarLimits limits;
    private final Clock clock;

    public CalendarParser(CalendarLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (limits.horizon() == null || limits.horizon().isNegative()) {
            throw new IllegalArgumentException("the calendar horizon must not be negative");
        }
        if (limits.maxOccurrences() < 1) {
            throw new IllegalArgumentException("maxOccurrences must be at least 1");
        }
    }

    @Override
    public List<ParsedItem> parse(FetchedDocument document) {
        String text = decode(document);
        if (text.isBlank()) {
            throw new SourceException("the document is empty");
        }
        String head = text.stripLeading();
        if (!head.regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
            throw new SourceException(notCalendar(head));
        }
        List<IcsComponent> calendars;
        try {
            calendars = IcsReader.read(text);
        } catch (ParserException e) {
            throw new SourceException(describe(e), e);
        } catch (IOException e) {
            throw new SourceException("could not read the iCalendar document: " + e.getMessage(), e);
        }
        return new EventAssembler(limits, clock.instant(), new TimeContext(calendars, new ExpansionBudget()), document.uri())
                .items(calendars);
    }

    /**
     * The body as text, without BOM. iCalendar is UTF-8 (RFC 5545 3.1.4), and servers often label
     * it "charset=ISO-8859-1" by default: a body that is valid UTF-8 is read as UTF-8 whatever the
     * label; only other bodies are read in the Content-Type charset (else windows-1252).
     */
    private static String decode(FetchedDocument document) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document.body()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            Charset charset = Charset.forName("windows-1252");
            String named = document.charset();
            if (named != null) {
                try {
                    charset = Charset.forName(named);
                } catch (IllegalArgumentException e) {
                    // unknown or malformed name: keep the fallback
                }
            }
            text = new String(document.body(), charset);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String notCalendar(String head) {
        String start = head.substring(0, Math.min(head.length(), 2_000)).toLowerCase(Locale.ROOT);
        if (start.startsWith("<") && (start.contains("<html") || start.contains("<!doctype html"))) {
            return "not an iCalendar document: it is an HTML page (is the address a web page rather than the .ics feed?)";
        }
        if (start.startsWith("<") || start.startsWith("{") || start.startsWith("[")) {
            return "not an iCalendar document: it looks like XML or JSON, not BEGIN:VCALENDAR";
        }
        return "not an iCalendar document: it does not start with BEGIN:VCALENDAR but with \""
                + TimeContext.shorten(head.lines().findFirst().orElse("")) + "\"";
    }

    /** "malformed iCalendar at line 12: expected ':' but found the end of the line". */
    static String describe(ParserException e) {
        String reason = e.getMessage() == null ? "" : ICAL4J_PREFIX.matcher(e.getMessage()).replaceFirst("").strip();
        if (reason.isEmpty() && e.getCause() != null && e.getCause().getMessage() != null) {
            reason = e.getCause().getMessage();
        }
        Matcher expected = EXPECTED.matcher(reason);
        if (expected.find()) {
            reason = "expected " + token(expected.group(1)) + " but found " + token(expected.group(2));
        }
        if (reason.contains("Unexpected end of file") || reason.endsWith("found the end of the document")) {
            reason = "the document ends in the middle of a calendar (it looks truncated)";
        }
        if (reason.isEmpty()) {
            reason = "unreadable content";
        }
        return "malformed iCalendar at line " + e.getLineNo() + ": " + TimeContext.shorten(reason, 200);
    }

    private static String token(String raw) {
        String t = raw.strip();
        if (TOKENS.containsKey(t)) {
            return TOKENS.get(t);
        }
        return t.isEmpty() ? "nothing" : "\"" + t + "\"";
    }
}
