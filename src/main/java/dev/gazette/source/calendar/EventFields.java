package dev.gazette.source.calendar;

import dev.gazette.source.HtmlSanitizer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.TemporalAmountAdapter;

/**
 * The properties of one VEVENT that Gazette keeps, read and cleaned.
 *
 * @param start DTSTART, or for an override without one its RECURRENCE-ID
 * @param length how long each occurrence lasts; see {@link #endOf}
 */
record EventFields(
        String uid,
        String title,
        String link,
        String summaryHtml,
        List<String> categories,
        String location,
        Instant created,
        Instant modified,
        IcsTime start,
        TemporalAmount length,
        boolean cancelled) {

    /**
     * Reads a VEVENT; empty when it has no usable SUMMARY (and no fallback title) or DTSTART.
     *
     * @param fallbackTitle for overrides: the title of their series, else null
     */
    static Optional<EventFields> read(IcsComponent event, TimeContext times, URI base, String fallbackTitle) {
        Optional<String> title = event.text("SUMMARY").map(EventFields::collapse).filter(s -> !s.isEmpty())
                .or(() -> Optional.ofNullable(fallbackTitle));
        Optional<IcsComponent.Property> dtstart = event.first("DTSTART").or(() -> event.first("RECURRENCE-ID"));
        if (title.isEmpty() || dtstart.isEmpty()) {
            return Optional.empty();
        }
        IcsTime start = times.parse(dtstart.get());
        List<String> categories = new ArrayList<>();
        for (IcsComponent.Property p : event.all("CATEGORIES")) {
            for (String c : p.textList()) {
                String clean = collapse(c);
                if (!clean.isEmpty() && !categories.contains(clean)) {
                    categories.add(clean);
                }
            }
        }
        return Optional.of(new EventFields(
                event.text("UID").orElse(null),
                title.get(),
                event.text("URL").map(u -> link(u, base)).orElse(null),
                HtmlSanitizer.fromText(event.text("DESCRIPTION").orElse(null)),
                categories,
                event.text("LOCATION").map(EventFields::collapse).filter(s -> !s.isEmpty()).orElse(null),
                times.stamp(event, "CREATED"),
                times.stamp(event, "LAST-MODIFIED"),
                start,
                length(event, start, times),
                isCancelled(event)));
    }

    static boolean isCancelled(IcsComponent event) {
        return event.text("STATUS").map(s -> s.toUpperCase(Locale.ROOT).equals("CANCELLED")).orElse(false);
    }

    /** The end of an occurrence starting at {@code s}: exclusive, null when the event states none. */
    Instant endOf(IcsTime s) {
        if (s.allDay()) {
            LocalDate endDate = length instanceof Period p ? s.date().plus(p) : s.date().plusDays(1);
            return endDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (length instanceof Period p) {
            return s.zone().toInstant(s.local().plus(p));
        }
        return length instanceof Duration d ? s.instant().plus(d) : null;
    }

    /** At most how long an occurrence lasts, to widen the expansion window backwards. */
    Duration maxLength() {
        if (length instanceof Period p) {
            return Duration.ofDays(p.toTotalMonths() * 31 + p.getDays() + 1);
        }
        return length instanceof Duration d ? d : Duration.ZERO;
    }

    /** Copy with the gaps of an override filled from its series. */
    EventFields orFrom(EventFields master) {
        return new EventFields(uid, title, link != null ? link : master.link,
                summaryHtml.isEmpty() ? master.summaryHtml : summaryHtml,
                categories.isEmpty() ? master.categories : categories,
                location != null ? location : master.location,
                created != null ? created : master.created, modified != null ? modified : master.modified,
                start, length != null ? length : master.length, cancelled);
    }

    /** DTEND or DURATION as an amount: a Period (nominal days) or a Duration; null when neither. */
    private static TemporalAmount length(IcsComponent event, IcsTime start, TimeContext times) {
        Optional<IcsComponent.Property> dtend = event.first("DTEND");
        Optional<IcsComponent.Property> duration = event.first("DURATION");
        TemporalAmount amount = null;
        try {
            if (dtend.isPresent()) {
                IcsTime end = times.parse(dtend.get());
                if (start.allDay() && end.allDay()) {
                    amount = Period.between(start.date(), end.date());
                } else if (!start.allDay() && !end.allDay()) {
                    amount = Duration.between(start.instant(), end.instant());
                }
            } else if (duration.isPresent()) {
                amount = TemporalAmountAdapter.parse(duration.get().value().strip(), true).getDuration();
                if (start.allDay() && amount instanceof Duration d) {
                    amount = Period.ofDays((int) Math.max(1, (d.toHours() + 23) / 24));
                }
            }
        } catch (RuntimeException e) {
            amount = null; // an unreadable end is no reason to lose the event
        }
        if (amount instanceof Period p && (p.isNegative() || p.isZero())) {
            amount = start.allDay() ? Period.ofDays(1) : null;
        } else if (amount instanceof Duration d && d.isNegative()) {
            amount = null;
        }
        if (start.allDay() && !(amount instanceof Period)) {
            amount = Period.ofDays(1);
        }
        return amount;
    }

    /** An absolute http(s) address, relative ones resolved against the document; else null. */
    static String link(String value, URI base) {
        try {
            URI uri = base.resolve(new URI(value.strip().replace(" ", "%20")));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (Exception e) {
            // not an address
        }
        return null;
    }

    static String collapse(String text) {
        return text.replaceAll("(?U)\\s+", " ").strip();
    }
}
