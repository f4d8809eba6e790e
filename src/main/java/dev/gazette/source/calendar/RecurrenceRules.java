package dev.gazette.source.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Expands one RRULE with ical4j's {@link Recur}, but bounded in time and memory whatever the rule.
 *
 * <p>Why the guards: {@code Recur.getDates(seed, from, to, maxCount)} walks period by period from
 * the seed. Without COUNT it first steps the seed forward one period at a time up to the window
 * (FREQ=SECONDLY from a DTSTART a year back takes seconds, ten years back minutes); with COUNT it
 * keeps every candidate before the window in a HashSet (COUNT=2000000000 exhausts the heap); and
 * one period may expand to BYxxx-list products of millions of candidates. So this class
 * <ul>
 *   <li>moves the seed forward by whole periods itself (arithmetically) for SECONDLY..WEEKLY rules,
 *       lowering COUNT accordingly when the rule has no BYxxx parts;
 *   <li>refuses rules whose candidates per period could exceed {@link #MAX_CANDIDATES_PER_PERIOD}
 *       and seeds more than {@link #MAX_YEARS_BACK} years before the window;
 *   <li>pulls dates one by one from {@code getDatesAsStream(...).spliterator()} with a step budget
 *       instead of collecting the list.
 * </ul>
 * ical4j itself stops after {@code net.fortuna.ical4j.recur.maxincrementcount} (1000) periods in a
 * row without a candidate. All values are wall-clock ({@link LocalDate}/{@link LocalDateTime}):
 * callers convert to instants, so expansion never depends on ical4j's time zone handling.
 */
final class RecurrenceRules {
    static final int MAX_CANDIDATES_PER_PERIOD = 5_000;
    static final int STEP_BUDGET = 50_000;
    static final int MAX_YEARS_BACK = 1_000;

    private static final DateTimeFormatter LOCAL_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private RecurrenceRules() {}

    /**
     * The starts the rule generates within [from, to] (wall-clock, inclusive) that pass {@code keep},
     * at most {@code max}, in order. The seed (DTSTART) is included only when the rule generates it.
     *
     * @param utcToLocal converts a UTC UNTIL to the seed's wall clock
     * @param keep the exact filter (for example by instant); only kept dates count towards max
     * @param budget the time left for expansion; the dates found when it runs out are returned
     * @throws IllegalArgumentException when the rule cannot be read or is refused
     */
    @SuppressWarnings("unchecked")
    static <T extends Temporal> List<T> expand(
            String rule, T seed, T from, T to, int max, Function<Instant, LocalDateTime> utcToLocal,
            Predicate<T> keep, ExpansionBudget budget) {
        if (max <= 0 || TemporalOrder.isBefore(to, from) || TemporalOrder.isBefore(to, seed)) {
            return List.of();
        }
        if (budget.exhausted()) {
            throw new IllegalArgumentException("the time for expanding rules in this document is used up");
        }
        Recur<T> parsed = parse(rule);
        Frequency frequency = parsed.getFrequency();
        boolean dateOnly = seed instanceof LocalDate;
        ChronoUnit unit = unitOf(frequency);
        if (dateOnly && unit.isTimeBased()) {
            throw new IllegalArgumentException(frequency + " rule on an all-day event");
        }
        long perPeriod = candidatesPerPeriod(parsed);
        if (perPeriod > MAX_CANDIDATES_PER_PERIOD) {
            throw new IllegalArgumentException("rule expands to too many dates per period");
        }
        boolean hasCount = hasPart(rule, "COUNT");
        long count = parsed.getCount();
        if (hasCount && count < 1) {
            throw new IllegalArgumentException("COUNT must be positive");
        }
        String until = parsed.getUntil() == null ? null : formatUntil(parsed.getUntil(), dateOnly, utcToLocal);

        T start = seed;
        long interval = Math.max(parsed.getInterval(), 1);
        if (!unit.isDateBased() || unit == ChronoUnit.DAYS || unit == ChronoUnit.WEEKS) {
            long periods = unit.between(seed, from) / interval - 2;
            boolean pure = perPeriod == 1 && !hasByParts(parsed);
            if (periods > 0 && (!hasCount || pure)) {
                start = (T) seed.plus(Math.multiplyExact(periods, interval), unit);
                if (hasCount) {
                    count -= periods;
                    if (count <= 0) {
                        return List.of();
                    }
                }
            }
        }
        if (ChronoUnit.YEARS.between(toDateTime(start), toDateTime(from)) > MAX_YEARS_BACK) {
            throw new IllegalArgumentException("DTSTART is too far in the past");
        }

        Recur<T> recur = parse(rewrite(rule, hasCount ? "COUNT=" + count : null, until));
        long started = System.nanoTime();
        long deadline = budget.deadlineForRule();
        List<T> out = new ArrayList<>();
        try {
            Spliterator<T> dates = recur.getDatesAsStream(start, from, to, -1).spliterator();
            long wanted = max + Math.min(perPeriod, MAX_CANDIDATES_PER_PERIOD);
            int steps = 0;
            Consumer<T> collect = d -> {
                if (keep.test(d)) {
                    out.add(d);
                }
            };
            while (out.size() < wanted && steps++ < STEP_BUDGET && System.nanoTime() - deadline < 0
                    && dates.tryAdvance(collect)) {
                // each step consumes one candidate
            }
        } finally {
            budget.spend(System.nanoTime() - started);
        }
        out.sort(TemporalOrder::compare);
        return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
    }

    private static <T extends Temporal> Recur<T> parse(String rule) {
        try {
            return new Recur<>(rule.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable RRULE " + rule + ": " + e.getMessage(), e);
        }
    }

    private static ChronoUnit unitOf(Frequency frequency) {
        return switch (frequency) {
            case SECONDLY -> ChronoUnit.SECONDS;
            case MINUTELY -> ChronoUnit.MINUTES;
            case HOURLY -> ChronoUnit.HOURS;
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            case MONTHLY -> ChronoUnit.MONTHS;
            case YEARLY -> ChronoUnit.YEARS;
        };
    }

    /** An upper bound of the candidates one period can expand to (BYxxx lists multiply). */
    static long candidatesPerPeriod(Recur<?> r) {
        long days = r.getDayList().size();
        if (r.getFrequency() == Frequency.YEARLY) {
            days *= 53;
        } else if (r.getFrequency() == Frequency.MONTHLY) {
            days *= 5;
        }
        long[] factors = {
            r.getMonthList().size(), r.getWeekNoList().size() * 7L, r.getYearDayList().size(),
            r.getMonthDayList().size(), days, r.getHourList().size(), r.getMinuteList().size(),
            r.getSecondList().size()
        };
        long product = 1;
        for (long f : factors) {
            product *= Math.max(f, 1);
            if (product > MAX_CANDIDATES_PER_PERIOD) {
                return product;
            }
        }
        return product;
    }

    private static boolean hasByParts(Recur<?> r) {
        return !(r.getMonthList().isEmpty() && r.getWeekNoList().isEmpty() && r.getYearDayList().isEmpty()
                && r.getMonthDayList().isEmpty() && r.getDayList().isEmpty() && r.getHourList().isEmpty()
                && r.getMinuteList().isEmpty() && r.getSecondList().isEmpty() && r.getSetPosList().isEmpty());
    }

    private static boolean hasPart(String rule, String part) {
        return Arrays.stream(rule.split(";")).anyMatch(p -> p.strip().toUpperCase(Locale.ROOT).startsWith(part + "="));
    }

    /** The rule with COUNT and UNTIL replaced by the given parts (either may be null). */
    private static String rewrite(String rule, String countPart, String untilValue) {
        String kept = Arrays.stream(rule.strip().split(";"))
                .filter(p -> !p.isBlank())
                .filter(p -> {
                    String upper = p.strip().toUpperCase(Locale.ROOT);
                    return !upper.startsWith("COUNT=") && !upper.startsWith("UNTIL=");
                })
                .collect(Collectors.joining(";"));
        if (countPart != null) {
            kept += ";" + countPart;
        } else if (untilValue != null) {
            kept += ";UNTIL=" + untilValue;
        }
        return kept;
    }

    /**
     * UNTIL in the seed's own kind: a date for all-day seeds, a wall-clock time otherwise (a UTC
     * UNTIL converted to the event's zone; a date UNTIL meaning the end of that day).
     */
    private static String formatUntil(Object until, boolean dateOnly, Function<Instant, LocalDateTime> utcToLocal) {
        LocalDateTime local;
        if (until instanceof LocalDate d) {
            local = d.atTime(LocalTime.MAX.withNano(0));
        } else if (until instanceof LocalDateTime l) {
            local = l;
        } else if (until instanceof OffsetDateTime o) {
            local = utcToLocal.apply(o.toInstant());
        } else if (until instanceof ZonedDateTime z) {
            local = utcToLocal.apply(z.toInstant());
        } else if (until instanceof Instant i) {
            local = utcToLocal.apply(i);
        } else {
            throw new IllegalArgumentException("unreadable UNTIL " + until);
        }
        return dateOnly ? DateTimeFormatter.BASIC_ISO_DATE.format(local.toLocalDate()) : LOCAL_FORMAT.format(local);
    }

    private static LocalDateTime toDateTime(Temporal t) {
        return t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
    }

    /** Ordering of wall-clock values of one kind. */
    static final class TemporalOrder {
        private TemporalOrder() {}

        static int compare(Temporal a, Temporal b) {
            return toDateTime(a).compareTo(toDateTime(b));
        }

        static boolean isBefore(Temporal a, Temporal b) {
            return compare(a, b) < 0;
        }
    }
}
