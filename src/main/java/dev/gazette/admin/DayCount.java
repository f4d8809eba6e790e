package dev.gazette.admin;

import java.time.LocalDate;

/**
 * What happened on one day, for the dashboard's charts.
 *
 * @param items articles and events first collected that day
 * @param sent deliveries sent that day
 * @param failed deliveries given up that day
 * @param skipped deliveries skipped that day (nothing new, or the reader left)
 */
public record DayCount(LocalDate day, int items, int sent, int failed, int skipped) {

    public int deliveries() {
        return sent + failed + skipped;
    }
}
