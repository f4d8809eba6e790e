package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.config.PageSelectors;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemQuery;
import dev.gazette.source.SourceChangeException.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sources admins manage in the console beside those of the configuration file, on H2 and PostgreSQL: added, listed,
 * collected, edited, switched, deleted, kept across restarts, and checked as the file's are.
 */
class SourceCatalogTest {
    @TempDir
    Path dir;

    private SourceWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private SourceCatalog catalog(DatabaseKind kind) {
        world = new SourceWorld(dir, kind);
        return world.gazette.sourceCatalog();
    }

    private static void assertRefused(ThrowingCallable change, Problem problem, String... details) {
        assertThatThrownBy(change).isInstanceOfSatisfying(SourceChangeException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.details()).contains(details);
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAdminsSourceIsListedCollectedAndKeptAcrossARestart(DatabaseKind kind) {
        SourceCatalog catalog = catalog(kind);
        SourceConfig added = catalog.add(world.newsPage("news-page"), "Ed");

        assertThat(catalog.effective()).extracting(SourceConfig::id).containsExactly("wire", "news-page");
        ManagedSource listed = catalog.get("news-page").orElseThrow();
        assertThat(listed.origin()).isEqualTo(SourceOrigin.ADMIN);
        assertThat(listed.editable()).isTrue();
        assertThat(listed.definition()).isEqualTo(added);
        assertThat(listed.changedBy()).isEqualTo("Ed");
        assertThat(listed.status().enabled()).isTrue();
        assertThat(catalog.get("wire").orElseThrow().origin()).isEqualTo(SourceOrigin.CONFIG);
        assertThat(catalog.get("wire").orElseThrow().editable()).isFalse();

        CollectReport report = world.gazette.collectNow("news-page");
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(SourceResult.Status.COLLECTED);
            assertThat(r.created()).isEqualTo(3);
        });
        List<Item> items = world.gazette.items().list(new ItemQuery("news-page", null, null, null, 10));
        assertThat(items).extracting(Item::title).containsExactlyInAnyOrder("Lymphoma drug approved",
                "Heart study results", "Policy brief");
        assertThat(items).allSatisfy(i -> assertThat(i.topics()).contains("oncology"));
        assertThat(catalog.get("news-page").orElseThrow().status().itemCount()).isEqualTo(3);

        // a restart: the definition comes from the database, the state stays enabled
        SourceCatalog reopened = world.restart("").sourceCatalog();
        assertThat(reopened.find("news-page")).contains(added);
        assertThat(world.gazette.sources().find("news-page").orElseThrow().enabled()).isTrue();
        assertThat(world.gazette.collectNow().results()).extracting(SourceResult::sourceId)
                .containsExactly("wire", "news-page");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDefinitionIsCheckedAsTheConfigurationFilesAreAndMustBeOnTheWeb(DatabaseKind kind) {
        SourceCatalog catalog = catalog(kind);
        SourceConfig page = world.newsPage("news-page");

        assertRefused(() -> catalog.add(new SourceConfig("Bad Id!", "", SourceType.FEED, "file:///etc/passwd",
                Duration.ofSeconds(10), "", List.of("astrology"), true, null), "Ed"), Problem.INVALID,
                "id: 'Bad Id!' must be lower-case letters, digits and dashes",
                "url: 'file:///etc/passwd' must start with http: or https:",
                "interval: must be at least 1m, to be polite to the site",
                "topics: unknown topic 'astrology' (known: [cardiology, digital-health, health-policy, "
                        + "infectious-disease, korea-biotech, oncology])");
        assertRefused(() -> catalog.add(new SourceConfig("samples", "", SourceType.FEED,
                "classpath:samples/biotech-feed.xml", null, "", List.of(), true, null), "Ed"), Problem.INVALID,
                "url: 'classpath:samples/biotech-feed.xml' must start with http: or https:");
        assertRefused(() -> catalog.add(new SourceConfig("p", "", SourceType.PAGE, page.url(), null, "0 0 25 * * ?",
                List.of(), true, new PageSelectors(ItemKind.EVENT, "", " ", "", "", "", "", "", "", List.of(),
                        "Mars/Olympus", "")), "Ed"), Problem.INVALID,
                "page.item: is required", "page.title: is required",
                "page.start: is required when item-kind is event",
                "page.time-zone: 'Mars/Olympus' is not an IANA time zone (e.g. Europe/Berlin)");
        assertThatThrownBy(() -> catalog.add(new SourceConfig("p", "", SourceType.PAGE, page.url(), null,
                "0 0 25 * * ?", List.of(), true, SourceWorld.selectors()), "Ed")).hasMessageContaining("cron:");
        assertRefused(() -> catalog.add(new SourceConfig("f", "", SourceType.FEED, page.url(), null, "", List.of(),
                true, SourceWorld.selectors()), "Ed"), Problem.INVALID, "page: selectors are for sources of type page only");
        assertRefused(() -> catalog.add(page, " "), Problem.INVALID);

        assertThat(catalog.list()).extracting(s -> s.definition().id()).containsExactly("wire");
        assertThat(world.gazette.sources().list()).extracting(SourceStatus::id).containsExactly("wire");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void blankFieldsTakeTheFilesDefaultsAndAFormsEmptySelectorsOnAFeedAreNoSelectors(DatabaseKind kind) {
        SourceCatalog catalog = catalog(kind);
        SourceConfig feed = catalog.add(new SourceConfig(" more-wire ", " ", SourceType.FEED,
                " " + world.server.uri("/feed.xml") + " ", null, null, null, true,
                new PageSelectors(null, "", "", "", "", "", "", "", "", null, null, null)), "Ed");

        assertThat(feed).isEqualTo(new SourceConfig("more-wire", "more-wire", SourceType.FEED,
                world.server.uri("/feed.xml").toString(), Duration.ofHours(1), "", List.of(), true, null));
        assertThat(catalog.find("more-wire")).contains(feed);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void idsAreUniqueAndTheFilesIdsAreTheFiles(DatabaseKind kind) {
        SourceCatalog catalog = catalog(kind);
        catalog.add(world.newsPage("news-page"), "Ed");

        assertRefused(() -> catalog.add(world.newsPage("news-page"), "Flo"), Problem.CONFLICT);
        assertRefused(() -> catalog.add(world.newsPage("wire"), "Flo"), Problem.CONFLICT);
        assertRefused(() -> catalog.update("wire", world.newsPage("wire"), "Flo"), Problem.READ_ONLY);
        assertRefused(() -> catalog.delete("wire", "Flo"), Problem.READ_ONLY);
        assertRefused(() -> catalog.update("nowhere", world.newsPage("nowhere"), "Flo"), Problem.NOT_FOUND);
        assertRefused(() -> catalog.setEnabled("nowhere", false, "Flo"), Problem.NOT_FOUND);
        assertThat(catalog.delete("nowhere", "Flo")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void editingASourceKeepsItsIdAndItemsAndStartsItsStateAfresh(DatabaseKind kind) {
        SourceCatalog catalog = catalog(kind);
        catalog.add(world.newsPage("news-page"), "Ed");
        world.gazette.collectNow("news-page");
        world.gazette.sources().recordFailure("news-page", "HTTP 503", Instant.parse("2026-11-28T12:00:00Z"));

        SourceConfig edited = new SourceConfig("news-page", "News, first two", SourceType.PAGE,
                world.newsPage("x").url(), Duration.ofMinutes(15), "", List.of("cardiology"), true,
                new PageSelectors(ItemKind.ARTICLE, "li.post:has(p)", "h3", "h3 a", "time", "p.teaser", "", "", "",
                        List.of(), "", "en"));
        assertThat(catalog.update("news-page", edited, "Flo")).isEqualTo(edited);

        ManagedSource now = catalog.get("news-page").orElseThrow();
        assertThat(now.definition()).isEqualTo(edited);
        assertThat(now.changedBy()).isEqualTo("Flo");
        assertThat(now.status().consecutiveFailures()).as("a new definition starts afresh").isZero();
        assertThat(now.status().name()).isEqualTo("News, first two");
        assertThat(now.status().itemCount()).as("its items stay").isEqualTo(3);
        assertRefused(() -> catalog.update("news-page", world.newsPage("renamed"), "Flo"), Problem.INVALID);
        assertRefused(() -> catalog.update("news-page", new SourceConfig("news-page", "", SourceType.PAGE,
                "ftp://example.org/", null, "", List.of(), true, SourceWorld.selectors()), "Flo"), Problem.INVALID,
                "url: 'ftp://example.org/' must start with http: or https:");
        assertThat(catalog.find("news-page")).contains(edited);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sourcesAreSwitchedOffAndOnAndTheFilesSwitchIsKeptBesideIt(DatabaseKind kind) {
        SourceCatalog catalog = catalog(kind);
        catalog.add(world.newsPage("news-page"), "Ed");

        assertThat(catalog.setEnabled("news-page", false, "Ed").enabled()).isFalse();
        assertThat(catalog.setEnabled("wire", false, "Flo").enabled()).isFalse();

        ManagedSource wire = catalog.get("wire").orElseThrow();
        assertThat(wire.switched()).isTrue();
        assertThat(wire.changedBy()).isEqualTo("Flo");
        assertThat(wire.status().enabled()).isFalse();
        assertThat(world.gazette.collectNow().results()).extracting(SourceResult::status)
                .containsOnly(SourceResult.Status.DISABLED);

        // the switches survive a restart
        SourceCatalog reopened = world.restart("").sourceCatalog();
        assertThat(reopened.effective()).extracting(SourceConfig::enabled).containsOnly(false);
        assertThat(world.gazette.sources().list()).extracting(SourceStatus::enabled).containsOnly(false);

        assertThat(reopened.setEnabled("wire", true, "Flo").enabled()).isTrue();
        assertThat(reopened.get("wire").orElseThrow().switched()).as("back to what the file says").isFalse();
        assertThat(reopened.setEnabled("news-page", true, "Ed").enabled()).isTrue();
        assertThat(world.gazette.collectNow().results()).extracting(SourceResult::status)
                .containsOnly(SourceResult.Status.COLLECTED);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDeletedSourceIsCollectedNoMoreAndItsItemsStay(DatabaseKind kind) {
        SourceCatalog catalog = catalog(kind);
        catalog.add(world.newsPage("news-page"), "Ed");
        world.gazette.collectNow("news-page");

        assertThat(catalog.delete("news-page", "Ed")).isTrue();

        assertThat(catalog.find("news-page")).isEmpty();
        assertThat(catalog.get("news-page").map(ManagedSource::origin)).isEmpty();
        assertThat(world.gazette.sources().find("news-page").orElseThrow().enabled()).isFalse();
        assertThat(world.gazette.items().list(new ItemQuery("news-page", null, null, null, 10))).hasSize(3);
        assertThatThrownBy(() -> world.gazette.collectNow("news-page")).hasMessageContaining("no source 'news-page'");
        // the id can be used again
        catalog.add(world.newsPage("news-page"), "Ed");
        assertThat(world.gazette.sources().find("news-page").orElseThrow().enabled()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void whenTheFileTakesAnAdminsIdTheFilesSourceWinsAndTheAdminsIsMarkedShadowed(DatabaseKind kind) {
        SourceCatalog catalog = catalog(kind);
        catalog.add(world.newsPage("news-page"), "Ed");

        SourceCatalog reopened = world.restart("  - {id: news-page, type: feed, url: \"" + world.server.uri("/feed.xml")
                + "\"}").sourceCatalog();

        assertThat(reopened.find("news-page").orElseThrow().type()).isEqualTo(SourceType.FEED);
        assertThat(reopened.effective()).extracting(SourceConfig::id).containsExactly("wire", "news-page");
        assertThat(reopened.list()).filteredOn(ManagedSource::shadowed).singleElement().satisfies(s -> {
            assertThat(s.origin()).isEqualTo(SourceOrigin.ADMIN);
            assertThat(s.definition().type()).isEqualTo(SourceType.PAGE);
        });
        // the admin's can still be deleted; the file's stays
        assertThat(reopened.delete("news-page", "Ed")).isTrue();
        assertThat(reopened.list()).noneMatch(ManagedSource::shadowed);
        assertThat(reopened.find("news-page").orElseThrow().type()).isEqualTo(SourceType.FEED);
    }
}
