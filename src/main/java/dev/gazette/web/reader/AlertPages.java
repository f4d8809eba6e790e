package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderPages.model;

import dev.gazette.Gazette;
import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertLimitException;
import dev.gazette.alert.AlertNotFoundException;
import dev.gazette.alert.Alerts;
import dev.gazette.alert.query.InvalidQueryException;
import dev.gazette.config.SourceConfig;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.Csrf;
import dev.gazette.web.WebTemplates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A subscriber's keyword alerts, in the preference centre ({@code /preferences/{token}/alerts}, the same token): the
 * list with Edit, Pause or Resume, and Delete; a form to add one (or change one, at {@code .../alerts/{id}/edit})
 * whose "Test this query" button shows, without saving, what the query would have matched lately; and a short guide
 * to the query syntax. An invalid query is shown again with the place of the problem marked (400); so is a new alert
 * beyond the per-subscriber limit. An alert id in an address must be one of the token's subscriber's (else 404 and
 * nothing changes). Every change is a POST with the CSRF field, answered with a redirect back to the list.
 */
final class AlertPages {
    /** What the page says was just done ({@code ?done=}), by its message key suffix. */
    private static final Set<String> DONE = Set.of("added", "changed", "paused", "resumed", "deleted");

    private final Gazette gazette;
    private final WebTemplates pages;
    private final Csrf csrf;
    private final SignedLinks links;
    private final FormChoices choices;

    AlertPages(Gazette gazette, WebTemplates pages, Csrf csrf, SignedLinks links, FormChoices choices) {
        this.gazette = gazette;
        this.pages = pages;
        this.csrf = csrf;
        this.links = links;
        this.choices = choices;
    }

    void register(Javalin app) {
        app.get("/preferences/{token}/alerts", this::list);
        app.post("/preferences/{token}/alerts", this::add);
        app.get("/preferences/{token}/alerts/{alert}/edit", this::edit);
        app.post("/preferences/{token}/alerts/{alert}", this::change);
        app.post("/preferences/{token}/alerts/{alert}/pause", ctx -> act(ctx, "paused", alerts()::pause));
        app.post("/preferences/{token}/alerts/{alert}/resume", ctx -> act(ctx, "resumed", alerts()::resume));
        app.post("/preferences/{token}/alerts/{alert}/delete", ctx -> act(ctx, "deleted", alerts()::delete));
    }

    private Alerts alerts() {
        return gazette.alerts();
    }

    /** What one rendering of the page shows besides the list. */
    private record Shown(AlertForm form, Long editing, QueryProblemView problem, Integer limit, QueryTestView test,
            String done, boolean missing) {
        static Shown form(AlertForm form, Long editing) {
            return new Shown(form, editing, null, null, null, null, false);
        }
    }

    private void list(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        String done = ctx.queryParam("done");
        show(ctx, 200, subscriber, new Shown(AlertForm.blank(), null, null, null, null,
                done != null && DONE.contains(done) ? done : null, false));
    }

    private void edit(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        Optional<Alert> alert = owned(ctx, subscriber);
        if (alert.isEmpty()) {
            missing(ctx, subscriber);
            return;
        }
        show(ctx, 200, subscriber, Shown.form(AlertForm.of(alert.get()), alert.get().id()));
    }

    private void add(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        AlertForm form = AlertForm.read(ctx);
        if (form.isTest()) {
            test(ctx, subscriber, form, null);
            return;
        }
        try {
            alerts().create(subscriber, form.query(), form.alertFrequency());
        } catch (InvalidQueryException e) {
            invalid(ctx, subscriber, form, null, e);
            return;
        } catch (AlertLimitException e) {
            show(ctx, 400, subscriber, new Shown(form, null, null, e.limit(), null, null, false));
            return;
        }
        back(ctx, "added");
    }

    private void change(Context ctx) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        Optional<Alert> alert = owned(ctx, subscriber);
        if (alert.isEmpty()) {
            missing(ctx, subscriber);
            return;
        }
        long id = alert.get().id();
        AlertForm form = AlertForm.read(ctx);
        if (form.isTest()) {
            test(ctx, subscriber, form, id);
            return;
        }
        try {
            alerts().change(id, form.query(), form.alertFrequency());
        } catch (InvalidQueryException e) {
            invalid(ctx, subscriber, form, id, e);
            return;
        } catch (AlertNotFoundException e) {
            missing(ctx, subscriber);
            return;
        }
        back(ctx, "changed");
    }

    /** Pause, resume or delete one of the subscriber's alerts. */
    private void act(Context ctx, String done, Consumer<Long> action) {
        csrf.verify(ctx);
        Subscriber subscriber = links.subscriber(ctx, TokenPurpose.PREFERENCES);
        Optional<Alert> alert = owned(ctx, subscriber);
        if (alert.isEmpty()) {
            missing(ctx, subscriber);
            return;
        }
        try {
            action.accept(alert.get().id());
        } catch (AlertNotFoundException e) {
            missing(ctx, subscriber);
            return;
        }
        back(ctx, done);
    }

    /** "Test this query": what it would have matched in the test window; nothing is stored. */
    private void test(Context ctx, Subscriber subscriber, AlertForm form, Long editing) {
        Alerts.QueryTest result;
        try {
            result = alerts().test(form.query());
        } catch (InvalidQueryException e) {
            invalid(ctx, subscriber, form, editing, e);
            return;
        }
        QueryTestView view = QueryTestView.of(result, subscriber.timeZone(), pages.locale(ctx), this::sourceName);
        show(ctx, 200, subscriber, new Shown(form, editing, null, null, view, null, false));
    }

    private void invalid(Context ctx, Subscriber subscriber, AlertForm form, Long editing, InvalidQueryException e) {
        show(ctx, 400, subscriber, new Shown(form, editing, QueryProblemView.of(e.problem(), form.query()), null, null,
                null, false));
    }

    /** An alert id that is not one of this subscriber's (or no number): 404, the list shown, nothing changed. */
    private void missing(Context ctx, Subscriber subscriber) {
        show(ctx, 404, subscriber, new Shown(AlertForm.blank(), null, null, null, null, null, true));
    }

    private Optional<Alert> owned(Context ctx, Subscriber subscriber) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("alert"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return alerts().find(id).filter(alert -> alert.subscriberId() == subscriber.id());
    }

    private void show(Context ctx, int status, Subscriber subscriber, Shown shown) {
        QueryProblemView problem = shown.problem();
        String problemText = problem == null ? null : problemText(ctx, problem);
        List<SourceConfig> sources = gazette.sourceCatalog().effective();
        pages.render(ctx, status, "reader/alerts", model("subscriber", subscriber, "token", SignedLinks.token(ctx),
                "csrf", csrf.token(ctx), "alerts", alerts().of(subscriber.id()), "form", shown.form(),
                "editing", shown.editing(), "problem", problem, "problemText", problemText, "limit", shown.limit(),
                "test", shown.test(), "done", shown.done(), "missing", shown.missing(),
                "frequencies", AlertForm.FREQUENCIES, "maxLength", alerts().config().maxQueryLength(),
                "maxAlerts", alerts().config().maxPerSubscriber(), "topics", choices.topics(),
                "sources", sources.stream().map(s -> new FormChoices.Choice(s.id(), s.name())).toList()));
    }

    /** "Column 8: the quote opened here is never closed", in the page's language. */
    private String problemText(Context ctx, QueryProblemView problem) {
        String sentence = pages.text(ctx, problem.messageKey(), problem.detail());
        return problem.hasPlace() ? pages.text(ctx, "reader.alerts.problem.column", problem.column(), sentence) : sentence;
    }

    private String sourceName(String sourceId) {
        return gazette.sourceCatalog().find(sourceId).map(SourceConfig::name).orElse(sourceId);
    }

    private static void back(Context ctx, String done) {
        ctx.redirect("/preferences/" + SignedLinks.token(ctx) + "/alerts?done=" + done, HttpStatus.SEE_OTHER);
    }
}
