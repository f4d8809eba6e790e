package dev.gazette.config;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks what binding cannot: value ranges, references between keys, formats. Reports every problem at once. */
final class ConfigValidator {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final String origin;
    private final Map<String, String> overridden;
    private final List<String> problems = new ArrayList<>();

    /** @param overridden keys set by environment variables, and the variable that set each */
    ConfigValidator(String origin, Map<String, String> overridden) {
        this.origin = origin;
        this.overridden = overridden;
    }

    void validate(GazetteConfig config) {
        DatabaseConfig db = config.database();
        if (!db.embedded() && !db.url().startsWith("jdbc:h2:") && !db.url().startsWith("jdbc:postgresql:")) {
            problem("database.url", "'" + db.url() + "' is not a jdbc:h2: or jdbc:postgresql: URL");
        }
        positive("database.pool-size", db.poolSize());
        if (config.server().port() < 0 || config.server().port() > 65535) {
            problem("server.port", config.server().port() + " is not a TCP port (0 to 65535)");
        }
        FetchConfig fetch = config.fetch();
        positive("fetch.connect-timeout", fetch.connectTimeout());
        positive("fetch.read-timeout", fetch.readTimeout());
        positive("fetch.backoff-base", fetch.backoffBase());
        positive("fetch.backoff-max", fetch.backoffMax());
        positive("fetch.concurrency", fetch.concurrency());
        positive("fetch.per-host-concurrency", fetch.perHostConcurrency());
        positive("fetch.max-retry-after", fetch.maxRetryAfter());
        if (fetch.maxRedirects() < 0) {
            problem("fetch.max-redirects", "must not be negative");
        }
        if (fetch.userAgent() == null || fetch.userAgent().isBlank() || fetch.userAgent().matches("(?s).*[\\r\\n\\x00].*")) {
            problem("fetch.user-agent", "must be one non-empty line");
        }
        positive("collect.default-interval", config.collect().defaultInterval());
        positive("collect.calendar.horizon", config.collect().calendar().horizon());
        positive("collect.calendar.max-occurrences", config.collect().calendar().maxOccurrences());

        validateServer(config.server());
        validateMail(config);
        validateDigest(config.digest(), config.subscribers());
        positive("admin.session-timeout", config.admin().sessionTimeout());
        positive("alerts.max-per-subscriber", config.alerts().maxPerSubscriber());
        positive("alerts.max-query-length", config.alerts().maxQueryLength());
        positive("alerts.instant-interval", config.alerts().instantInterval());
        positive("alerts.test-window", config.alerts().testWindow());
        positive("alerts.max-items-per-alert", config.alerts().maxItemsPerAlert());
        String secret = config.security().secret();
        if (secret != null && !secret.isEmpty() && secret.length() < 32) {
            problem("security.secret", "must be at least 32 characters (or empty for a generated one)");
        }

        Set<String> topicSlugs = new HashSet<>();
        for (int i = 0; i < config.topics().size(); i++) {
            validateTopic("topics[" + i + "]", config.topics().get(i), topicSlugs);
        }
        Set<String> sourceIds = new HashSet<>();
        for (int i = 0; i < config.sources().size(); i++) {
            validateSource("sources[" + i + "]", config.sources().get(i), sourceIds, topicSlugs);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(origin + ": " + String.join("; ", problems));
        }
    }

    private void validateServer(ServerConfig server) {
        String url = server.publicUrl();
        if (url != null && !url.isBlank()) {
            try {
                URI uri = new URI(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problem("server.public-url", "'" + url + "' is not an http: or https: address");
                } else if (uri.getQuery() != null || uri.getFragment() != null) {
                    problem("server.public-url", "must not have a query or fragment");
                }
            } catch (java.net.URISyntaxException e) {
                problem("server.public-url", "'" + url + "' is not an address: " + e.getMessage());
            }
        }
    }

    private void validateMail(GazetteConfig config) {
        MailConfig mail = config.mail();
        port("mail.port", mail.port(), false);
        port("mail.outbox.smtp-port", mail.outbox().smtpPort(), true);
        port("mail.outbox.imap-port", mail.outbox().imapPort(), true);
        if (mail.security() == null) {
            problem("mail.security", "must be none, starttls or tls");
        }
        positive("mail.connect-timeout", mail.connectTimeout());
        positive("mail.timeout", mail.timeout());
        positive("mail.connections", mail.connections());
        oneLine("mail.host", mail.host());
        oneLine("mail.username", mail.username());
        DeliveryConfig delivery = config.delivery();
        if (delivery.from() == null || delivery.from().isBlank()) {
            problem("delivery.from", "is required");
        }
        oneLine("delivery.from", delivery.from());
        oneLine("delivery.reply-to", delivery.replyTo());
        oneLine("delivery.unsubscribe-mailto", delivery.unsubscribeMailto());
        if (!(delivery.rateLimit() > 0) || Double.isInfinite(delivery.rateLimit())) {
            problem("delivery.rate-limit", "must be a number of messages per second above zero");
        }
        positive("delivery.max-attempts", delivery.maxAttempts());
        positive("delivery.retry-base", delivery.retryBase());
        positive("delivery.retry-max", delivery.retryMax());
    }

    private void validateDigest(DigestConfig digest, SubscribersConfig subscribers) {
        positive("digest.event-horizon", digest.eventHorizon());
        positive("digest.max-items-per-topic", digest.maxItemsPerTopic());
        positive("digest.max-events", digest.maxEvents());
        positive("digest.daily-stale-after", digest.dailyStaleAfter());
        positive("digest.weekly-stale-after", digest.weeklyStaleAfter());
        positive("digest.check-every", digest.checkEvery());
        if (digest.dailyStaleAfter() != null && digest.dailyStaleAfter().compareTo(Duration.ofDays(1)) >= 0) {
            problem("digest.daily-stale-after", "must be shorter than a day");
        }
        if (digest.weeklyStaleAfter() != null && digest.weeklyStaleAfter().compareTo(Duration.ofDays(7)) >= 0) {
            problem("digest.weekly-stale-after", "must be shorter than a week");
        }
        try {
            ZoneId.of(subscribers.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            problem("subscribers.time-zone", "'" + subscribers.timeZone() + "' is not an IANA time zone, e.g. Europe/Berlin");
        }
        if (subscribers.locale() == null || !subscribers.locale().matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")) {
            problem("subscribers.locale", "'" + subscribers.locale() + "' is not a language tag, e.g. en or ko");
        }
        if (subscribers.sendDay() == null) {
            problem("subscribers.send-day", "must be a day of the week, e.g. monday");
        }
        positive("subscribers.confirm-within", subscribers.confirmWithin());
        if (subscribers.sendHour() < 0 || subscribers.sendHour() > 23) {
            problem("subscribers.send-hour", subscribers.sendHour() + " is not an hour (0 to 23)");
        }
    }

    private void port(String key, int port, boolean zeroAllowed) {
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            problem(key, port + " is not a TCP port (" + (zeroAllowed ? 0 : 1) + " to 65535)");
        }
    }

    private void oneLine(String key, String value) {
        if (value != null && value.matches("(?s).*[\\r\\n\\x00].*")) {
            problem(key, "must be one line");
        }
    }

    private void validateTopic(String key, TopicConfig topic, Set<String> slugs) {
        slug(key + ".slug", topic.slug(), slugs);
        if (topic.name() == null || topic.name().isBlank()) {
            problem(key + ".name", "is required");
        }
        for (String word : concat(topic.include(), topic.exclude())) {
            if (word == null || word.isBlank()) {
                problem(key, "keywords must not be empty");
            }
        }
    }

    private void validateSource(String key, SourceConfig source, Set<String> ids, Set<String> topics) {
        SourceValidation.check(key, source, ids, topics, SourceValidation.FILE_SCHEMES, this::problem);
    }

    private void slug(String key, String value, Set<String> seen) {
        if (value == null || !SLUG.matcher(value).matches()) {
            problem(key, "'" + value + "' must be lower-case letters, digits and dashes");
        } else if (!seen.add(value)) {
            problem(key, "'" + value + "' is used twice");
        }
    }

    private void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problem(key, "must be longer than zero");
        }
    }

    private void positive(String key, int value) {
        if (value <= 0) {
            problem(key, "must be at least 1");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void problem(String key, String what) {
        String variable = overridden.get(key);
        problems.add("key '" + key + "' " + (variable == null ? "" : "(from environment variable " + variable + ") ") + what);
    }
}
