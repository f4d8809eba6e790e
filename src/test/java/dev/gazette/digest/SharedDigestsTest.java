package dev.gazette.digest;

import static dev.gazette.digest.DigestSamples.WINDOW_END;
import static dev.gazette.digest.DigestSamples.WINDOW_START;
import static dev.gazette.digest.SelectorFixtures.NOW;
import static dev.gazette.digest.SelectorFixtures.PUBLISHED;
import static dev.gazette.digest.SelectorFixtures.article;
import static dev.gazette.digest.SelectorFixtures.event;
import static dev.gazette.digest.SelectorFixtures.open;
import static dev.gazette.digest.SelectorFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.DigestConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digests rendered once per shared content and personalised per subscriber are the same, character for character, as
 * each subscriber's digest rendered on its own.
 */
class SharedDigestsTest {
    private static final String[] NAMES = {"Maria Lopez", "김지수", "", "   ", "O'Brien & <Sons> \"Q\"", "Zoë",
            "Reader {0} 'quoted'", "a&amp;b"};
    private static final String[] ZONES = {"UTC", "Asia/Seoul", "America/Los_Angeles", "Pacific/Auckland"};
    private static final String[][] TOPICS = {{"oncology"}, {"cardiology", "oncology"},
            {"digital-health", "health-policy", "korea-biotech"}, {"infectious-disease"}};

    @TempDir
    Path templates;

    @Test
    void aSampleOfSubscribersGetsTheSameDigestsEitherWay() {
        try (Database db = content()) {
            DigestConfig config = DigestSamples.config(templates, 3, 10, Duration.ofDays(30));
            DigestSelector selector = new DigestSelector(store(db, NOW), config, DigestSamples.topics());
            DigestRenderer renderer = new DigestRenderer(config, DigestSamples.topics(), id -> "https://n.example.org/e/" + id);
            SharedDigests shared = new SharedDigests(selector.forRun(NOW), renderer);
            DigestSelector.Run alone = selector.forRun(NOW);

            List<Subscriber> readers = readers(200);
            for (Subscriber reader : readers) {
                Instant start = reader.id() % 7 == 0 ? WINDOW_START.plus(Duration.ofDays(3)) : WINDOW_START;
                DigestLinks links = links(reader);
                Digest digest = alone.select(reader, start, WINDOW_END);
                RenderedDigest expected = renderer.render(digest, links);

                SharedDigests.Personal copy = shared.compose(reader, start, WINDOW_END, links);

                assertThat(copy.digest()).as("reader %d (%s)", reader.id(), reader.name()).isEqualTo(expected);
                assertThat(copy.nothingNew()).isEqualTo(digest.isEmpty());
                assertThat(copy.articlesByTopic().keySet())
                        .containsExactlyElementsOf(digest.sections().stream().map(Digest.Section::topic).toList());
            }
            // 4 topic sets x 4 zones x 2 languages x 2 windows x named or not x view link or not, at most: far
            // fewer renderings than readers (each content is rendered once, and its first copy checked once)
            assertThat(shared.renders()).isLessThan(readers.size());
            assertThat(copyOf(shared, readers.get(4)).html()).contains("O&#39;Brien &amp; &lt;Sons&gt; &quot;Q&quot;");
        }
    }

    @Test
    void aTemplateThatTransformsTheNameIsRenderedPerSubscriber() throws IOException {
        Path bundled = Path.of("templates");
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path file : files.toList()) {
                Files.copy(file, templates.resolve(file.getFileName().toString()));
            }
        }
        Path html = templates.resolve("digest.html");
        String original = Files.readString(html);
        String upper = original.replace("#{digest.greeting(${digest.name})}",
                "#{digest.greeting(${#strings.toUpperCase(digest.name)})}");
        assertThat(upper).isNotEqualTo(original);
        Files.writeString(html, upper);

        try (Database db = content()) {
            DigestConfig config = DigestSamples.config(templates, 3, 10, Duration.ofDays(30));
            DigestSelector selector = new DigestSelector(store(db, NOW), config, DigestSamples.topics());
            DigestRenderer renderer = new DigestRenderer(config, DigestSamples.topics());
            SharedDigests shared = new SharedDigests(selector.forRun(NOW), renderer);
            for (Subscriber reader : readers(40)) {
                RenderedDigest expected = renderer.render(selector.select(reader, WINDOW_START, WINDOW_END, NOW),
                        links(reader));
                assertThat(shared.compose(reader, WINDOW_START, WINDOW_END, links(reader)).digest())
                        .as("reader %d", reader.id()).isEqualTo(expected);
            }
            RenderedDigest maria = copyOf(shared, readers(1).get(0));
            assertThat(maria.html()).contains("MARIA LOPEZ");
        }
    }

    private static RenderedDigest copyOf(SharedDigests shared, Subscriber reader) {
        return shared.compose(reader, WINDOW_START, WINDOW_END, links(reader)).digest();
    }

    private static Database content() {
        Database db = open(DatabaseKind.H2);
        article(db, WINDOW_START.plusSeconds(10), "Tumour <b>shrinks</b> & more", PUBLISHED, "oncology");
        article(db, WINDOW_START.plusSeconds(20), "Heart study", PUBLISHED, "cardiology", "oncology");
        article(db, WINDOW_START.plus(Duration.ofDays(4)), "Late oncology news", PUBLISHED, "oncology");
        article(db, WINDOW_START.plusSeconds(30), "바이오 산업", PUBLISHED, "korea-biotech");
        article(db, WINDOW_START.plusSeconds(40), "Telehealth rules", PUBLISHED, "digital-health", "health-policy");
        for (int i = 0; i < 5; i++) {
            article(db, WINDOW_START.plusSeconds(50 + i), "Cancer item " + i, PUBLISHED.plusSeconds(i), "oncology");
        }
        event(db, WINDOW_START.plusSeconds(60), "Cardiology summit", NOW.plus(Duration.ofDays(3)),
                NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(8)), false, "cardiology");
        event(db, WINDOW_START.minusSeconds(60), "Policy day", NOW.plus(Duration.ofDays(5)), null, true,
                "health-policy");
        return db;
    }

    private static List<Subscriber> readers(int n) {
        List<Subscriber> readers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Locale locale = i % 3 == 0 ? Locale.KOREAN : Locale.ENGLISH;
            readers.add(new Subscriber(i + 1, "reader" + i + "@example.org", NAMES[i % NAMES.length],
                    SubscriberStatus.ACTIVE, List.of(TOPICS[i % TOPICS.length]), Frequency.WEEKLY, DayOfWeek.MONDAY, 8,
                    ZoneId.of(ZONES[i % ZONES.length]), locale, 1, 1, WINDOW_START, WINDOW_START));
        }
        return readers;
    }

    /** Links as signed per subscriber; some with characters HTML escapes, some with a web copy. */
    private static DigestLinks links(Subscriber reader) {
        String token = "tok" + reader.id() + (reader.id() % 5 == 0 ? "&x=<1>" : "");
        return new DigestLinks("https://news.example.org/preferences/" + token,
                "https://news.example.org/unsubscribe/" + token,
                reader.id() % 2 == 0 ? "https://news.example.org/view/" + token : null);
    }
}
