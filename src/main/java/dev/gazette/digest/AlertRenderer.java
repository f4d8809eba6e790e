package dev.gazette.digest;

import dev.gazette.config.DigestConfig;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.thymeleaf.context.Context;

/**
 * Renders alert emails ({@code alert.html} in {@code layout.html}, and {@code alert.txt}) in the reader's language
 * and time zone, from the same templates folder and messages as digests (see {@code templates/README.md}). The
 * words a query matched are marked in titles and summaries; every text is still printed escaped.
 *
 * <p>Make one per send run, like {@link DigestRenderer}; safe to share between threads.
 */
public final class AlertRenderer {
    /** About how many characters of summary are shown under a matched item. */
    static final int SNIPPET_LIMIT = 240;

    private final EmailTemplates templates;
    private final PlainText plain = new PlainText();

    public AlertRenderer(DigestConfig config) {
        this.templates = new EmailTemplates(config.templates());
    }

    /** Render one reader's alert email; a broken template is a {@link DigestTemplateException} naming its file. */
    public RenderedAlert render(AlertEmail email) {
        EmailMessages messages = templates.messages();
        Locale locale = messages.supported(email.subscriber().locale());
        ReaderDates dates = ReaderDates.of(messages, locale, email.subscriber().timeZone());
        List<AlertView.SectionView> sections = email.sections().stream()
                .map(s -> new AlertView.SectionView(PlainText.clean(s.query()), s.frequency(),
                        messages.message(locale, "alert.frequency." + s.frequency()), s.stopUrl(),
                        s.hits().stream().map(h -> hit(h, dates)).toList(), s.more()))
                .toList();
        String queries = sections.stream().map(s -> "\u201c" + s.query() + "\u201d").collect(Collectors.joining(", "));
        AlertView view = new AlertView(PlainText.clean(email.subscriber().name()), email.itemCount(), queries,
                sections);

        String subject = PlainText.clean(messages.message(locale, "alert.subject", queries, view.matchCount()));
        String preheader = PlainText.truncate(sections.stream().flatMap(s -> s.hits().stream())
                .map(h -> text(h.title(), false)).limit(3).collect(Collectors.joining(" · ")), 150);
        Context context = new Context(locale);
        context.setVariable("alert", view);
        context.setVariable("alertLinks", email.links());
        context.setVariable("links", new DigestLinks(email.links().preferencesUrl(), email.links().unsubscribeUrl(), null));
        context.setVariable("subject", subject);
        context.setVariable("preheader", preheader);
        context.setVariable("plain", plain);
        return new RenderedAlert(subject, preheader, templates.process("alert.html", context),
                templates.process("alert.txt", context), view.matchCount());
    }

    private static AlertView.HitView hit(AlertEmail.Hit hit, ReaderDates dates) {
        Item item = hit.item();
        boolean event = item.kind() == ItemKind.EVENT && item.startsAt() != null;
        String when = event ? dates.when(item)
                : dates.date(item.publishedAt() != null ? item.publishedAt() : item.firstSeenAt());
        List<AlertEmail.Mark> title = cleaned(hit.title());
        List<AlertEmail.Mark> summary = snippet(cleaned(hit.summary()), SNIPPET_LIMIT);
        return new AlertView.HitView(title, item.webLink(), when,
                event ? PlainText.clean(item.location()) : "", event, summary, event ? hit.calendarUrl() : null,
                text(title, true), text(summary, true));
    }

    /** The segments with runs of white space (line breaks too) made single spaces, as {@link PlainText#clean} does. */
    static List<AlertEmail.Mark> cleaned(List<AlertEmail.Mark> marks) {
        List<AlertEmail.Mark> out = new java.util.ArrayList<>();
        for (AlertEmail.Mark m : marks) {
            String t = m.text().replaceAll("[\\s\\p{Cc}]+", " ");
            if (!t.isEmpty()) {
                out.add(new AlertEmail.Mark(t, m.matched()));
            }
        }
        if (!out.isEmpty()) { // no space at either end
            out.set(0, new AlertEmail.Mark(out.get(0).text().stripLeading(), out.get(0).matched()));
            int last = out.size() - 1;
            out.set(last, new AlertEmail.Mark(out.get(last).text().stripTrailing(), out.get(last).matched()));
        }
        return out;
    }

    /**
     * About {@code limit} characters of the text around its first matched word, cut at spaces, with an ellipsis
     * where text was left out; the whole text when it is short enough.
     */
    static List<AlertEmail.Mark> snippet(List<AlertEmail.Mark> marks, int limit) {
        String all = text(marks, false);
        if (all.length() <= limit) {
            return marks;
        }
        int firstMatch = 0;
        for (AlertEmail.Mark m : marks) {
            if (m.matched()) {
                break;
            }
            firstMatch += m.text().length();
        }
        if (firstMatch >= all.length()) {
            firstMatch = 0; // nothing matched in the summary: its beginning
        }
        int start = Math.max(0, firstMatch - limit / 4);
        if (start > 0) {
            int space = all.indexOf(' ', start);
            start = space < 0 || space > firstMatch ? start : space + 1;
        }
        int end = Math.min(all.length(), start + limit);
        if (end < all.length()) {
            int space = all.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        List<AlertEmail.Mark> out = new java.util.ArrayList<>();
        if (start > 0) {
            out.add(new AlertEmail.Mark("… ", false));
        }
        int pos = 0;
        for (AlertEmail.Mark m : marks) {
            int from = Math.max(start, pos);
            int to = Math.min(end, pos + m.text().length());
            if (from < to) {
                out.add(new AlertEmail.Mark(m.text().substring(from - pos, to - pos), m.matched()));
            }
            pos += m.text().length();
        }
        if (end < all.length()) {
            out.add(new AlertEmail.Mark(" …", false));
        }
        return out;
    }

    /** The segments as one text; with {@code starred}, matched words between asterisks. */
    static String text(List<AlertEmail.Mark> marks, boolean starred) {
        StringBuilder text = new StringBuilder();
        for (AlertEmail.Mark m : marks) {
            text.append(starred && m.matched() ? "*" + m.text() + "*" : m.text());
        }
        return text.toString();
    }
}
