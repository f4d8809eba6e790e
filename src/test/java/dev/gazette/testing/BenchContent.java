package dev.gazette.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks' sources and subscribers: six topics with eight new articles each, six upcoming events, and weekly
 * readers who follow two or three topics each, spread over six time zones, one in five reading in Korean. A typical
 * digest then lists 12 of its 20 new articles and 2 events.
 */
public final class BenchContent {
    public static final String[][] TOPICS = {{"oncology", "cancer"}, {"cardiology", "heart"},
            {"infectious-disease", "vaccine"}, {"health-policy", "policy"}, {"digital-health", "telehealth"},
            {"korea-biotech", "Korean"}};
    public static final String[] ZONES = {"UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Seoul",
            "Pacific/Auckland", "America/New_York"};
    private static final String CSV_HEADER = "email,name,topics,frequency,timezone,locale\n";

    private BenchContent() {}

    /** An RSS feed of 48 articles, eight per topic, published in the 6 days before {@code newest}. */
    public static String feed(ZonedDateTime newest) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 48; i++) {
            String[] topic = TOPICS[i % TOPICS.length];
            items.append("""
                    <item><title>Study %d: %s research reaches a milestone in a multi-centre trial</title>
                      <link>https://wire.example.org/articles/%d</link><guid>article-%d</guid>
                      <pubDate>%s</pubDate>
                      <description>&lt;p&gt;Researchers report &lt;b&gt;%s&lt;/b&gt; results from a study of \
                    %d patients across twelve sites. The findings, published this week, point to changes \
                    in care and in how such trials are run.&lt;/p&gt;</description></item>
                    """.formatted(i, topic[1], i, i,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(newest.minusHours(3L * i)), topic[1], 100 + i));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link>
                <description>Benchmark wire</description>
                %s</channel></rss>
                """.formatted(items);
    }

    /** A calendar of six events, one per topic, each in its own zone, in the month of {@code month} (yyyyMM). */
    public static String calendar(String month) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < TOPICS.length; i++) {
            events.append("""
                    BEGIN:VEVENT
                    UID:event-%d@example.org
                    DTSTAMP:20261101T000000Z
                    DTSTART;TZID=%s:%s%02dT090000
                    DTEND;TZID=%s:%s%02dT170000
                    SUMMARY:%s summit %d
                    LOCATION:Hall %d\\, Convention Centre
                    DESCRIPTION:Two days of talks on %s.
                    END:VEVENT
                    """.formatted(i, ZONES[i], month, 3 + 2 * i, ZONES[i], month, 3 + 2 * i, TOPICS[i][1], i,
                    i + 1, TOPICS[i][1]));
        }
        return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Gazette bench//EN\n" + events + "END:VCALENDAR\n";
    }

    public static String email(int i) {
        return "reader" + i + "@example.org";
    }

    /** The subscriber CSV of n readers, in memory. */
    public static String subscribers(int n) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int i = 0; i < n; i++) {
            csv.append(row(i));
        }
        return csv.toString();
    }

    /** The subscriber CSV of n readers, written to a file row by row (for a million readers). */
    public static Path writeSubscribers(Path file, int n) {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(CSV_HEADER);
            for (int i = 0; i < n; i++) {
                out.write(row(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String row(int i) {
        List<String> followed = new ArrayList<>();
        for (int t = 0; t < 2 + i % 2; t++) {
            followed.add(TOPICS[(i + 2 * t) % TOPICS.length][0]);
        }
        boolean korean = i % 5 == 0;
        return email(i) + ',' + (korean ? "독자 " + i : "Reader " + i) + ',' + String.join(";", followed)
                + ",weekly," + ZONES[i % ZONES.length] + ',' + (korean ? "ko" : "en") + '\n';
    }
}
