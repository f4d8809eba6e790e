package dev.gazette.digest;

import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unbescape.html.HtmlEscape;

/**
 * One send run's digests, selected and rendered once per shared content and personalised per subscriber.
 * Subscribers who follow the same topics, read in the same language and time zone, get the same edition and have the
 * same window get the same digest except for their name and their signed links; so the digest is rendered once for
 * them all with placeholders in those places ({@link PersonalTemplate}), and each subscriber's copy puts their own
 * values in (HTML-escaped in the HTML, as the templates' {@code th:text} and {@code th:href} escape them; as they are
 * in the text). The copies are the same, character for character, as rendering each digest on its own.
 *
 * <p>Templates may be edited; one that transforms the name or a link (upper-cases it, say) cannot be personalised
 * after rendering. So the first copy of each shared content is compared with a full rendering of that subscriber's
 * digest, and a content whose copy differs is rendered for each subscriber on their own for the rest of the run (with
 * a warning, once). Safe to share between threads.
 */
public final class SharedDigests {
    private static final Logger log = LoggerFactory.getLogger(SharedDigests.class);
    /** The most shared contents kept at once; subscribers are planned in id order, so their keys interleave. */
    private static final int KEPT = 512;
    private static final String NAME = "GazettePersonalName7q2";
    private static final String PREFERENCES = "GazettePersonalPreferences7q2";
    private static final String UNSUBSCRIBE = "GazettePersonalUnsubscribe7q2";
    private static final String VIEW = "GazettePersonalView7q2";
    private static final String[] PLACEHOLDERS = {NAME, PREFERENCES, UNSUBSCRIBE, VIEW};
    private static final PlainText PLAIN = new PlainText();
    private static final PlainText DEFERRING = new PlainText(List.of(PLACEHOLDERS));

    private final DigestSelector.Run selection;
    private final DigestRenderer renderer;
    private final Map<Key, Shared> shared = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Shared> eldest) {
            return size() > KEPT;
        }
    };
    private final AtomicInteger renders = new AtomicInteger();
    private volatile boolean warned;

    public SharedDigests(DigestSelector.Run selection, DigestRenderer renderer) {
        this.selection = selection;
        this.renderer = renderer;
    }

    /**
     * One subscriber's digest for a window.
     *
     * @param articlesByTopic how many new articles each topic's section holds (beyond the cap too), in order
     */
    public record Personal(RenderedDigest digest, boolean nothingNew, Map<String, Integer> articlesByTopic) {}

    /** The digest of one subscriber, as {@link DigestRenderer#render} would render it for them. */
    public Personal compose(Subscriber subscriber, Instant windowStart, Instant windowEnd, DigestLinks links) {
        Key key = Key.of(subscriber, windowStart, windowEnd, links);
        Shared content = shared(key, subscriber, windowStart, windowEnd);
        if (!content.shareable) {
            return fullRender(subscriber, windowStart, windowEnd, links);
        }
        RenderedDigest copy = content.fill(subscriber, links);
        if (!content.checked) {
            synchronized (content) {
                if (!content.checked) {
                    Personal full = fullRender(subscriber, windowStart, windowEnd, links);
                    if (!full.digest().equals(copy)) {
                        content.shareable = false;
                        warnOnce();
                        return full;
                    }
                    content.checked = true;
                }
            }
        }
        return new Personal(copy, content.digest.isEmpty(), content.articlesByTopic);
    }

    /** How many times a digest was rendered by this run's templates (for tests of the sharing). */
    int renders() {
        return renders.get();
    }

    private Shared shared(Key key, Subscriber subscriber, Instant windowStart, Instant windowEnd) {
        synchronized (shared) {
            Shared found = shared.get(key);
            if (found != null) {
                return found;
            }
        }
        Subscriber placeholder = new Subscriber(subscriber.id(), subscriber.email(), key.named() ? NAME : "",
                subscriber.status(), subscriber.topics(), subscriber.frequency(), subscriber.sendDay(),
                subscriber.sendHour(), subscriber.timeZone(), subscriber.locale(), subscriber.tokenVersion(),
                subscriber.calendarVersion(), subscriber.createdAt(), subscriber.confirmedAt());
        Digest digest = selection.select(placeholder, windowStart, windowEnd);
        renders.incrementAndGet();
        RenderedDigest rendered = renderer.render(digest,
                new DigestLinks(PREFERENCES, UNSUBSCRIBE, key.viewLink() ? VIEW : null), DEFERRING);
        Shared made = new Shared(digest, rendered);
        synchronized (shared) {
            Shared raced = shared.putIfAbsent(key, made);
            return raced != null ? raced : made;
        }
    }

    /** The digest rendered for this subscriber alone, as before sharing. */
    private Personal fullRender(Subscriber subscriber, Instant windowStart, Instant windowEnd, DigestLinks links) {
        renders.incrementAndGet();
        Digest digest = selection.select(subscriber, windowStart, windowEnd);
        return new Personal(renderer.render(digest, links), digest.isEmpty(), byTopic(digest));
    }

    private static Map<String, Integer> byTopic(Digest digest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        digest.sections().forEach(section -> counts.put(section.topic(), section.total()));
        return counts;
    }

    private void warnOnce() {
        if (!warned) {
            warned = true;
            log.warn("the digest templates change a subscriber's name or links as they print them, so digests cannot"
                    + " be rendered once per shared content: each is rendered on its own in this run (slower)");
        }
    }

    /** What makes two subscribers' digests the same but for their name and links. */
    private record Key(List<String> topics, Locale locale, ZoneId zone, Frequency frequency, Instant windowStart,
            Instant windowEnd, boolean named, boolean viewLink) {
        static Key of(Subscriber s, Instant windowStart, Instant windowEnd, DigestLinks links) {
            return new Key(s.topics().stream().sorted().distinct().toList(), s.locale(), s.timeZone(), s.frequency(),
                    windowStart, windowEnd, !PlainText.clean(s.name()).isEmpty(), links.viewInBrowserUrl() != null);
        }
    }

    /** One shared content: its digest, rendered with placeholders. */
    private static final class Shared {
        final Digest digest;
        final Map<String, Integer> articlesByTopic;
        final String subject;
        final String preheader;
        final PersonalTemplate html;
        final PersonalTemplate text;
        /** False once a copy differed from a full rendering (or the subject holds a personal value). */
        volatile boolean shareable;
        volatile boolean checked;

        Shared(Digest digest, RenderedDigest rendered) {
            this.digest = digest;
            this.articlesByTopic = byTopic(digest);
            this.subject = rendered.subject();
            this.preheader = rendered.preheader();
            this.html = PersonalTemplate.of(rendered.html(), PLAIN, PLACEHOLDERS);
            this.text = PersonalTemplate.of(rendered.text(), PLAIN, PLACEHOLDERS);
            boolean personalOutsideBody = contains(subject) || contains(preheader);
            this.shareable = !personalOutsideBody;
        }

        private static boolean contains(String line) {
            for (String placeholder : PLACEHOLDERS) {
                if (line.contains(placeholder)) {
                    return true;
                }
            }
            return false;
        }

        RenderedDigest fill(Subscriber subscriber, DigestLinks links) {
            String name = PlainText.clean(subscriber.name());
            String view = links.viewInBrowserUrl() == null ? "" : links.viewInBrowserUrl();
            String filledHtml = html.fill(HtmlEscape.escapeHtml4Xml(name),
                    HtmlEscape.escapeHtml4Xml(links.preferencesUrl()), HtmlEscape.escapeHtml4Xml(links.unsubscribeUrl()),
                    HtmlEscape.escapeHtml4Xml(view));
            String filledText = text.fill(name, links.preferencesUrl(), links.unsubscribeUrl(), view);
            return new RenderedDigest(subject, preheader, filledHtml, filledText, digest.articleCount(),
                    digest.eventCount());
        }
    }
}
