package dev.gazette.digest;

import dev.gazette.config.DigestConfig;
import dev.gazette.config.TopicConfig;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.context.Context;

/**
 * Renders the emails about a subscription itself, in the reader's language and time zone, from the same templates
 * folder, messages and layout as digests (see {@code templates/README.md}): the double opt-in confirmation
 * ({@code confirm.html}, {@code confirm.txt}) and the note to an address that is on the list already
 * ({@code already.html}, {@code already.txt}): "you are subscribed, here are your preferences", or, for an address
 * that left, "subscribe again?". These are transactional emails: they carry no List-Unsubscribe headers, and only
 * the note to a subscribed address has the preferences and unsubscribe links in its footer.
 *
 * <p>Make one per send run, like {@link DigestRenderer}; safe to share between threads.
 */
public final class NoticeRenderer {
    private final EmailTemplates templates;
    private final Map<String, String> topicNames = new LinkedHashMap<>();
    private final PlainText plain = new PlainText();

    public NoticeRenderer(DigestConfig config, List<TopicConfig> topics) {
        this.templates = new EmailTemplates(config.templates());
        topics.forEach(t -> topicNames.putIfAbsent(t.slug(), t.name()));
    }

    /** The double opt-in email of a new sign-up: a link that confirms it, working until {@code expiresAt}. */
    public RenderedNotice confirm(Subscriber subscriber, String confirmUrl, Instant expiresAt) {
        return render("confirm", subscriber, confirmUrl, expiresAt, false, NoticeView.Links.NONE);
    }

    /**
     * To the owner of an address that is subscribed already, after someone entered it on the subscribe form:
     * nothing changed, and here are their preferences.
     */
    public RenderedNotice alreadySubscribed(Subscriber subscriber, DigestLinks links) {
        return render("already", subscriber, links.preferencesUrl(), null, true,
                new NoticeView.Links(links.preferencesUrl(), links.unsubscribeUrl()));
    }

    /**
     * To the owner of an address that unsubscribed (or bounced), after someone entered it on the subscribe form: a
     * link to subscribe again, working until {@code expiresAt}.
     */
    public RenderedNotice subscribeAgain(Subscriber subscriber, String confirmUrl, Instant expiresAt) {
        return render("already", subscriber, confirmUrl, expiresAt, false, NoticeView.Links.NONE);
    }

    private RenderedNotice render(String template, Subscriber subscriber, String actionUrl, Instant expiresAt,
            boolean active, NoticeView.Links links) {
        EmailMessages messages = templates.messages();
        Locale locale = messages.supported(subscriber.locale());
        ReaderDates dates = new ReaderDates(locale, subscriber.timeZone(), messages.message(locale, "email.range"),
                DateTimeFormatter.ofPattern("MMM d"), DateTimeFormatter.ofPattern("MMM d, yyyy"));
        List<String> topics = topicNames.entrySet().stream()
                .filter(t -> subscriber.topics().contains(t.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        String frequency = subscriber.frequency().name().toLowerCase(Locale.ROOT);
        String frequencyLabel = subscriber.frequency() == Frequency.PAUSED ? ""
                : messages.message(locale, "digest.edition." + frequency);
        NoticeView notice = new NoticeView(PlainText.clean(subscriber.name()), topics, String.join(", ", topics),
                frequency, frequencyLabel, actionUrl, expiresAt == null ? "" : dates.moment(expiresAt), active);

        String variant = template.equals("already") && !active ? "already.inactive" : template;
        String subject = PlainText.clean(messages.message(locale, variant + ".subject"));
        String preheader = PlainText.clean(messages.message(locale, variant + ".preheader"));
        Context context = new Context(locale);
        context.setVariable("notice", notice);
        context.setVariable("links", links);
        context.setVariable("subject", subject);
        context.setVariable("preheader", preheader);
        context.setVariable("plain", plain);
        return new RenderedNotice(subject, preheader, templates.process(template + ".html", context),
                templates.process(template + ".txt", context));
    }
}
