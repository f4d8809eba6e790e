package dev.gazette.source.page;

import dev.gazette.config.PageSelectors;
import dev.gazette.item.ItemKind;
import dev.gazette.source.EventDetails;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.HtmlSanitizer;
import dev.gazette.source.ItemParser;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.SourceException;
import dev.gazette.source.StableIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * Reads articles or events out of an HTML page that has no feed, with the CSS selectors the
 * source configures (see {@link PageSelectors} for their meaning).
 *
 * <p>The selectors, date patterns, time zone and locale are checked when the parser is built, so
 * a bad configuration fails at start-up rather than at the first fetch. A parser is immutable and
 * may be shared between threads.
 *
 * <p>Dates: an element's {@code datetime} attribute, else its {@code content} attribute, else its
 * text, read as ISO-8601 and then with each of {@code dateFormats}. Values without an offset are
 * in {@code timeZone} (UTC when none is set). An article's date-only value is the start of that
 * day in that zone. An event whose start has no time is all-day: following {@link EventDetails},
 * it starts at midnight UTC of its first day, and a date-only end means the end of that day
 * (exclusive, so midnight UTC of the next day).
 *
 * <p>Items without a title, and events whose start cannot be read, are skipped; so is an item whose
 * guid an earlier item on the page already has (the same article listed twice). The page is an
 * error only when nothing at all can be read from it.
 */
public final class PageParser implements ItemParser {
    private final PageSelectors selectors;
    private final ItemKind kind;
    private final Evaluator item;
    private final Evaluator title;
    private final Evaluator link;
    private final Evaluator date;
    private final Evaluator summary;
    private final Evaluator start;
    private final Evaluator end;
    private final Evaluator location;
    private final DateReader dates;
    private final String zoneId;

    /**
     * @param selectors the source's selectors; a missing {@code itemKind} means {@code ARTICLE}
     * @throws SourceException naming the setting and its value when a selector is not valid CSS,
     *     {@code item} or {@code title} is missing, an event page has no {@code start}, or the time
     *     zone, locale or a date pattern is invalid
     */
    public PageParser(PageSelectors selectors) {
        this.selectors = Objects.requireNonNull(selectors, "selectors");
        this.kind = selectors.itemKind() == null ? ItemKind.ARTICLE : selectors.itemKind();
        this.item = Selectors.required("item", selectors.item(), "it selects one element per item");
        this.title = Selectors.required("title", selectors.title(), "it selects the title inside each item");
        this.link = Selectors.optional("link", selectors.link());
        this.date = Selectors.optional("date", selectors.date());
        this.summary = Selectors.optional("summary", selectors.summary());
        this.start = kind == ItemKind.EVENT
                ? Selectors.required("start", selectors.start(), "an event page needs the start date of each event")
                : Selectors.optional("start", selectors.start());
        this.end = Selectors.optional("end", selectors.end());
        this.location = Selectors.optional("location", selectors.location());
        this.dates = DateReader.create(selectors.dateFormats(), selectors.timeZone(), selectors.locale());
        this.zoneId = selectors.timeZone() == null || selectors.timeZone().isBlank() ? null : dates.zone().getId();
    }

    @Override
    public List<ParsedItem> parse(FetchedDocument document) {
        Document page = load(document);
        Elements elements = page.select(item);
        if (elements.isEmpty()) {
            throw new SourceException("item selector '" + selectors.item() + "' matched nothing on the page");
        }
        Tally tally = new Tally();
        Map<String, ParsedItem> items = new LinkedHashMap<>();
        for (Element element : elements) {
            read(element, tally).ifPresent(parsed -> items.putIfAbsent(parsed.guid(), parsed));
        }
        if (tally.titled == 0) {
            throw new SourceException("title selector '" + selectors.title() + "' found no title in the "
                    + count(elements.size()) + " matched by '" + selectors.item() + "'");
        }
        if (items.isEmpty()) {
            throw new SourceException(noStartMessage(tally));
        }
        return List.copyOf(items.values());
    }

    private Optional<ParsedItem> read(Element element, Tally tally) {
        Element titleElement = element.selectFirst(title);
        String titleText = titleElement == null ? "" : titleElement.text().strip();
        if (titleText.isEmpty()) {
            return Optional.empty();
        }
        tally.titled++;
        String href = Links.find(element, titleElement, link);
        String summaryHtml = summary == null ? "" : summaryOf(element.selectFirst(summary));
        String dateText = valueOf(element, date);
        Instant publishedAt = dates.read(dateText).map(DateReader.Reading::instant).orElse(null);
        if (kind == ItemKind.ARTICLE) {
            String guid = href != null ? href : StableIds.of(titleText, dateText == null ? "" : dateText);
            return Optional.of(new ParsedItem(kind, guid, titleText, href, summaryHtml,
                    publishedAt, null, List.of(), null));
        }
        String startText = valueOf(element, start);
        Optional<DateReader.Reading> startReading = dates.read(startText);
        if (startReading.isEmpty()) {
            tally.unreadableStart(startText);
            return Optional.empty();
        }
        EventDetails event = eventOf(element, startReading.get());
        String startIso = event.startsAt().toString();
        String guid = href != null
                ? href + "#" + startIso
                : StableIds.of(titleText, startIso, event.location() == null ? "" : event.location());
        return Optional.of(new ParsedItem(kind, guid, titleText, href, summaryHtml,
                publishedAt, null, List.of(), event));
    }

    private EventDetails eventOf(Element element, DateReader.Reading startReading) {
        boolean allDay = !startReading.hasTime();
        Instant startsAt = allDay
                ? startReading.date().atStartOfDay(ZoneOffset.UTC).toInstant()
                : startReading.instant();
        Instant endsAt = dates.read(valueOf(element, end))
                .map(reading -> endOf(reading, allDay))
                .filter(instant -> instant.isAfter(startsAt))
                .orElse(null);
        String venue = location == null ? null : textOf(element.selectFirst(location));
        return new EventDetails(startsAt, endsAt, allDay, zoneId, venue);
    }

    /** A date-only end means the whole of that day: the end is exclusive. */
    private Instant endOf(DateReader.Reading reading, boolean allDay) {
        if (reading.hasTime()) {
            return reading.instant();
        }
        return allDay
                ? reading.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : reading.date().plusDays(1).atStartOfDay(dates.zone()).toInstant();
    }

    private String noStartMessage(Tally tally) {
        String where = "start selector '" + selectors.start() + "'";
        if (tally.firstUnreadable == null) {
            return where + " found nothing in the " + count(tally.titled)
                    + (tally.titled == 1 ? " that has" : " that have") + " a title";
        }
        boolean noFormats = selectors.dateFormats() == null || selectors.dateFormats().isEmpty();
        return where + " gave no readable date in the " + count(tally.titled) + ": could not read '"
                + tally.firstUnreadable + "'; tried " + dates.describeFormats()
                + (noFormats ? " only: add dateFormats for this page, e.g. 'MMM d, yyyy'" : "");
    }

    private static String count(int items) {
        return items == 1 ? "1 item" : items + " items";
    }

    private static String summaryOf(Element element) {
        return element == null ? "" : HtmlSanitizer.clean(element.html(), element.baseUri());
    }

    private static String textOf(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.text().strip();
        return text.isEmpty() ? null : text;
    }

    /** The datetime attribute, else the content attribute, else the text; null if no element. */
    static String valueOf(Element item, Evaluator selector) {
        Element element = selector == null ? null : item.selectFirst(selector);
        if (element == null) {
            return null;
        }
        for (String attribute : new String[] {"datetime", "content"}) {
            String value = element.attr(attribute).strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return element.text().strip();
    }

    static Document load(FetchedDocument document) {
        byte[] body = document.body();
        if (isBlank(body)) {
            throw new SourceException("the document is empty");
        }
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), supportedCharset(document.charset()),
                    document.uri().toString());
        } catch (IOException | RuntimeException e) {
            throw new SourceException("the page could not be read as HTML: " + e.getMessage(), e);
        }
    }

    /** The Content-Type charset if Java knows it; else null, so jsoup reads BOM and meta charset. */
    private static String supportedCharset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.isSupported(name) ? name : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    /** What the loop saw, for the error message when no event could be read. */
    private static final class Tally {
        int titled;
        String firstUnreadable;

        void unreadableStart(String value) {
            if (firstUnreadable == null && value != null && !value.isBlank()) {
                firstUnreadable = value;
            }
        }
    }
}
