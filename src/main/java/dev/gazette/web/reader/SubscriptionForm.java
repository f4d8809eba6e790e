package dev.gazette.web.reader;

import dev.gazette.subscriber.EmailAddresses;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.SubscriberPreferences;
import dev.gazette.subscriber.SubscriberStore;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of the subscribe form and of the preference centre, exactly as typed (so a form shown again with its
 * errors keeps every value), and what is wrong with them: a message key per field ({@code reader.error.*}).
 *
 * @param email only on the subscribe form ("" elsewhere)
 * @param frequency daily, weekly or paused
 * @param sendDay monday ... sunday (preference centre only)
 * @param sendHour 0 ... 23 (preference centre only)
 * @param language a language tag among {@link FormChoices#LANGUAGES}
 */
record SubscriptionForm(String email, String name, Set<String> topics, String frequency, String sendDay,
        String sendHour, String timeZone, String language) {

    SubscriptionForm {
        topics = Set.copyOf(topics);
    }

    /** The fields of a posted form. */
    static SubscriptionForm read(Context ctx) {
        return new SubscriptionForm(field(ctx, "email"), field(ctx, "name"), new LinkedHashSet<>(ctx.formParams("topics")),
                field(ctx, "frequency"), field(ctx, "sendDay"), field(ctx, "sendHour"), field(ctx, "timeZone"),
                field(ctx, "language"));
    }

    /** An empty subscribe form: weekly, the configured zone, the page's language. */
    static SubscriptionForm blank(String zone, String language) {
        return new SubscriptionForm("", "", Set.of(), "weekly", "", "", zone, language);
    }

    /** A subscriber's stored choices. */
    static SubscriptionForm of(Subscriber s) {
        return new SubscriptionForm("", s.name(), Set.copyOf(s.topics()), lower(s.frequency().name()), lower(s.sendDay().name()),
                Integer.toString(s.sendHour()), s.timeZone().getId(), s.locale().getLanguage());
    }

    /**
     * What is wrong, by field name; empty when nothing is.
     *
     * @param signUp the subscribe form (an address, no pausing) rather than the preference centre (a day and hour)
     */
    Map<String, String> problems(boolean signUp, List<String> topicSlugs) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (signUp) {
            if (email.isEmpty()) {
                problems.put("email", "reader.error.email.missing");
            } else if (!EmailAddresses.isValid(email)) {
                problems.put("email", "reader.error.email.invalid");
            }
        }
        if (name.length() > SubscriberStore.MAX_NAME_LENGTH) {
            problems.put("name", "reader.error.name.long");
        } else if (name.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            problems.put("name", "reader.error.name.control");
        }
        if (!topicSlugs.containsAll(topics)) {
            problems.put("topics", "reader.error.topics.unknown");
        } else if (topics.isEmpty() && !topicSlugs.isEmpty()) {
            problems.put("topics", "reader.error.topics.missing");
        }
        if (!(signUp ? FormChoices.SIGN_UP_FREQUENCIES : FormChoices.FREQUENCIES).contains(frequency)) {
            problems.put("frequency", "reader.error.frequency");
        }
        if (!FormChoices.isZone(timeZone)) {
            problems.put("timeZone", "reader.error.timeZone");
        }
        if (!FormChoices.LANGUAGES.contains(language)) {
            problems.put("language", "reader.error.language");
        }
        if (!signUp) {
            if (day() == null) {
                problems.put("sendDay", "reader.error.sendDay");
            }
            if (hour() < 0) {
                problems.put("sendHour", "reader.error.sendHour");
            }
        }
        return problems;
    }

    /** A sign-up (valid: see {@link #problems}); the send day and hour are the configured defaults. */
    SubscriberDraft draft() {
        return new SubscriberDraft(email, name, List.copyOf(topics), frequencyValue(), ZoneId.of(timeZone),
                Locale.forLanguageTag(language), null, null);
    }

    /** The preferences (valid: see {@link #problems}). */
    SubscriberPreferences preferences() {
        return new SubscriberPreferences(name, List.copyOf(topics), frequencyValue(), day(), hour(), ZoneId.of(timeZone),
                Locale.forLanguageTag(language));
    }

    private Frequency frequencyValue() {
        return Frequency.valueOf(frequency.toUpperCase(Locale.ROOT));
    }

    private DayOfWeek day() {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (lower(d.name()).equals(sendDay)) {
                return d;
            }
        }
        return null;
    }

    private int hour() {
        try {
            int h = Integer.parseInt(sendHour);
            return h >= 0 && h <= 23 ? h : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
