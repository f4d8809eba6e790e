package dev.gazette.alert;

import dev.gazette.alert.query.AlertQuery;
import dev.gazette.alert.query.Highlighted;
import dev.gazette.alert.query.InvalidQueryException;
import dev.gazette.alert.query.TextSegment;
import dev.gazette.digest.AlertEmail;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemStore;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Gathers what one alert email reports: the matches given to its delivery, grouped by alert (oldest alert first),
 * each alert's items newest first and at most {@code alerts.max-items-per-alert} of them (the rest counted), with
 * the words the alert's query matched marked. Each alert gets its own "stop this alert" link.
 */
public final class AlertMails {
    private final Alerts alerts;
    private final ItemStore items;
    private final LongFunction<String> eventCalendarUrl;

    /** @param eventCalendarUrl where an event's .ics is downloaded, by item id */
    public AlertMails(Alerts alerts, ItemStore items, LongFunction<String> eventCalendarUrl) {
        this.alerts = alerts;
        this.items = items;
        this.eventCalendarUrl = eventCalendarUrl;
    }

    /** The email for the matches a delivery carries, or empty when it carries none (its alerts were deleted). */
    public Optional<AlertEmail> email(Subscriber subscriber, long deliveryId, SubscriberLinks links) {
        List<AlertMatch> matches = alerts.store().ofDelivery(deliveryId);
        Map<Long, List<AlertMatch>> byAlert = matches.stream()
                .collect(Collectors.groupingBy(AlertMatch::alertId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Item> found = items.byIds(matches.stream().map(AlertMatch::itemId).distinct().toList()).stream()
                .collect(Collectors.toMap(Item::id, Function.identity()));
        Map<Long, Alert> theirs = alerts.of(subscriber.id()).stream()
                .collect(Collectors.toMap(Alert::id, Function.identity()));
        int perAlert = alerts.config().maxItemsPerAlert();
        List<AlertEmail.Section> sections = new ArrayList<>();
        for (Map.Entry<Long, List<AlertMatch>> entry : byAlert.entrySet()) {
            Optional<Alert> alert = Optional.ofNullable(theirs.get(entry.getKey()));
            if (alert.isEmpty()) {
                continue; // deleted since: its matches went with it
            }
            List<Item> matched = entry.getValue().stream().map(m -> found.get(m.itemId()))
                    .filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(Item::date, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            if (matched.isEmpty()) {
                continue;
            }
            Optional<AlertQuery> query = parse(alert.get().query());
            List<AlertEmail.Hit> hits = matched.stream().limit(perAlert).map(item -> hit(item, query)).toList();
            sections.add(new AlertEmail.Section(alert.get().query(), alert.get().frequency().label(),
                    links.stopAlertUrl(subscriber, alert.get().id()), hits, matched.size() - hits.size()));
        }
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AlertEmail(subscriber, sections, new AlertEmail.Links(links.preferencesUrl(subscriber),
                links.alertsUrl(subscriber), links.stopAlertsUrl(subscriber), links.unsubscribeUrl(subscriber))));
    }

    private AlertEmail.Hit hit(Item item, Optional<AlertQuery> query) {
        List<AlertEmail.Mark> title;
        List<AlertEmail.Mark> summary;
        if (query.isPresent()) {
            Highlighted h = query.get().highlight(item);
            title = marks(h.title());
            summary = marks(h.summary());
        } else {
            title = List.of(new AlertEmail.Mark(item.title() == null ? "" : item.title(), false));
            summary = List.of(new AlertEmail.Mark(item.summaryText() == null ? "" : item.summaryText(), false));
        }
        return new AlertEmail.Hit(item, title, summary,
                item.kind() == ItemKind.EVENT ? eventCalendarUrl.apply(item.id()) : null);
    }

    private Optional<AlertQuery> parse(String query) {
        try {
            return Optional.of(alerts.parse(query));
        } catch (InvalidQueryException e) {
            return Optional.empty(); // not valid any more (a topic was removed): shown without marks
        }
    }

    private static List<AlertEmail.Mark> marks(List<TextSegment> segments) {
        return segments.stream().map(s -> new AlertEmail.Mark(s.text(), s.matched())).toList();
    }
}
