package dev.gazette.source.calendar;

import dev.gazette.config.CalendarLimits;
import dev.gazette.item.ItemKind;
import dev.gazette.source.EventDetails;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.StableIds;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the VEVENTs of a document into items: one per one-off event, one per occurrence of a
 * recurring event, within [now, now + horizon], with RECURRENCE-ID overrides applied.
 */
final class EventAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(EventAssembler.class);

    private final CalendarLimits limits;
    private final Instant now;
    private final Instant horizonEnd;
    private final TimeContext times;
    private final URI base;

    /** One occurrence: its place in the series (for the guid) and what it looks like. */
    private record Occurrence(IcsTime original, EventFields fields) {}

    EventAssembler(CalendarLimits limits, Instant now, TimeContext times, URI base) {
        this.limits = limits;
        this.now = now;
        this.horizonEnd = now.plus(limits.horizon());
        this.times = times;
        this.base = base;
    }

    List<ParsedItem> items(List<IcsComponent> calendars) {
        Map<String, IcsComponent> masters = new LinkedHashMap<>();
        Map<String, List<IcsComponent>> overrides = new LinkedHashMap<>();
        List<IcsComponent> order = new ArrayList<>(); // masters, events without UID, then orphan overrides
        for (IcsComponent calendar : calendars) {
            for (IcsComponent event : calendar.children("VEVENT")) {
                Optional<String> uid = event.text("UID");
                if (uid.isEmpty()) {
                    order.add(event);
                } else if (event.first("RECURRENCE-ID").isPresent()) {
                    overrides.computeIfAbsent(uid.get(), k -> new ArrayList<>()).add(event);
                } else if (!masters.containsKey(uid.get()) || sequence(event) > sequence(masters.get(uid.get()))) {
                    if (!masters.containsKey(uid.get())) {
                        order.add(event);
                    } else {
                        order.set(order.indexOf(masters.get(uid.get())), event);
                    }
                    masters.put(uid.get(), event);
                }
            }
        }
        overrides.forEach((uid, list) -> {
            if (!masters.containsKey(uid)) {
                order.addAll(list);
            }
        });

        List<ParsedItem> items = new ArrayList<>();
        for (IcsComponent event : order) {
            String uid = event.text("UID").orElse(null);
            try {
                if (event.first("RECURRENCE-ID").isPresent()) {
                    orphan(event, items);
                } else {
                    series(event, uid == null ? List.of() : overrides.getOrDefault(uid, List.of()), items);
                }
            } catch (RuntimeException e) {
                LOG.warn("skipping event {}: {}", uid == null ? "without UID" : uid, e.toString());
            }
        }
        Set<String> guids = new HashSet<>();
        return items.stream().filter(i -> guids.add(i.guid())).toList();
    }

    private void series(IcsComponent event, List<IcsComponent> overrides, List<ParsedItem> items) {
        Optional<EventFields> read = EventFields.read(event, times, base, null);
        if (read.isEmpty() || read.get().cancelled()) {
            return;
        }
        EventFields master = read.get();
        boolean recurring = event.first("RRULE").isPresent() || event.first("RDATE").isPresent();
        if (!recurring) {
            if (inWindow(master.start(), master)) {
                IcsTime s = master.start();
                items.add(item(master.uid() != null ? master.uid() : StableIds.of(master.title(), s.instant().toString()), master));
            }
            return;
        }
        List<Override> pending = readOverrides(overrides);
        List<Occurrence> occurrences = new ArrayList<>();
        for (IcsTime start : starts(event, master, pending.size())) {
            Occurrence regular = new Occurrence(start, at(master, start));
            Override override = pending.stream().filter(o -> sameSlot(start, o.slot())).findFirst().orElse(null);
            if (override == null) {
                occurrences.add(regular);
            } else {
                pending.remove(override);
                if (!EventFields.isCancelled(override.event())) {
                    occurrences.add(changed(override, master).orElse(regular));
                }
            }
        }
        for (Override override : pending) { // moved into the window from a slot outside it
            if (!EventFields.isCancelled(override.event())) {
                changed(override, master).ifPresent(occurrences::add);
            }
        }
        occurrences.stream()
                .filter(o -> inWindow(o.fields().start(), o.fields()))
                .sorted(Comparator.comparing(o -> o.fields().start().instant()))
                .limit(limits.maxOccurrences())
                .forEach(o -> items.add(item(guid(master, o), o.fields())));
    }

    /** A RECURRENCE-ID override and the slot it replaces. */
    private record Override(IcsTime slot, IcsComponent event) {}

    /** Readable overrides, one per slot (the highest SEQUENCE wins). */
    private List<Override> readOverrides(List<IcsComponent> overrides) {
        Map<Instant, Override> bySlot = new LinkedHashMap<>();
        for (IcsComponent o : overrides) {
            try {
                IcsTime slot = recurrenceId(o);
                Override previous = bySlot.get(slot.instant());
                if (previous == null || sequence(o) >= sequence(previous.event())) {
                    bySlot.put(slot.instant(), new Override(slot, o));
                }
            } catch (RuntimeException e) {
                LOG.warn("ignoring an override of {} with an unreadable RECURRENCE-ID: {}", o.text("UID").orElse("?"), e.toString());
            }
        }
        return new ArrayList<>(bySlot.values());
    }

    private void orphan(IcsComponent override, List<ParsedItem> items) {
        Optional<EventFields> fields = EventFields.read(override, times, base, null);
        if (fields.isPresent() && !fields.get().cancelled() && inWindow(fields.get().start(), fields.get())) {
            IcsTime slot = recurrenceId(override);
            items.add(item(guid(fields.get(), new Occurrence(slot, fields.get())), fields.get()));
        }
    }

    /** The occurrence an override makes of its slot; empty when the override cannot be read. */
    private Optional<Occurrence> changed(Override override, EventFields master) {
        try {
            return EventFields.read(override.event(), times, base, master.title())
                    .map(f -> new Occurrence(override.slot(), f.orFrom(master)));
        } catch (RuntimeException e) {
            LOG.warn("ignoring an unreadable override of {}: {}", master.uid(), e.toString());
            return Optional.empty();
        }
    }

    /** The series' starts that may fall in the window: DTSTART, RRULE and RDATE, minus EXDATE. */
    private List<IcsTime> starts(IcsComponent event, EventFields master, int extra) {
        IcsTime seed = master.start();
        Instant from = now.minus(master.maxLength());
        List<IcsTime> starts = new ArrayList<>();
        starts.add(seed);
        List<IcsTime> exdates = new ArrayList<>();
        event.all("EXDATE").forEach(p -> exdates.addAll(times.parseList(p)));
        int wanted = limits.maxOccurrences() + exdates.size() + extra;
        for (IcsComponent.Property rrule : event.all("RRULE")) {
            try {
                expand(rrule.value(), seed, from, wanted).forEach(t -> starts.add(seed.with(t)));
            } catch (RuntimeException e) {
                LOG.info("not expanding RRULE {} of event {}: {}", rrule.value(), master.uid(), e.getMessage());
            }
        }
        for (IcsComponent.Property rdate : event.all("RDATE")) {
            for (IcsTime t : times.parseList(rdate)) {
                starts.add(sameKind(t, seed));
            }
        }
        Set<Instant> seen = new HashSet<>();
        return starts.stream()
                .filter(s -> !s.instant().isBefore(from) && !s.instant().isAfter(horizonEnd))
                .filter(s -> exdates.stream().noneMatch(x -> sameSlot(s, x)))
                .filter(s -> seen.add(s.instant()))
                .sorted(Comparator.comparing(IcsTime::instant))
                .toList();
    }

    private List<? extends Temporal> expand(String rule, IcsTime seed, Instant from, int max) {
        if (seed.allDay()) {
            LocalDate lo = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(1);
            LocalDate hi = LocalDate.ofInstant(horizonEnd, ZoneOffset.UTC);
            return RecurrenceRules.expand(rule, seed.date(), lo, hi, max,
                    i -> times.floatingZone().toLocal(i), d -> inRange(seed.with(d), from), times.budget());
        }
        // local <-> instant is monotonic but for DST shifts: an hour of slack, then filter exactly
        LocalDateTime lo = seed.zone().toLocal(from).minusHours(2);
        LocalDateTime hi = seed.zone().toLocal(horizonEnd).plusHours(2);
        return RecurrenceRules.expand(rule, seed.local(), lo, hi, max, i -> seed.zone().toLocal(i),
                t -> inRange(seed.with(t), from), times.budget());
    }

    private boolean inRange(IcsTime start, Instant from) {
        Instant s = start.instant();
        return !s.isBefore(from) && !s.isAfter(horizonEnd);
    }

    /** Still on (or starting) at {@code now}, and starting within the horizon. */
    private boolean inWindow(IcsTime start, EventFields fields) {
        Instant s = start.instant();
        if (s.isAfter(horizonEnd)) {
            return false;
        }
        Instant end = fields.endOf(start);
        return end != null ? end.isAfter(now) : !s.isBefore(now);
    }

    private static EventFields at(EventFields master, IcsTime start) {
        return new EventFields(master.uid(), master.title(), master.link(), master.summaryHtml(),
                master.categories(), master.location(), master.created(), master.modified(), start,
                master.length(), master.cancelled());
    }

    private IcsTime recurrenceId(IcsComponent override) {
        return times.parse(override.first("RECURRENCE-ID").orElseThrow());
    }

    /** Whether an occurrence is the one a RECURRENCE-ID or EXDATE names (a bare date names that day). */
    private static boolean sameSlot(IcsTime occurrence, IcsTime ref) {
        if (occurrence.allDay() || ref.allDay()) {
            return day(occurrence).equals(day(ref));
        }
        return occurrence.instant().equals(ref.instant());
    }

    private static LocalDate day(IcsTime t) {
        return t.allDay() ? t.date() : t.local().toLocalDate();
    }

    /** An RDATE in the kind of its series: a date for all-day series, else a time. */
    private static IcsTime sameKind(IcsTime t, IcsTime seed) {
        if (seed.allDay() == t.allDay()) {
            return t;
        }
        return seed.allDay() ? IcsTime.ofDate(t.local().toLocalDate())
                : IcsTime.ofLocal(t.date().atTime(seed.local().toLocalTime()), seed.zone());
    }

    private static String guid(EventFields fields, Occurrence o) {
        String at = o.original().instant().toString();
        return fields.uid() != null ? fields.uid() + "/" + at : StableIds.of(fields.title(), at);
    }

    private ParsedItem item(String guid, EventFields f) {
        IcsTime s = f.start();
        EventDetails details = new EventDetails(s.instant(), f.endOf(s), s.allDay(), times.reportedZone(s), f.location());
        return new ParsedItem(ItemKind.EVENT, guid, f.title(), f.link(), f.summaryHtml(), f.created(),
                f.modified(), f.categories(), details);
    }

    private static int sequence(IcsComponent event) {
        try {
            return event.text("SEQUENCE").map(String::strip).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
