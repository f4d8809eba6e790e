package dev.gazette.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Counts for the console's dashboard, day by day. */
public final class AdminStats {
    private final Jdbi jdbi;
    private final Clock clock;

    AdminStats(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * The last {@code days} days, today included, oldest first: items first collected, and deliveries sent, failed
     * and skipped (by when they ended). Days are calendar days in {@code zone}; two indexed counts per day.
     */
    public List<DayCount> perDay(ZoneId zone, int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return jdbi.withHandle(handle -> {
            StatsDao dao = handle.attach(StatsDao.class);
            List<DayCount> counts = new ArrayList<>();
            for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
                Instant from = day.atStartOfDay(zone).toInstant();
                Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
                int sent = 0;
                int failed = 0;
                int skipped = 0;
                for (StatsDao.StatusCount c : dao.deliveriesFinished(from, to)) {
                    switch (c.status()) {
                        case "SENT" -> sent = c.total();
                        case "FAILED" -> failed = c.total();
                        default -> skipped = c.total();
                    }
                }
                counts.add(new DayCount(day, dao.itemsFirstSeen(from, to), sent, failed, skipped));
            }
            return counts;
        });
    }
}
