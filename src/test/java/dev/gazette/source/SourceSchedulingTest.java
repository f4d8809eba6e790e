package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.SourceConfig;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.ItemQuery;
import dev.gazette.schedule.GazetteScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scheduler follows the console's changes to sources: a new source is collected at once and on its schedule. */
class SourceSchedulingTest {
    @TempDir
    Path dir;

    private SourceWorld world;
    private GazetteScheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (world != null) {
            world.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAddedSourceIsScheduledAndCollectedAndAChangeReschedulesIt(DatabaseKind kind) throws Exception {
        world = new SourceWorld(dir, kind);
        scheduler = world.gazette.scheduler();
        SourceCatalog catalog = world.gazette.sourceCatalog();
        scheduler.start(catalog.effective(), false);
        assertThat(scheduler.nextRuns()).containsOnlyKeys("wire");

        catalog.add(world.newsPage("news-page"), "Ed");

        assertThat(scheduler.nextRuns()).containsKeys("wire", "news-page");
        await("the new source is collected at once", () ->
                world.gazette.items().list(new ItemQuery("news-page", null, null, null, 10)).size() == 3);
        assertThat(world.server.requests("/news.html")).hasSize(1);

        SourceConfig page = catalog.find("news-page").orElseThrow();
        catalog.update("news-page", new SourceConfig(page.id(), page.name(), page.type(), page.url(),
                Duration.ofMinutes(5), "", page.topics(), true, page.page()), "Ed");
        await("collected again at once on its new schedule", () -> world.server.requests("/news.html").size() == 2);
        assertThat(scheduler.nextRuns()).containsKey("news-page");

        catalog.setEnabled("news-page", false, "Ed");
        assertThat(scheduler.nextRuns()).containsOnlyKeys("wire");
        catalog.setEnabled("wire", false, "Ed");
        assertThat(scheduler.nextRuns()).isEmpty();
        catalog.setEnabled("news-page", true, "Ed");
        assertThat(scheduler.nextRuns()).containsOnlyKeys("news-page");
        catalog.delete("news-page", "Ed");
        assertThat(scheduler.nextRuns()).isEmpty();

        scheduler.close();
        catalog.add(world.newsPage("after-close"), "Ed"); // a closed scheduler is left alone
        assertThat(catalog.find("after-close")).isPresent();
    }
}
