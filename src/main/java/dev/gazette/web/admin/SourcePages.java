package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.config.Durations;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.config.SourceValidation;
import dev.gazette.config.TopicConfig;
import dev.gazette.item.ItemKind;
import dev.gazette.source.CollectReport;
import dev.gazette.source.ManagedSource;
import dev.gazette.source.SourceChangeException;
import dev.gazette.source.SourceResult;
import dev.gazette.source.page.SelectorTestResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Sources in the console: every source with its origin and health (last success, last error, failures in a row,
 * items, next run), "fetch now" (collects it at once and shows what that did), add and edit a source (with a test of
 * a page's selectors that shows what they would extract, before anything is saved; each problem beside its field),
 * switch on and off, delete after a confirmation. Sources of the configuration file are shown read-only: only their
 * switch works here.
 */
final class SourcePages {
    /** How many items a selector test shows. */
    static final int TEST_ITEMS = 10;

    private final Gazette gazette;
    private final AdminPages admin;
    private final Supplier<Map<String, Instant>> nextRuns;

    SourcePages(Gazette gazette, AdminPages admin, Supplier<Map<String, Instant>> nextRuns) {
        this.gazette = gazette;
        this.admin = admin;
        this.nextRuns = nextRuns;
    }

    void register(Javalin app) {
        app.get("/admin/sources", ctx -> list(ctx, null, null));
        app.get("/admin/sources/new", ctx -> form(ctx, 200, null, SourceForm.blank(), Map.of(), List.of(), null));
        app.post("/admin/sources/new", this::add);
        app.get("/admin/sources/{id}/edit", this::edit);
        app.post("/admin/sources/{id}/edit", this::save);
        app.post("/admin/sources/{id}/enabled", this::switchOnOff);
        app.post("/admin/sources/{id}/fetch", this::fetch);
        // a language link on the page that answered "fetch now" comes back here: a GET fetches nothing
        app.get("/admin/sources/{id}/fetch", ctx -> ctx.redirect("/admin/sources", io.javalin.http.HttpStatus.SEE_OTHER));
        app.get("/admin/sources/{id}/delete", ctx -> confirmDelete(ctx, 200, deletable(ctx), null));
        app.post("/admin/sources/{id}/delete", this::delete);
    }

    private void list(Context ctx, SourceResult result, ManagedSource fetched) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("sources", gazette.sourceCatalog().list());
        vars.put("nextRuns", nextRuns.get());
        vars.put("result", result);
        vars.put("fetched", fetched);
        vars.put("topicNames", topicNames());
        admin.render(ctx, "admin/sources", vars);
    }

    private void fetch(Context ctx) {
        admin.verify(ctx);
        ManagedSource source = source(ctx);
        String id = source.definition().id();
        CollectReport report;
        try {
            report = gazette.collectNow(id);
        } catch (GazetteException e) {
            throw new NotFoundResponse(e.getMessage()); // not in effect (a shadowed console source)
        }
        SourceResult result = report.results().get(0);
        admin.audit(ctx, "source.fetch", id, result.status().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + result.created() + " new, " + result.updated() + " updated, " + result.skipped() + " seen before"
                + (result.error() == null ? "" : "; " + result.error()));
        list(ctx, result, source(ctx));
    }

    private void edit(Context ctx) {
        ManagedSource source = source(ctx);
        form(ctx, 200, source, SourceForm.of(source.definition()), Map.of(), List.of(), null);
    }

    private void add(Context ctx) {
        admin.verify(ctx);
        SourceForm form = SourceForm.read(ctx);
        if ("test".equals(ctx.formParam("action"))) {
            test(ctx, null, form);
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        SourceConfig draft = form.draft(errors);
        if (!errors.isEmpty()) {
            invalid(ctx, null, form, draft, errors);
            return;
        }
        try {
            SourceConfig added = gazette.sourceCatalog().add(draft, admin.actor(ctx));
            admin.audit(ctx, "source.add", added.id(), describe(added));
            admin.redirect(ctx, "/admin/sources", "source.added", 0);
        } catch (SourceChangeException e) {
            rejected(ctx, null, form, e);
        }
    }

    private void save(Context ctx) {
        admin.verify(ctx);
        ManagedSource source = source(ctx);
        String id = source.definition().id();
        SourceForm form = SourceForm.read(ctx).withId(id);
        if (!source.editable()) {
            form(ctx, 400, source, SourceForm.of(source.definition()), Map.of(), List.of(readOnly(ctx)), null);
            return;
        }
        if ("test".equals(ctx.formParam("action"))) {
            test(ctx, source, form);
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        SourceConfig draft = form.draft(errors);
        if (!errors.isEmpty()) {
            invalid(ctx, source, form, draft, errors);
            return;
        }
        try {
            SourceConfig updated = gazette.sourceCatalog().update(id, draft, admin.actor(ctx));
            admin.audit(ctx, "source.update", id, changes(source.definition(), updated));
            admin.redirect(ctx, "/admin/sources", "source.saved", 0);
        } catch (SourceChangeException e) {
            rejected(ctx, source, form, e);
        }
    }

    /** Try the form's page selectors on its address; nothing is saved. */
    private void test(Context ctx, ManagedSource source, SourceForm form) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (!form.isPage()) {
            form(ctx, 400, source, form, errors, List.of(admin.text(ctx, "admin.source.testOnlyPages")), null);
            return;
        }
        SelectorTestResult result = gazette.sourceCatalog().testSelectors(form.url(), form.selectors(errors), TEST_ITEMS);
        form(ctx, 200, source, form, errors, List.of(), result);
    }

    /** The form could not be read: list its problems and the definition's others, and save nothing. */
    private void invalid(Context ctx, ManagedSource source, SourceForm form, SourceConfig draft,
            Map<String, List<String>> errors) {
        SourceConfig checked = draft.interval() == null && draft.cron().isBlank()
                ? new SourceConfig(draft.id(), draft.name(), draft.type(), draft.url(),
                        gazette.config().collect().defaultInterval(), draft.cron(), draft.topics(), draft.enabled(),
                        draft.page())
                : draft;
        SourceValidation.check("", checked, new HashSet<>(), topicNames().keySet(), SourceValidation.WEB_SCHEMES,
                (key, what) -> {
                    if (!errors.containsKey(key)) {
                        SourceForm.add(errors, key, what);
                    }
                });
        form(ctx, 400, source, form, errors, List.of(), null);
    }

    /** The catalog refused the change: each problem beside its field, the others above the form. */
    private void rejected(Context ctx, ManagedSource source, SourceForm form, SourceChangeException e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        switch (e.problem()) {
            case INVALID -> {
                for (String detail : e.details()) {
                    int colon = detail.indexOf(": ");
                    if (colon > 0 && !detail.substring(0, colon).contains(" ")) {
                        SourceForm.add(errors, detail.substring(0, colon), detail.substring(colon + 2));
                    } else {
                        problems.add(detail);
                    }
                }
                if (e.details().isEmpty()) {
                    problems.add(e.getMessage());
                }
            }
            case CONFLICT -> SourceForm.add(errors, "id", e.getMessage());
            case NOT_FOUND -> throw new NotFoundResponse(e.getMessage());
            case READ_ONLY -> problems.add(readOnly(ctx));
        }
        form(ctx, 400, source, form, errors, problems, null);
    }

    private void form(Context ctx, int status, ManagedSource source, SourceForm form, Map<String, List<String>> errors,
            List<String> problems, SelectorTestResult test) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("source", source);
        vars.put("readOnly", source != null && !source.editable());
        vars.put("form", form);
        vars.put("errors", errors);
        vars.put("problems", problems);
        vars.put("test", test);
        vars.put("types", SourceType.values());
        vars.put("kinds", ItemKind.values());
        vars.put("topics", gazette.config().topics());
        vars.put("defaultInterval", Durations.format(gazette.config().collect().defaultInterval()));
        vars.put("action", source == null ? "/admin/sources/new" : "/admin/sources/" + source.definition().id() + "/edit");
        admin.render(ctx, status, "admin/source", vars);
    }

    private void switchOnOff(Context ctx) {
        admin.verify(ctx);
        ManagedSource source = source(ctx);
        String id = source.definition().id();
        boolean on = "true".equals(ctx.formParam("enabled"));
        try {
            gazette.sourceCatalog().setEnabled(id, on, admin.actor(ctx));
        } catch (SourceChangeException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        if (on != source.definition().enabled()) {
            admin.audit(ctx, on ? "source.enable" : "source.disable", id,
                    source.editable() ? "a console source" : "a source of the configuration file");
        }
        admin.redirect(ctx, "/admin/sources", on ? "source.enabled" : "source.disabled", 0);
    }

    private void confirmDelete(Context ctx, int status, ManagedSource source, String problem) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("source", source);
        vars.put("problem", source.editable() ? problem : readOnly(ctx));
        admin.render(ctx, source.editable() ? status : 400, "admin/source-delete", vars);
    }

    private void delete(Context ctx) {
        admin.verify(ctx);
        ManagedSource source = deletable(ctx);
        if (!source.editable()) {
            confirmDelete(ctx, 400, source, null);
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            confirmDelete(ctx, 400, source, admin.text(ctx, "admin.source.deleteUnconfirmed"));
            return;
        }
        String id = source.definition().id();
        boolean deleted;
        try {
            deleted = gazette.sourceCatalog().delete(id, admin.actor(ctx));
        } catch (SourceChangeException e) {
            confirmDelete(ctx, 400, source, e.getMessage());
            return;
        }
        if (deleted) {
            admin.audit(ctx, "source.delete", id, describe(source.definition()) + "; its items stay");
        }
        admin.redirect(ctx, "/admin/sources", "source.deleted", 0);
    }

    private ManagedSource source(Context ctx) {
        String id = ctx.pathParam("id");
        return gazette.sourceCatalog().get(id).orElseThrow(() -> new NotFoundResponse("no such source"));
    }

    /** The console's source of that id if there is one (also one the file's shadows), else the file's. */
    private ManagedSource deletable(Context ctx) {
        String id = ctx.pathParam("id");
        return gazette.sourceCatalog().list().stream().filter(s -> s.definition().id().equals(id) && s.editable())
                .findFirst().orElseGet(() -> source(ctx));
    }

    private Map<String, String> topicNames() {
        return gazette.config().topics().stream()
                .collect(Collectors.toMap(TopicConfig::slug, TopicConfig::name, (a, b) -> a, LinkedHashMap::new));
    }

    private String readOnly(Context ctx) {
        return admin.text(ctx, "admin.source.readOnly");
    }

    /** "page https://example.org/news every 6h, topics [oncology]", for the audit log. */
    static String describe(SourceConfig s) {
        String schedule = s.cron() != null && !s.cron().isBlank() ? "cron '" + s.cron() + "'"
                : "every " + Durations.format(s.interval());
        return s.type().name().toLowerCase(java.util.Locale.ROOT) + " " + s.url() + " " + schedule + ", topics "
                + s.topics() + (s.enabled() ? "" : ", off");
    }

    /** What an edit changed, for the audit log: "url 'a' → 'b'; page '...' → '...'". */
    static String changes(SourceConfig before, SourceConfig after) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("name", new Object[] {before.name(), after.name()});
        fields.put("type", new Object[] {before.type(), after.type()});
        fields.put("url", new Object[] {before.url(), after.url()});
        fields.put("interval", new Object[] {Durations.format(before.interval()), Durations.format(after.interval())});
        fields.put("cron", new Object[] {before.cron(), after.cron()});
        fields.put("topics", new Object[] {before.topics(), after.topics()});
        fields.put("enabled", new Object[] {before.enabled(), after.enabled()});
        fields.put("page", new Object[] {before.page(), after.page()});
        List<String> changed = new ArrayList<>();
        fields.forEach((field, values) -> {
            if (!java.util.Objects.equals(values[0], values[1])) {
                changed.add(field + " '" + values[0] + "' → '" + values[1] + "'");
            }
        });
        return changed.isEmpty() ? "nothing changed" : String.join("; ", changed);
    }
}
