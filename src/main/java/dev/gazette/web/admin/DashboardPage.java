package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.admin.DayCount;
import dev.gazette.item.ItemQuery;
import dev.gazette.source.SourceStatus;
import dev.gazette.subscriber.SubscriberStatus;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dashboard ({@code /admin}): subscribers by status, items collected and deliveries per day over the last
 * {@value #DAYS} days as charts, the next scheduled runs, sources needing attention, every source's health and the
 * latest items (what the old overview page showed).
 */
final class DashboardPage {
    static final int DAYS = 30;
    static final String SENT_COLOR = "#1f6f3a";
    static final String FAILED_COLOR = "#a61b1b";
    static final String SKIPPED_COLOR = "#b7bcc7";
    static final String ITEMS_COLOR = "#23408e";

    /** One scheduled run: a source's collection, or the digest check (source null). */
    public record Run(String what, String sourceId, Instant at) {}

    private final Gazette gazette;
    private final AdminPages admin;
    private final Supplier<Map<String, Instant>> nextRuns;
    private final Supplier<Optional<Instant>> nextDigestRun;

    DashboardPage(Gazette gazette, AdminPages admin, Supplier<Map<String, Instant>> nextRuns,
            Supplier<Optional<Instant>> nextDigestRun) {
        this.gazette = gazette;
        this.admin = admin;
        this.nextRuns = nextRuns;
        this.nextDigestRun = nextDigestRun;
    }

    void register(Javalin app) {
        app.get("/admin", this::show);
    }

    private void show(Context ctx) {
        ZoneId zone = ZoneId.of(admin.format().zone());
        List<DayCount> days = gazette.admin().stats().perDay(zone, DAYS);
        List<java.time.LocalDate> dates = days.stream().map(DayCount::day).toList();
        BarChart items = new BarChart(dates, List.of(new BarChart.Series(admin.text(ctx, "admin.dashboard.series.items"),
                ITEMS_COLOR, days.stream().mapToInt(DayCount::items).toArray())));
        BarChart deliveries = new BarChart(dates, List.of(
                new BarChart.Series(admin.text(ctx, "admin.status.sent"), SENT_COLOR,
                        days.stream().mapToInt(DayCount::sent).toArray()),
                new BarChart.Series(admin.text(ctx, "admin.status.failed"), FAILED_COLOR,
                        days.stream().mapToInt(DayCount::failed).toArray()),
                new BarChart.Series(admin.text(ctx, "admin.status.skipped"), SKIPPED_COLOR,
                        days.stream().mapToInt(DayCount::skipped).toArray())));

        List<SourceStatus> sources = gazette.sources().list();
        Map<String, Instant> next = nextRuns.get();
        List<Run> runs = new ArrayList<>();
        nextDigestRun.get().ifPresent(at -> runs.add(new Run(admin.text(ctx, "admin.dashboard.digestCheck"), null, at)));
        Map<String, String> names = new HashMap<>();
        sources.forEach(s -> names.put(s.id(), s.name()));
        next.forEach((id, at) -> runs.add(new Run(names.getOrDefault(id, id), id, at)));
        runs.sort(Comparator.comparing(Run::at));

        Map<SubscriberStatus, Integer> subscribers = gazette.subscribers().countByStatus();
        Map<String, Object> page = new HashMap<>();
        page.put("subscribers", subscribers);
        page.put("subscriberTotal", subscribers.values().stream().mapToInt(Integer::intValue).sum());
        page.put("days", days);
        page.put("itemsChart", items);
        page.put("deliveriesChart", deliveries);
        page.put("itemsTotal", days.stream().mapToInt(DayCount::items).sum());
        page.put("deliveriesTotal", days.stream().mapToInt(DayCount::deliveries).sum());
        page.put("deliveryCounts", gazette.digests().ledger().countByStatus());
        page.put("runs", runs);
        page.put("digestScheduled", nextDigestRun.get().isPresent());
        page.put("now", Instant.now());
        page.put("sources", sources);
        page.put("nextRuns", next);
        page.put("failing", sources.stream().filter(s -> s.enabled() && s.failing()).toList());
        page.put("items", gazette.items().list(new ItemQuery(null, null, null, null, 20)));
        dev.gazette.alert.AlertTotals alerts = gazette.alerts().store().totals(
                gazette.clock().instant().minus(java.time.Duration.ofDays(7)));
        page.put("alertCount", alerts.alerts());
        page.put("alertMatchesWeek", alerts.matches());
        admin.render(ctx, "admin/dashboard", page);
    }
}
