package dev.gazette.source.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A zone known only from a VTIMEZONE in the document (for example Outlook's "Korea Standard Time"):
 * the offset at a wall-clock time is the TZOFFSETTO of the STANDARD/DAYLIGHT observance with the
 * latest onset at or before it (RFC 5545 3.6.5). Observance rules are expanded with the same bounded
 * {@link RecurrenceRules}. ical4j's own {@code ZoneRulesBuilder} is not used: it reads the system
 * clock and expands observances without bounds.
 */
final class VTimezoneZone implements IcsTime.Zone {
    private static final Logger LOG = LoggerFactory.getLogger(VTimezoneZone.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final int CACHE_LIMIT = 10_000;

    private record Observance(LocalDateTime start, ZoneOffset from, ZoneOffset to, String rule, List<LocalDateTime> rdates) {}

    private final List<Observance> observances;
    private final ExpansionBudget budget;
    private final Map<LocalDateTime, ZoneOffset> cache = new HashMap<>();

    private VTimezoneZone(List<Observance> observances, ExpansionBudget budget) {
        this.observances = observances;
        this.budget = budget;
    }

    /** The zone a VTIMEZONE defines, or empty when it has no usable observance. */
    static Optional<VTimezoneZone> of(IcsComponent vtimezone, ExpansionBudget budget) {
        List<Observance> list = new ArrayList<>();
        for (IcsComponent c : vtimezone.children()) {
            if (!c.name().equals("STANDARD") && !c.name().equals("DAYLIGHT")) {
                continue;
            }
            try {
                LocalDateTime start = LocalDateTime.parse(c.first("DTSTART").orElseThrow().value().strip(), LOCAL);
                ZoneOffset to = offset(c.first("TZOFFSETTO").orElseThrow().value());
                ZoneOffset from = c.first("TZOFFSETFROM").map(p -> offset(p.value())).orElse(to);
                List<LocalDateTime> rdates = new ArrayList<>();
                for (IcsComponent.Property p : c.all("RDATE")) {
                    for (String v : p.value().split(",")) {
                        rdates.add(LocalDateTime.parse(v.strip().split("/")[0], LOCAL));
                    }
                }
                String rule = c.first("RRULE").map(IcsComponent.Property::value).orElse(null);
                list.add(new Observance(start, from, to, rule, rdates));
            } catch (RuntimeException e) {
                LOG.debug("ignoring an unreadable {} observance: {}", c.name(), e.toString());
            }
        }
        list.sort(Comparator.comparing(Observance::start));
        return list.isEmpty() ? Optional.empty() : Optional.of(new VTimezoneZone(list, budget));
    }

    private static ZoneOffset offset(String value) {
        String v = value.strip();
        // TZOFFSETTO is +HHMM or +HHMMSS; ZoneOffset.of wants +HH:MM[:SS]
        if (v.length() == 5) {
            v = v.substring(0, 3) + ":" + v.substring(3);
        } else if (v.length() == 7) {
            v = v.substring(0, 3) + ":" + v.substring(3, 5) + ":" + v.substring(5);
        }
        return ZoneOffset.of(v);
    }

    @Override
    public Instant toInstant(LocalDateTime local) {
        return local.toInstant(offsetAt(local));
    }

    @Override
    public LocalDateTime toLocal(Instant instant) {
        LocalDateTime guess = LocalDateTime.ofInstant(instant, offsetAt(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
        return LocalDateTime.ofInstant(instant, offsetAt(guess));
    }

    @Override
    public String ianaId() {
        return null;
    }

    synchronized ZoneOffset offsetAt(LocalDateTime local) {
        ZoneOffset cached = cache.get(local);
        if (cached != null) {
            return cached;
        }
        Observance best = null;
        LocalDateTime bestOnset = null;
        for (Observance o : observances) {
            LocalDateTime onset = latestOnset(o, local);
            if (onset != null && (bestOnset == null || !onset.isBefore(bestOnset))) {
                best = o;
                bestOnset = onset;
            }
        }
        // before the first observance: the offset the first one changes from
        ZoneOffset result = best != null ? best.to() : observances.get(0).from();
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(local, result);
        return result;
    }

    private LocalDateTime latestOnset(Observance o, LocalDateTime t) {
        if (o.start().isAfter(t)) {
            return null;
        }
        LocalDateTime latest = o.start();
        for (LocalDateTime r : o.rdates()) {
            if (!r.isAfter(t) && r.isAfter(latest)) {
                latest = r;
            }
        }
        if (o.rule() != null) {
            try {
                // observance rules are yearly in practice; three years back always holds one onset
                List<LocalDateTime> onsets = RecurrenceRules.expand(
                        o.rule(), o.start(), t.minusYears(3), t, 50, i -> LocalDateTime.ofInstant(i, o.from()), x -> true, budget);
                if (onsets.isEmpty()) {
                    onsets = lastBeforeUntil(o);
                }
                for (LocalDateTime r : onsets) {
                    if (!r.isAfter(t) && r.isAfter(latest)) {
                        latest = r;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("ignoring an unusable observance rule {}: {}", o.rule(), e.toString());
            }
        }
        return latest;
    }

    /** For a rule that ended (UNTIL) before t: its onsets in the three years before it ended. */
    private List<LocalDateTime> lastBeforeUntil(Observance o) {
        String rule = o.rule().toUpperCase(Locale.ROOT);
        int at = rule.indexOf("UNTIL=");
        if (at < 0) {
            return List.of();
        }
        String value = rule.substring(at + 6).split(";")[0].strip();
        LocalDateTime until = value.length() == 8
                ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atTime(23, 59, 59)
                : LocalDateTime.parse(value.replace("Z", ""), LOCAL);
        return RecurrenceRules.expand(o.rule(), o.start(), until.minusYears(3), until.plusDays(1), 50,
                i -> LocalDateTime.ofInstant(i, o.from()), x -> true, budget);
    }
}
