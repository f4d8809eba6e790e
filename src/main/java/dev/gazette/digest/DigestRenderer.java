package dev.gazette.digest;

import dev.gazette.config.DigestConfig;
import dev.gazette.config.TopicConfig;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.thymeleaf.context.Context;

/**
 * Renders digests as emails: a subject, a preheader, HTML ({@code digest.html} in {@code layout.html}) and plain
 * text ({@code digest.txt}), in the reader's language ({@code messages*.properties}) and time zone. Templates and
 * messages are read from {@code digest.templates} when there, else from the copies bundled with Gazette (see
 * {@code templates/README.md}).
 *
 * <p>Make one per send run: each template is parsed once, at its first use, and then rendered per recipient; so
 * edits to the templates take effect at the next run. Safe to share between threads.
 */
public final class DigestRenderer {
    /** The longest summary shown under an item, in characters. */
    static final int SUMMARY_LIMIT = 280;
    /** The longest preheader, in characters (clients show fewer). */
    static final int PREHEADER_LIMIT = 150;
    /**
     * The most later dates of a recurring event named in its "Also on" note (messages
     * {@code digest.event.alsoOn.1} to {@code .3}); with more, the note names two and counts the rest
     * ({@code digest.event.alsoOn.more}).
     */
    static final int LATER_DATES_NAMED = 3;

    private final EmailTemplates templates;
    private final LongFunction<String> calendarLinks;
    private final Map<String, String> topicNames = new LinkedHashMap<>();
    private final PlainText plain = new PlainText();
    private final Map<String, DigestView.NoteView> notes = new java.util.concurrent.ConcurrentHashMap<>();

    /** A renderer whose events have no "add to calendar" link. */
    public DigestRenderer(DigestConfig config, List<TopicConfig> topics) {
        this(config, topics, id -> null);
    }

    /**
     * @param calendarLinks the "add to calendar" address of an event, by its item id (an .ics file of that one
     *     event); null for none
     */
    public DigestRenderer(DigestConfig config, List<TopicConfig> topics, LongFunction<String> calendarLinks) {
        this.templates = new EmailTemplates(config.templates());
        this.calendarLinks = calendarLinks;
        topics.forEach(t -> topicNames.putIfAbsent(t.slug(), t.name()));
    }

    /** Render one recipient's digest; a broken template is a {@link DigestTemplateException} naming its file. */
    public RenderedDigest render(Digest digest, DigestLinks links) {
        return render(digest, links, plain);
    }

    /** The same, with the text helpers the templates get as {@code ${plain}}. */
    RenderedDigest render(Digest digest, DigestLinks links, PlainText plain) {
        EmailMessages messages = templates.messages();
        Locale locale = messages.supported(digest.subscriber().locale());
        ReaderDates dates = ReaderDates.of(messages, locale, digest.subscriber().timeZone());
        String news = news(digest, messages, locale);
        DigestView view = view(digest, dates, messages, locale, news);

        String subject = oneLine(messages.message(locale, "digest.subject", view.editionLabel(), view.date(), news));
        String preheader = preheader(view, news);

        Context context = new Context(locale);
        context.setVariable("digest", view);
        context.setVariable("links", links);
        context.setVariable("subject", subject);
        context.setVariable("preheader", preheader);
        context.setVariable("plain", plain);
        String html = templates.process("digest.html", context);
        String text = templates.process("digest.txt", context);
        return new RenderedDigest(subject, preheader, html, text, digest.articleCount(), digest.eventCount());
    }

    private DigestView view(Digest digest, ReaderDates dates, EmailMessages messages, Locale locale, String news) {
        List<DigestView.SectionView> sections = digest.sections().stream()
                .map(s -> new DigestView.SectionView(s.topic(), s.name(),
                        s.articles().stream().map(a -> article(a, dates)).toList(), s.more()))
                .toList();
        List<DigestView.EventView> events = digest.events().stream()
                .map(series -> event(series, digest.isNew(series), dates, messages, locale))
                .toList();
        List<String> followed = topicNames.entrySet().stream()
                .filter(t -> digest.subscriber().topics().contains(t.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        String edition = digest.edition().name().toLowerCase(Locale.ROOT);
        return new DigestView(PlainText.clean(digest.subscriber().name()), edition,
                messages.message(locale, "digest.edition." + edition), dates.date(digest.date()), news, followed,
                String.join(", ", followed), sections, events, digest.moreEvents(), digest.articleCount(),
                digest.eventCount(), digest.newEventCount(), digest.isEmpty(),
                digest.notes().stream().map(this::note).toList(),
                digest.featured().stream().map(item -> featured(item, dates)).toList());
    }

    /** An editor's note, rendered once per run however many digests carry it. */
    private DigestView.NoteView note(EditorNote note) {
        return notes.computeIfAbsent(note.markdown(), markdown -> {
            NoteMarkdown.Rendered rendered = NoteMarkdown.render(markdown);
            return new DigestView.NoteView(rendered.html(), rendered.text());
        });
    }

    private DigestView.FeaturedView featured(Item item, ReaderDates dates) {
        boolean event = item.kind() == ItemKind.EVENT && item.startsAt() != null;
        String when = event ? dates.when(item)
                : dates.date(item.publishedAt() != null ? item.publishedAt() : item.firstSeenAt());
        return new DigestView.FeaturedView(PlainText.clean(item.title()), item.webLink(), when,
                event ? PlainText.clean(item.location()) : "", PlainText.truncate(item.summaryText(), SUMMARY_LIMIT),
                event, event ? calendarUrl(item) : null);
    }

    private static DigestView.ArticleView article(Item article, ReaderDates dates) {
        return new DigestView.ArticleView(PlainText.clean(article.title()), article.webLink(),
                dates.date(article.publishedAt() != null ? article.publishedAt() : article.firstSeenAt()),
                PlainText.truncate(article.summaryText(), SUMMARY_LIMIT));
    }

    /** The soonest occurrence of an event, with the later dates of its series. */
    private DigestView.EventView event(EventSeries series, boolean isNew, ReaderDates dates,
            EmailMessages messages, Locale locale) {
        Item next = series.next();
        int year = dates.startDay(next).getYear();
        List<String> laterDates = series.later().stream()
                .map(dates::startDay)
                .distinct()
                .map(day -> dates.day(day, year))
                .toList();
        return new DigestView.EventView(PlainText.clean(next.title()), next.webLink(),
                dates.when(next), alsoOn(laterDates, messages, locale), laterDates, PlainText.clean(next.location()),
                PlainText.truncate(next.summaryText(), SUMMARY_LIMIT), isNew, calendarUrl(next));
    }

    /** The event's "add to calendar" address (Gazette's own), or null when this renderer makes none. */
    private String calendarUrl(Item event) {
        return calendarLinks.apply(event.id());
    }

    /** "Also on Dec 9, Dec 16 and 3 more dates", in the reader's language; "" for a one-off event. */
    private static String alsoOn(List<String> laterDates, EmailMessages messages, Locale locale) {
        int count = laterDates.size();
        if (count == 0) {
            return "";
        }
        if (count <= LATER_DATES_NAMED) {
            return messages.message(locale, "digest.event.alsoOn." + count, laterDates.toArray());
        }
        return messages.message(locale, "digest.event.alsoOn.more", laterDates.get(0), laterDates.get(1), count - 2);
    }

    /**
     * "7 new articles, 2 new events", in the reader's language; without any, "a note from the editors", "featured
     * stories" or "nothing new".
     */
    private static String news(Digest digest, EmailMessages messages, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (digest.articleCount() > 0) {
            parts.add(messages.message(locale, "digest.news.articles", digest.articleCount()));
        }
        if (digest.newEventCount() > 0) {
            parts.add(messages.message(locale, "digest.news.events", digest.newEventCount()));
        }
        return switch (parts.size()) {
            case 0 -> messages.message(locale, !digest.notes().isEmpty() ? "digest.note.news"
                    : !digest.featured().isEmpty() ? "digest.featured.news" : "digest.news.nothing");
            case 1 -> parts.get(0);
            default -> messages.message(locale, "digest.news.both", parts.get(0), parts.get(1));
        };
    }

    /** As many of the first titles (featured, articles, then events) as fit, else the news line. */
    private static String preheader(DigestView view, String news) {
        List<String> titles = Stream.of(
                        view.featured().stream().map(DigestView.FeaturedView::title),
                        view.sections().stream().flatMap(s -> s.articles().stream()).map(DigestView.ArticleView::title),
                        view.events().stream().map(DigestView.EventView::title))
                .flatMap(t -> t)
                .limit(4)
                .toList();
        if (titles.isEmpty()) {
            return oneLine(news);
        }
        StringBuilder preheader = new StringBuilder(PlainText.truncate(titles.get(0), PREHEADER_LIMIT));
        for (String title : titles.subList(1, titles.size())) {
            if (preheader.length() + 3 + title.length() > PREHEADER_LIMIT) {
                break;
            }
            preheader.append(" · ").append(title);
        }
        return preheader.toString();
    }

    private static String oneLine(String text) {
        return PlainText.clean(text);
    }
}
