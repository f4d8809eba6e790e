package dev.gazette.digest;

import dev.gazette.item.Item;
import dev.gazette.subscriber.Subscriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A realistic weekly digest from the sample topics and sources (the sample wire's fictional stories and the
 * sample calendar's events). {@link #main} writes its HTML to {@code docs/sample-digest.html}; run it from the
 * project root after changing the bundled templates:
 * {@code java -cp target/classes:target/test-classes:<dependencies> dev.gazette.digest.SampleDigest}.
 */
public final class SampleDigest {
    static final Instant START = Instant.parse("2026-11-09T08:00:00Z");
    static final Instant END = Instant.parse("2026-11-16T08:00:00Z");

    private SampleDigest() {}

    static Digest digest(Locale locale, String zone) {
        Subscriber reader = DigestSamples.subscriber("Jane Park",
                List.of("health-policy", "infectious-disease", "oncology"), zone, locale);
        Instant seen = START.plusSeconds(7200);
        Item measles = article(11, "Measles cases climb in three regions as childhood vaccination rates slip",
                "https://wire.example.org/news/2026/11/measles-cases-climb",
                "Health officials urge parents to check that children have had both doses of the MMR vaccine before "
                        + "the winter holidays.", "2026-11-12T09:15:00Z", seen, List.of("infectious-disease"));
        Item hiv = article(12, "Twice-yearly HIV prevention injection enters late-stage trial",
                "https://wire.example.org/news/2026/11/hiv-prevention-injection",
                "The fictional Phase 3 PREVAIL trial will enrol 6,000 adults across four continents to test a "
                        + "long-acting injection given every six months.", "2026-11-11T11:00:00Z", seen,
                List.of("infectious-disease"));
        Item tb = article(13, "Rapid tuberculosis test gives results in under an hour in field study",
                "https://wire.example.org/news/2026/11/rapid-tb-test",
                "A battery-powered tuberculosis test matched laboratory culture results in 94% of 1,200 samples, "
                        + "researchers report.", "2026-11-10T07:45:00Z", seen, List.of("infectious-disease"));
        Item pancreatic = article(14, "Halvorsen Therapeutics reports tumour shrinkage in Phase 2 pancreatic cancer trial",
                "https://wire.example.org/news/2026/11/halvorsen-phase-2-pancreatic",
                "In the fictional HALO-2 study, 38% of patients with advanced pancreatic cancer saw their tumours "
                        + "shrink on the combination.", "2026-11-13T08:00:00Z", seen, List.of("oncology"));
        Item bowel = article(15, "Bowel cancer screening to start at 45 under new national plan",
                "https://wire.example.org/news/2026/11/bowel-screening-at-45",
                "Home test kits will be posted to adults from age 45, five years earlier than today.",
                "2026-11-12T16:00:00Z", seen, List.of("health-policy", "oncology"));
        Item rare = article(16, "Regulator proposes faster review pathway for rare-disease medicines",
                "https://wire.example.org/news/2026/11/rare-disease-review-pathway",
                "Under the draft rules, medicines for conditions affecting fewer than 1 in 50,000 people could be "
                        + "reviewed in 150 days instead of 210. Comments are open until January.",
                "2026-11-09T15:00:00Z", seen, List.of("health-policy"));

        Item conference = DigestSamples.event(21, "Emerging Infectious Diseases Conference 2027",
                "https://events.example.org/eid-2027", Instant.parse("2027-03-22T12:30:00Z"),
                Instant.parse("2027-03-24T21:00:00Z"), false,
                "Hynes Convention Center, 900 Boylston Street, Boston, MA", seen, List.of("infectious-disease"));
        Item workshop = DigestSamples.event(22, "Vaccine Manufacturing Workshop", "https://events.example.org/vaccine-workshop",
                Instant.parse("2026-12-10T14:00:00Z"), Instant.parse("2026-12-10T21:00:00Z"), false, "Online (webinar)",
                Instant.parse("2026-10-01T00:00:00Z"), List.of("infectious-disease"));
        Item openLab = DigestSamples.event(23, "World Health Day Open Lab", "https://events.example.org/open-lab",
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-03T00:00:00Z"), true,
                "Example Institute, Geneva", seen, List.of("health-policy"));
        // the sample calendar's weekly club: Tuesdays at noon in New York, nine dates within the event horizon
        List<Item> club = new ArrayList<>();
        for (int week = 0; week < 9; week++) {
            Instant start = Instant.parse("2026-11-17T17:00:00Z").plus(Duration.ofDays(7L * week));
            club.add(DigestSamples.event(40 + week, "Oncology Journal Club",
                    "https://events.example.org/oncology-journal-club", start, start.plus(Duration.ofHours(1)), false,
                    "Online (webinar)", Instant.parse("2026-10-01T00:00:00Z"), List.of("oncology")));
        }
        List<Digest.Section> sections = List.of(
                new Digest.Section("oncology", "Oncology", List.of(pancreatic, bowel), 0),
                new Digest.Section("infectious-disease", "Infectious disease", List.of(measles, hiv), 1),
                new Digest.Section("health-policy", "Health policy", List.of(rare), 0));
        assert tb != null; // counted in "1 more" of infectious disease
        return new Digest(reader, Digest.Edition.WEEKLY, LocalDate.of(2026, 11, 16), START, END, sections,
                List.of(new EventSeries(club), EventSeries.of(openLab), EventSeries.of(workshop),
                        EventSeries.of(conference)), 2, 2);
    }

    static RenderedDigest render(Locale locale, String zone, Path templates) {
        DigestRenderer renderer = new DigestRenderer(DigestSamples.config(templates), DigestSamples.topics(),
                id -> "https://gazette.example.org/events/" + id + "-demo/event.ics");
        return renderer.render(digest(locale, zone), new DigestLinks("https://gazette.example.org/preferences?t=demo",
                "https://gazette.example.org/unsubscribe?t=demo", "https://gazette.example.org/digests/demo"));
    }

    private static Item article(long id, String title, String link, String summary, String published, Instant seen,
            List<String> topics) {
        Item item = DigestSamples.article(id, title, link, summary, Instant.parse(published), topics);
        return new Item(item.id(), item.sourceId(), item.kind(), item.guid(), item.link(), item.title(),
                item.summaryHtml(), item.summaryText(), item.categories(), item.publishedAt(), null, null, null, false,
                null, null, seen, topics);
    }

    /** Writes docs/sample-digest.html (English, New York) and prints the plain text of it. */
    public static void main(String[] args) throws IOException {
        Path empty = Files.createTempDirectory("gazette-bundled-templates");
        RenderedDigest sample = render(Locale.ENGLISH, "America/New_York", empty);
        Files.writeString(Path.of("docs/sample-digest.html"), sample.html(), StandardCharsets.UTF_8);
        System.out.println("Subject: " + sample.subject());
        System.out.println("Preheader: " + sample.preheader());
        System.out.println();
        System.out.println(sample.text());
        if (args.length > 0) {
            RenderedDigest korean = render(Locale.KOREAN, "Asia/Seoul", empty);
            Files.writeString(Path.of(args[0]), korean.html(), StandardCharsets.UTF_8);
            System.out.println("Subject: " + korean.subject());
            System.out.println(korean.text());
        }
        Files.delete(empty);
    }
}
