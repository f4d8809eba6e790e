package dev.gazette.web.reader;

import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import io.javalin.http.Context;
import java.util.List;

/**
 * The add-or-edit form of an alert as the reader filled it in: the query (kept as typed, to show it again), the
 * frequency's label (instant, daily, weekly), and which button was pressed ("test" or "save").
 */
record AlertForm(String query, String frequency, String action) {
    static final List<String> FREQUENCIES = List.of("instant", "daily", "weekly");
    static final String TEST = "test";

    /** A blank form: a new alert sent daily. */
    static AlertForm blank() {
        return new AlertForm("", "daily", "");
    }

    static AlertForm of(Alert alert) {
        return new AlertForm(alert.query(), alert.frequency().label(), "");
    }

    static AlertForm read(Context ctx) {
        String query = ctx.formParam("query");
        String frequency = ctx.formParam("frequency");
        String action = ctx.formParam("action");
        return new AlertForm(query == null ? "" : query, FREQUENCIES.contains(frequency) ? frequency : "daily",
                action == null ? "" : action);
    }

    boolean isTest() {
        return TEST.equals(action);
    }

    AlertFrequency alertFrequency() {
        return AlertFrequency.parse(frequency);
    }
}
