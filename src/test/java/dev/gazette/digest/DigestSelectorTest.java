package dev.gazette.digest;

import static dev.gazette.digest.DigestSamples.WINDOW_END;
import static dev.gazette.digest.DigestSamples.WINDOW_START;
import static dev.gazette.digest.SelectorFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.DigestConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.CanonicalLinks;
import dev.gazette.item.Item;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemStore;
import dev.gazette.source.SourceStore;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;


/** Selection of articles and events on real items in H2 and PostgreSQL. */
class DigestSelectorTest {
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void articlesOfTheFollowedTopicsFirstSeenInTheWindowBySectionInTheConfiguredOrder(DatabaseKind kind) {
        try (Database db = open(kind)) {
            article(db, WINDOW_START.minusSeconds(1), "seen before the window", PUBLISHED, "oncology");
            article(db, WINDOW_START, "seen at the start", PUBLISHED, "oncology");
            article(db, WINDOW_END.minusSeconds(1), "heart news", PUBLISHED, "cardiology");
            article(db, WINDOW_END, "seen at the end", PUBLISHED, "oncology");
            article(db, WINDOW_START.plusSeconds(5), "not followed", PUBLISHED, "digital-health");
            article(db, WINDOW_START.plusSeconds(6), "unknown topic", PUBLISHED, "ghost");

            // subscriber topics are sorted (cardiology, ghost, oncology); sections follow the configuration
            Digest digest = selector(db, 5, 10).select(reader("UTC", "cardiology", "ghost", "oncology"), WINDOW_START,
                    WINDOW_END, NOW);

            assertThat(digest.sections()).extracting(Digest.Section::topic).containsExactly("oncology", "cardiology");
            assertThat(digest.sections()).extracting(Digest.Section::name).containsExactly("Oncology", "Cardiology");
            assertThat(titles(digest.sections().get(0).articles())).containsExactly("seen at the start");
            assertThat(titles(digest.sections().get(1).articles())).containsExactly("heart news");
            assertThat(digest.articleCount()).isEqualTo(2);
            assertThat(digest.isEmpty()).isFalse();
            assertThat(digest.edition()).isEqualTo(Digest.Edition.WEEKLY);
            assertThat(digest.date()).isEqualTo(LocalDate.of(2026, 2, 9));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anArticleOfTwoFollowedTopicsAppearsOnceInTheFirstOfThemInTheConfiguredOrder(DatabaseKind kind) {
        try (Database db = open(kind)) {
            // configured order: oncology, cardiology, infectious-disease, health-policy, ...
            article(db, WINDOW_START.plusSeconds(1), "cancer drug pricing", PUBLISHED, "health-policy", "oncology");
            article(db, WINDOW_START.plusSeconds(2), "drug pricing", PUBLISHED, "health-policy");

            Digest both = selector(db, 5, 10).select(reader("UTC", "health-policy", "oncology"), WINDOW_START,
                    WINDOW_END, NOW);
            Digest policyOnly = selector(db, 5, 10).select(reader("UTC", "health-policy"), WINDOW_START, WINDOW_END, NOW);

            assertThat(both.sections()).extracting(Digest.Section::topic).containsExactly("oncology", "health-policy");
            assertThat(titles(both.sections().get(0).articles())).containsExactly("cancer drug pricing");
            assertThat(titles(both.sections().get(1).articles())).containsExactly("drug pricing");
            assertThat(both.articleCount()).isEqualTo(2);
            assertThat(titles(policyOnly.sections().get(0).articles()))
                    .containsExactlyInAnyOrder("cancer drug pricing", "drug pricing");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void newestFirstAtMostTheCapAndTheRestCountedAfterDeduplication(DatabaseKind kind) {
        try (Database db = open(kind)) {
            for (int day = 1; day <= 6; day++) {
                article(db, WINDOW_START.plusSeconds(day), "tumour study " + day,
                        Instant.parse("2026-01-0" + day + "T09:00:00Z"), "oncology");
            }
            // no publication date: dated by when it was first seen, the newest of all
            article(db, WINDOW_START.plus(Duration.ofDays(2)), "undated lymphoma note", null, "oncology");
            // also in cardiology, which comes after oncology: counted in oncology only
            article(db, WINDOW_START.plusSeconds(9), "cardiac tumour", Instant.parse("2026-01-10T09:00:00Z"),
                    "cardiology", "oncology");
            article(db, WINDOW_START.plusSeconds(10), "heart study", PUBLISHED, "cardiology");

            Digest digest = selector(db, 3, 10).select(reader("UTC", "cardiology", "oncology"), WINDOW_START,
                    WINDOW_END, NOW);

            Digest.Section oncology = digest.sections().get(0);
            assertThat(titles(oncology.articles()))
                    .containsExactly("undated lymphoma note", "cardiac tumour", "tumour study 6");
            assertThat(oncology.more()).isEqualTo(5);
            assertThat(oncology.total()).isEqualTo(8);
            assertThat(titles(digest.sections().get(1).articles())).containsExactly("heart study");
            assertThat(digest.sections().get(1).more()).isZero();
            assertThat(digest.articleCount()).isEqualTo(9);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upcomingEventsOfTheFollowedTopicsSoonestFirstWithinTheHorizonCapped(DatabaseKind kind) {
        try (Database db = open(kind)) {
            Instant known = WINDOW_START.minus(Duration.ofDays(30));
            event(db, known, "in three days", NOW.plus(Duration.ofDays(3)), null, false, "oncology");
            event(db, known, "tomorrow", NOW.plus(Duration.ofDays(1)), null, false, "oncology");
            event(db, known, "going on", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(5)), false, "oncology");
            event(db, known, "over", NOW.minus(Duration.ofDays(1)), NOW.minusSeconds(1), false, "oncology");
            event(db, known, "beyond the horizon", NOW.plus(Duration.ofDays(31)), null, false, "oncology");
            event(db, known, "next week", NOW.plus(Duration.ofDays(7)), null, false, "cardiology");
            event(db, known, "not followed", NOW.plus(Duration.ofDays(2)), null, false, "digital-health");
            event(db, known, "in ten days", NOW.plus(Duration.ofDays(10)), null, false, "oncology");

            Digest digest = selector(db, 5, 3).select(reader("UTC", "cardiology", "oncology"), WINDOW_START,
                    WINDOW_END, NOW);

            assertThat(eventTitles(digest)).containsExactly("going on", "tomorrow", "in three days");
            assertThat(digest.moreEvents()).isEqualTo(2);
            assertThat(digest.eventCount()).isEqualTo(5);
            assertThat(digest.newEventCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAllDayEventIsListedUntilTheReadersOwnDatePassesItsLastDay(DatabaseKind kind) {
        try (Database db = open(kind)) {
            // Feb 8, stored as midnight UTC; now is Feb 9 03:00 UTC: still Feb 8 in Los Angeles, Feb 9 in Seoul
            Instant now = Instant.parse("2026-02-09T03:00:00Z");
            event(db, WINDOW_START, "open lab day", Instant.parse("2026-02-08T00:00:00Z"), null, true, "oncology");
            DigestSelector.Run run = selector(db, 5, 10).forRun(now);

            assertThat(eventTitles(run.select(reader("America/Los_Angeles", "oncology"), WINDOW_START, now)))
                    .containsExactly("open lab day");
            assertThat(run.select(reader("Asia/Seoul", "oncology"), WINDOW_START, now).events()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDigestIsEmptyWhenNothingWasFirstSeenInTheWindowEvenWithKnownUpcomingEvents(DatabaseKind kind) {
        try (Database db = open(kind)) {
            event(db, WINDOW_START.minus(Duration.ofDays(3)), "known event", NOW.plus(Duration.ofDays(2)), null, false,
                    "oncology");
            DigestSelector selector = selector(db, 5, 10);

            Digest onlyKnown = selector.select(reader("UTC", "oncology"), WINDOW_START, WINDOW_END, NOW);
            assertThat(onlyKnown.isEmpty()).isTrue();
            assertThat(eventTitles(onlyKnown)).containsExactly("known event");

            event(db, WINDOW_START.plus(Duration.ofDays(1)), "new event", NOW.plus(Duration.ofDays(4)), null, false,
                    "oncology");
            Digest withNewEvent = selector.select(reader("UTC", "oncology"), WINDOW_START, WINDOW_END, NOW);
            assertThat(withNewEvent.isEmpty()).isFalse();
            assertThat(withNewEvent.newEventCount()).isEqualTo(1);
            assertThat(withNewEvent.isNew(withNewEvent.events().get(1))).isTrue();
            assertThat(withNewEvent.isNew(withNewEvent.events().get(0))).isFalse();

            Digest followsNothing = selector.select(reader("UTC"), WINDOW_START, WINDOW_END, NOW);
            assertThat(followsNothing.isEmpty()).isTrue();
            assertThat(followsNothing.events()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRunLoadsTheEventsOnceAndTheArticlesOncePerWindow(DatabaseKind kind) {
        try (Database db = open(kind)) {
            article(db, WINDOW_START.plusSeconds(1), "cancer news", PUBLISHED, "oncology");
            article(db, WINDOW_START.minus(Duration.ofDays(1)), "older heart news", PUBLISHED, "cardiology");
            event(db, WINDOW_START, "heart congress", NOW.plus(Duration.ofDays(1)), null, false, "cardiology");
            DigestSelector.Run run = selector(db, 5, 10).forRun(NOW);

            for (int i = 0; i < 50; i++) {
                Digest digest = run.select(reader("UTC", i % 2 == 0 ? "oncology" : "cardiology"), WINDOW_START,
                        WINDOW_END);
                assertThat(digest.articleCount()).isEqualTo(i % 2 == 0 ? 1 : 0);
                assertThat(digest.events()).hasSize(i % 2 == 0 ? 0 : 1);
            }
            assertThat(run.queries()).isEqualTo(2);

            Instant dayEarlier = WINDOW_START.minus(Duration.ofDays(1));
            Digest otherWindow = run.select(reader("UTC", "cardiology"), dayEarlier, WINDOW_END);
            assertThat(titles(otherWindow.sections().get(0).articles())).containsExactly("older heart news");
            assertThat(run.queries()).isEqualTo(3);
        }
    }

}
