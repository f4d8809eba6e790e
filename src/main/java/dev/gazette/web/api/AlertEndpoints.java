package dev.gazette.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gazette.Gazette;
import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import dev.gazette.alert.AlertListing;
import dev.gazette.alert.AlertMatch;
import dev.gazette.alert.AlertVolume;
import dev.gazette.alert.Alerts;
import dev.gazette.alert.query.AlertQuery;
import dev.gazette.alert.query.Highlighted;
import dev.gazette.alert.query.TextSegment;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import dev.gazette.subscriber.Subscriber;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keyword alerts: list (with each alert's matching volume), one with its latest matches, add one for a subscriber,
 * change (query, frequency, paused), delete, and test a query over the last days' items. A query that cannot be used
 * is a 400 whose error carries the {@code problem} (kind, column, detail); the per-subscriber limit is a 409.
 */
final class AlertEndpoints {
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    static final int RECENT_MATCHES = 20;

    private final Gazette gazette;

    /** An alert with its subscriber's address and how much it matched. */
    record AlertView(long id, long subscriberId, String subscriber, String query, AlertFrequency frequency,
            boolean paused, Instant createdAt, Instant updatedAt, AlertVolume volume) {
        static AlertView of(AlertListing l) {
            Alert a = l.alert();
            return new AlertView(a.id(), a.subscriberId(), l.subscriberEmail(), a.query(), a.frequency(), a.paused(),
                    a.createdAt(), a.updatedAt(), l.volume());
        }
    }

    /** An alert with its latest matches, newest first. */
    record AlertDetail(@JsonUnwrapped AlertView alert, List<MatchView> recentMatches) {}

    /**
     * One item an alert matched.
     *
     * @param deliveryId the email that carries it, or null while it waits for one
     */
    record MatchView(long itemId, String title, String link, ItemKind kind, String source, Instant date,
            Instant matchedAt, Long deliveryId, DeliveryStatus deliveryStatus) {}

    /** What a query would have matched among the items of the test window. */
    record TestView(String query, Duration window, int scanned, List<TestedItem> matched) {}

    record TestedItem(long id, String title, String link, ItemKind kind, String source, Instant date,
            Highlights highlights) {}

    record Highlights(List<TextSegment> title, List<TextSegment> summary) {}

    AlertEndpoints(Gazette gazette) {
        this.gazette = gazette;
    }

    void register(ApiRoutes api) {
        api.get("/alerts", this::list);
        api.post("/alerts/test", this::test);
        api.get("/alerts/{id}", this::get);
        api.patch("/alerts/{id}", this::change);
        api.delete("/alerts/{id}", this::delete);
        api.post("/subscribers/{id}/alerts", this::create);
    }

    private void list(Context ctx, ApiCall call) {
        int limit = Params.limit(ctx, PAGE_SIZE, MAX_PAGE_SIZE);
        String which = Params.text(ctx, "subscriber");
        Long subscriberId = which == null ? null : subscriber(which).map(Subscriber::id)
                .orElseThrow(() -> ApiException.badField("subscriber", "there is no subscriber '" + which + "'"));
        ctx.json(gazette.alerts().store().listing(subscriberId, limit).stream().map(AlertView::of).toList());
    }

    private void get(Context ctx, ApiCall call) {
        AlertView alert = view(alert(ctx));
        List<AlertMatch> matches = gazette.alerts().store().recentMatches(alert.id(), RECENT_MATCHES);
        Map<Long, Item> items = gazette.items().byIds(matches.stream().map(AlertMatch::itemId).distinct().toList())
                .stream().collect(Collectors.toMap(Item::id, Function.identity()));
        Map<Long, Optional<Delivery>> deliveries = new HashMap<>();
        List<MatchView> views = matches.stream().map(m -> {
            Item item = items.get(m.itemId());
            DeliveryStatus status = m.deliveryId() == null ? null : deliveries.computeIfAbsent(m.deliveryId(),
                    id -> gazette.digests().ledger().find(id)).map(Delivery::status).orElse(null);
            return new MatchView(m.itemId(), item == null ? null : item.title(), item == null ? null : item.link(),
                    item == null ? null : item.kind(), item == null ? null : item.sourceId(),
                    item == null ? null : item.date(), m.matchedAt(), m.deliveryId(), status);
        }).toList();
        ctx.json(new AlertDetail(alert, views));
    }

    private void create(Context ctx, ApiCall call) {
        String which = ctx.pathParam("id");
        Subscriber s = subscriber(which).orElseThrow(() -> ApiException.notFound("there is no subscriber '" + which
                + "'"));
        JsonBody body = JsonBody.read(ctx);
        String query = body.requiredString("query");
        AlertFrequency frequency = frequency(body, "frequency");
        if (frequency == null && !body.hasProblems()) {
            body.problem("frequency", "is required: instant, daily or weekly");
        }
        body.finish();
        Alert alert = gazette.alerts().create(s, query, frequency);
        call.record("alert.create", s.email() + " alert " + alert.id(), "query '" + alert.query() + "', "
                + alert.frequency().label());
        ctx.status(201).header("Location", ApiRoutes.PREFIX + "/alerts/" + alert.id());
        ctx.json(view(alert));
    }

    private void change(Context ctx, ApiCall call) {
        Alert stored = alert(ctx);
        JsonBody body = JsonBody.read(ctx);
        String query = body.string("query");
        AlertFrequency frequency = frequency(body, "frequency");
        Boolean paused = body.bool("paused");
        body.finish();
        Alerts alerts = gazette.alerts();
        if (query != null || frequency != null) {
            alerts.change(stored.id(), query == null ? stored.query() : query,
                    frequency == null ? stored.frequency() : frequency);
        }
        if (paused != null && paused != stored.paused()) {
            if (paused) {
                alerts.pause(stored.id());
            } else {
                alerts.resume(stored.id());
            }
        }
        Alert changed = alert(stored.id());
        String changes = changes(stored, changed);
        if (!changes.isEmpty()) {
            call.record("alert.update", target(changed), changes);
        }
        ctx.json(view(changed));
    }

    private void delete(Context ctx, ApiCall call) {
        Alert alert = alert(ctx);
        String target = target(alert);
        gazette.alerts().delete(alert.id());
        call.record("alert.delete", target, "query '" + alert.query() + "', " + alert.frequency().label());
        ctx.status(204);
    }

    private void test(Context ctx, ApiCall call) {
        JsonBody body = JsonBody.read(ctx);
        String query = body.requiredString("query");
        body.finish();
        Alerts.QueryTest result = gazette.alerts().test(query);
        AlertQuery parsed = result.query();
        List<TestedItem> matched = result.matched().stream().map(item -> {
            Highlighted h = parsed.highlight(item);
            return new TestedItem(item.id(), item.title(), item.link(), item.kind(), item.sourceId(), item.date(),
                    new Highlights(h.title(), h.summary()));
        }).toList();
        call.record("alert.test", "query '" + parsed.text() + "'", matched.size() + " of " + result.scanned()
                + " items match");
        ctx.json(new TestView(parsed.text(), result.window(), result.scanned(), matched));
    }

    private AlertView view(Alert alert) {
        String email = gazette.subscribers().find(alert.subscriberId()).map(Subscriber::email).orElse(null);
        AlertVolume volume = gazette.alerts().store().volumes(List.of(alert.id())).getOrDefault(alert.id(),
                AlertVolume.NONE);
        return AlertView.of(new AlertListing(alert, email, volume));
    }

    private Alert alert(Context ctx) {
        return alert(Params.id(ctx, "id", "alert"));
    }

    private Alert alert(long id) {
        return gazette.alerts().find(id).orElseThrow(() -> ApiException.notFound("there is no alert " + id));
    }

    /** A subscriber by id or address, as the deliveries endpoints take one. */
    private Optional<Subscriber> subscriber(String idOrEmail) {
        if (!idOrEmail.isEmpty() && idOrEmail.chars().allMatch(Character::isDigit)) {
            try {
                return gazette.subscribers().find(Long.parseLong(idOrEmail));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return gazette.subscribers().findByEmail(idOrEmail.strip());
    }

    private static AlertFrequency frequency(JsonBody body, String field) {
        String text = body.string(field);
        if (text == null) {
            return null;
        }
        try {
            return AlertFrequency.parse(text);
        } catch (IllegalArgumentException e) {
            body.problem(field, "'" + text + "' is not one of instant, daily, weekly");
            return null;
        }
    }

    private String target(Alert alert) {
        return gazette.subscribers().find(alert.subscriberId()).map(Subscriber::email)
                .orElse("subscriber " + alert.subscriberId()) + " alert " + alert.id();
    }

    private static String changes(Alert before, Alert after) {
        List<String> changed = new java.util.ArrayList<>();
        if (!before.query().equals(after.query())) {
            changed.add("query '" + before.query() + "' → '" + after.query() + "'");
        }
        if (before.frequency() != after.frequency()) {
            changed.add("frequency " + before.frequency().label() + " → " + after.frequency().label());
        }
        if (before.paused() != after.paused()) {
            changed.add(after.paused() ? "paused" : "resumed");
        }
        return String.join("; ", changed);
    }
}
