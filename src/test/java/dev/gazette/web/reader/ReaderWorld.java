package dev.gazette.web.reader;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import dev.gazette.web.WebServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A whole Gazette for the subscriber pages, reached over real HTTP: a database (H2 or PostgreSQL), the bundled
 * sample sources and topics, mail to a real SMTP server (GreenMail), the web server on a free port, and a browser
 * stand-in that keeps cookies, does not follow redirects by itself, and fills in forms the way a browser would.
 * Configured through a YAML file, as a user configures Gazette.
 */
final class ReaderWorld implements AutoCloseable {
    /** Saturday 28 November 2026, 10:00 UTC. */
    static final String NOW = "2026-11-28T10:00:00Z";

    final MutableClock clock = MutableClock.ticking(NOW);
    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final Gazette gazette;
    final WebServer web;
    final String base;
    HttpClient browser = newBrowser();

    ReaderWorld(Path dir, DatabaseKind kind) {
        this(dir, kind, "");
    }

    /** @param extraYaml more top-level configuration (for example {@code sources:}) */
    ReaderWorld(Path dir, DatabaseKind kind, String extraYaml) {
        smtp.start();
        String yaml = """
                data-dir: "%s"
                database: {url: "%s", user: %s}
                server: {host: 127.0.0.1, port: 0}
                subscribers: {import-on-start: false, time-zone: Europe/Berlin}
                mail: {host: 127.0.0.1, port: %d, security: none, connect-timeout: 2s, timeout: 2s}
                delivery: {from: "Gazette News <news@example.org>", rate-limit: 1000, retry-base: 50ms, retry-max: 200ms}
                security: {secret: "a-reader-pages-test-secret-of-enough-length"}
                %s
                """.formatted(dir.resolve("data"), TestDatabases.jdbcUrl(kind), kind == DatabaseKind.H2 ? "sa" : "postgres",
                smtp.getSmtp().getPort(), extraYaml);
        try {
            Path file = dir.resolve("gazette.yml");
            Files.writeString(file, yaml);
            gazette = Gazette.open(new ConfigLoader(Map.of()).load(file), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        web = new WebServer(gazette, Map::of);
        int port = web.start(gazette.config().server());
        gazette.serving(port);
        base = "http://127.0.0.1:" + port;
    }

    static HttpClient newBrowser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A page or answer as received. */
    record Page(int status, HttpResponse<String> response, Document document) {
        String location() {
            return response.headers().firstValue("Location").orElse(null);
        }

        String text() {
            return document.text();
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Page get(String path, String acceptLanguage) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", acceptLanguage).GET());
    }

    /** A POST of form fields (application/x-www-form-urlencoded), with the browser's cookies. */
    Page post(String path, Map<String, List<String>> fields, String... headers) {
        String body = fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Submit a form of a page as a browser would: its hidden fields, checked boxes and radios, selected options
     * and text fields, with some fields replaced.
     */
    Page submit(Page page, String formSelector, Map<String, List<String>> changes) {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on the page: " + page.text());
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            List<String> values = fields.computeIfAbsent(name, k -> new ArrayList<>());
            switch (input.tagName()) {
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    Element option = selected != null ? selected : input.selectFirst("option");
                    if (option != null) {
                        values.add(option.attr("value"));
                    }
                }
                case "textarea" -> values.add(input.text());
                default -> {
                    String type = input.attr("type");
                    if (!(type.equals("checkbox") || type.equals("radio")) || input.hasAttr("checked")) {
                        values.add(input.attr("value"));
                    }
                }
            }
        }
        fields.putAll(changes);
        return post(form.attr("action"), fields);
    }

    Page follow(Page redirect) {
        if (redirect.status() != 303 || redirect.location() == null) {
            throw new AssertionError("expected a 303 redirect, got " + redirect.status() + ": " + redirect.text());
        }
        return get(redirect.location());
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response, Jsoup.parse(response.body(), base));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    /** The path and query of one of Gazette's own links (for following a link from an email). */
    String path(String url) {
        if (!url.startsWith(base + "/")) {
            throw new AssertionError(url + " is not a link to this Gazette (" + base + ")");
        }
        return url.substring(base.length());
    }

    static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return form;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- subscribers and tokens ----

    /** A subscriber added the way an admin's import adds one: ACTIVE. */
    Subscriber active(String email, String name, Frequency frequency, String zone, String language) {
        gazette.subscribers().upsert(new SubscriberDraft(email, name, List.of("oncology"), frequency, ZoneId.of(zone),
                Locale.forLanguageTag(language), null, null));
        return subscriber(email);
    }

    Subscriber subscriber(String email) {
        return gazette.subscribers().findByEmail(email).orElseThrow();
    }

    String path(TokenPurpose purpose, Subscriber subscriber) {
        String prefix = switch (purpose) {
            case UNSUBSCRIBE -> "/unsubscribe/";
            case PREFERENCES -> "/preferences/";
            case CONFIRM -> "/confirm/";
            default -> throw new IllegalArgumentException(purpose + " tokens do not stand for the subscriber alone");
        };
        return prefix + gazette.tokens().issue(purpose, subscriber);
    }

    // ---- mail ----

    /** Wait for the n-th message in all (1-based) and return every message so far. */
    List<MimeMessage> awaitMessages(int count) {
        if (!smtp.waitForIncomingEmail(10_000, count)) {
            throw new AssertionError("expected " + count + " message(s), got " + smtp.getReceivedMessages().length);
        }
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** The messages to one address. */
    List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(MimeMessage message, String type) {
        try {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + type + " part");
    }

    /** The first link in the message's HTML whose address contains {@code path}, e.g. "/confirm/". */
    String link(MimeMessage message, String path) {
        Matcher m = Pattern.compile(Pattern.quote(base + path) + "[A-Za-z0-9_-]+").matcher(part(message, "text/html"));
        if (!m.find()) {
            throw new AssertionError("no " + path + " link in the message");
        }
        return m.group();
    }

    @Override
    public void close() {
        web.close();
        gazette.close();
        smtp.stop();
    }
}
