package dev.gazette.web.admin;

import dev.gazette.Gazette;
import dev.gazette.GazetteException;
import dev.gazette.config.TopicConfig;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.SubscriberQuery;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.SubscriberStore;
import dev.gazette.subscriber.csv.SubscriberCsvWriter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribers in the console: search by address or name, filter by topic and status, page through; edit one
 * (name, topics, frequency, send day and hour, zone, language, status), unsubscribe, delete with their data;
 * export as CSV. Import is in {@link SubscriberImportPage}.
 */
final class SubscriberPages {
    static final int PAGE_SIZE = 50;
    /** The languages the digests are written in; a subscriber's other language tag is kept as it is. */
    static final List<String> LANGUAGES = List.of("en", "ko");

    private final Gazette gazette;
    private final AdminPages admin;

    SubscriberPages(Gazette gazette, AdminPages admin) {
        this.gazette = gazette;
        this.admin = admin;
    }

    void register(Javalin app) {
        app.get("/admin/subscribers", this::list);
        app.get("/admin/subscribers/export", this::export);
        app.get("/admin/subscribers/{id}", this::edit);
        app.post("/admin/subscribers/{id}", this::save);
        app.post("/admin/subscribers/{id}/unsubscribe", this::unsubscribe);
        app.post("/admin/subscribers/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        SubscriberQuery query = query(ctx, PAGE_SIZE + 1);
        List<Subscriber> found = gazette.subscribers().list(query);
        boolean more = found.size() > PAGE_SIZE;
        List<Subscriber> page = more ? found.subList(0, PAGE_SIZE) : found;
        Map<String, Object> vars = new HashMap<>();
        vars.put("subscribers", page);
        vars.put("more", more);
        vars.put("nextAfter", page.isEmpty() ? 0 : page.get(page.size() - 1).id());
        vars.put("first", query.afterId() == 0);
        vars.put("q", query.search() == null ? "" : query.search());
        vars.put("topic", query.topic() == null ? "" : query.topic());
        vars.put("status", query.status() == null ? "" : query.status().name());
        vars.put("topics", gazette.config().topics());
        vars.put("statuses", SubscriberStatus.values());
        vars.put("counts", gazette.subscribers().countByStatus());
        vars.put("filters", filters(query));
        vars.put("dayNames", dayNames(ctx));
        admin.render(ctx, "admin/subscribers", vars);
    }

    private void export(Context ctx) throws java.io.IOException {
        SubscriberQuery query = query(ctx, Integer.MAX_VALUE);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        int written;
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            written = new SubscriberCsvWriter().export(gazette.subscribers(), query, out);
        }
        admin.audit(ctx, "subscribers.export", filters(query).isEmpty() ? "all" : filters(query),
                written + " subscribers");
    }

    private void edit(Context ctx) {
        Subscriber s = subscriber(ctx);
        admin.render(ctx, "admin/subscriber", form(ctx, s, Form.of(s), List.of()));
    }

    private void save(Context ctx) {
        admin.verify(ctx);
        Subscriber stored = subscriber(ctx);
        Form form = Form.read(ctx);
        List<String> problems = form.problems(gazette.config().topics());
        if (!problems.isEmpty()) {
            admin.render(ctx, 400, "admin/subscriber", form(ctx, stored, form, problems));
            return;
        }
        SubscriberStatus status = SubscriberStatus.valueOf(form.status());
        SubscriberDraft draft = new SubscriberDraft(stored.email(), form.name(), form.topics(),
                Frequency.valueOf(form.frequency()), ZoneId.of(form.zone()), Locale.forLanguageTag(form.language()),
                DayOfWeek.valueOf(form.sendDay()), Integer.parseInt(form.sendHour()));
        boolean inactiveNow = !receivesDetails(status);
        try {
            if (!inactiveNow && status != stored.status()) {
                gazette.subscribers().updateStatus(stored.id(), status); // back to active or pending first
            }
            gazette.subscribers().upsert(draft); // an unsubscribed or bounced address keeps its details
            if (inactiveNow && status != stored.status()) {
                gazette.subscribers().updateStatus(stored.id(), status);
            }
            Subscriber now = gazette.subscribers().find(stored.id()).orElseThrow();
            admin.audit(ctx, "subscriber.update", stored.email(), changes(stored, now));
            admin.redirect(ctx, "/admin/subscribers/" + stored.id(),
                    sameDetails(now, draft) ? "subscriber.saved" : "subscriber.kept", 0);
        } catch (GazetteException e) {
            admin.render(ctx, 400, "admin/subscriber", form(ctx, stored, form, List.of(e.getMessage())));
        }
    }

    private void unsubscribe(Context ctx) {
        admin.verify(ctx);
        Subscriber s = subscriber(ctx);
        if (gazette.subscribers().unsubscribe(s.id())) {
            admin.audit(ctx, "subscriber.unsubscribe", s.email(), null);
        }
        admin.redirect(ctx, "/admin/subscribers/" + s.id(), "subscriber.unsubscribed", 0);
    }

    private void delete(Context ctx) {
        admin.verify(ctx);
        Subscriber s = subscriber(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            admin.render(ctx, 400, "admin/subscriber", form(ctx, s, Form.of(s),
                    List.of(admin.text(ctx, "admin.subscriber.deleteConfirmMissing"))));
            return;
        }
        if (gazette.subscribers().delete(s.id())) {
            admin.audit(ctx, "subscriber.delete", s.email(), "with their topics and deliveries");
        }
        admin.redirect(ctx, "/admin/subscribers", "subscriber.deleted", 0);
    }

    private Subscriber subscriber(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such subscriber");
        }
        return gazette.subscribers().find(id).orElseThrow(() -> new NotFoundResponse("no such subscriber"));
    }

    private Map<DayOfWeek, String> dayNames(Context ctx) {
        Map<DayOfWeek, String> names = new java.util.EnumMap<>(DayOfWeek.class);
        Locale locale = admin.locale(ctx);
        for (DayOfWeek day : DayOfWeek.values()) {
            names.put(day, day.getDisplayName(java.time.format.TextStyle.FULL, locale));
        }
        return names;
    }

    private Map<String, Object> form(Context ctx, Subscriber s, Form form, List<String> problems) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("dayNames", dayNames(ctx));
        vars.put("s", s);
        vars.put("form", form);
        vars.put("problems", problems);
        vars.put("topics", gazette.config().topics());
        vars.put("statuses", SubscriberStatus.values());
        vars.put("frequencies", Frequency.values());
        vars.put("days", DayOfWeek.values());
        vars.put("hours", java.util.stream.IntStream.range(0, 24).boxed().toList());
        List<String> languages = new ArrayList<>(LANGUAGES);
        if (!languages.contains(form.language())) {
            languages.add(form.language());
        }
        vars.put("languages", languages);
        vars.put("deliveries", gazette.digests().ledger().list(null, s.id(), 10));
        vars.putAll(AlertPages.ofSubscriber(gazette, s));
        return vars;
    }

    /** The list's filters from the query string; unknown values are ignored. */
    private SubscriberQuery query(Context ctx, int limit) {
        String q = ctx.queryParam("q");
        String topic = ctx.queryParam("topic");
        String status = ctx.queryParam("status");
        long after = 0;
        try {
            after = ctx.queryParam("after") == null ? 0 : Math.max(0, Long.parseLong(ctx.queryParam("after")));
        } catch (NumberFormatException ignored) {
            // the first page
        }
        SubscriberStatus wanted = null;
        for (SubscriberStatus s : SubscriberStatus.values()) {
            if (s.name().equalsIgnoreCase(status == null ? "" : status.strip())) {
                wanted = s;
            }
        }
        boolean knownTopic = topic != null && gazette.config().topics().stream().anyMatch(t -> t.slug().equals(topic));
        return new SubscriberQuery(wanted, knownTopic ? topic : null,
                q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(200, q.strip().length())), after, limit);
    }

    private static String filters(SubscriberQuery query) {
        List<String> parts = new ArrayList<>();
        if (query.search() != null) {
            parts.add("search '" + query.search() + "'");
        }
        if (query.topic() != null) {
            parts.add("topic " + query.topic());
        }
        if (query.status() != null) {
            parts.add("status " + query.status().name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", parts);
    }

    /** What an edit changed, for the audit log: "name 'A' → 'B'; topics [x] → [x, y]". */
    static String changes(Subscriber before, Subscriber after) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("name", new Object[] {before.name(), after.name()});
        fields.put("status", new Object[] {before.status(), after.status()});
        fields.put("topics", new Object[] {before.topics(), after.topics()});
        fields.put("frequency", new Object[] {before.frequency(), after.frequency()});
        fields.put("send day", new Object[] {before.sendDay(), after.sendDay()});
        fields.put("send hour", new Object[] {before.sendHour(), after.sendHour()});
        fields.put("time zone", new Object[] {before.timeZone(), after.timeZone()});
        fields.put("language", new Object[] {before.locale().toLanguageTag(), after.locale().toLanguageTag()});
        List<String> changed = new ArrayList<>();
        fields.forEach((field, values) -> {
            if (!values[0].equals(values[1])) {
                changed.add(field + " '" + values[0] + "' → '" + values[1] + "'");
            }
        });
        return changed.isEmpty() ? "nothing changed" : String.join("; ", changed);
    }

    private static boolean sameDetails(Subscriber s, SubscriberDraft d) {
        return s.name().equals(d.name()) && s.topics().equals(d.topics().stream().sorted().toList())
                && s.frequency() == d.frequency() && s.timeZone().equals(d.timeZone())
                && s.locale().equals(d.locale()) && s.sendDay() == d.sendDay() && s.sendHour() == d.sendHour();
    }

    private static boolean receivesDetails(SubscriberStatus status) {
        return status == SubscriberStatus.ACTIVE || status == SubscriberStatus.PENDING;
    }

    /** The edit form's values as sent (strings, so a bad one can be shown back as it was typed). */
    public record Form(String name, List<String> topics, String frequency, String sendDay, String sendHour, String zone,
            String language, String status) {

        static Form of(Subscriber s) {
            return new Form(s.name(), s.topics(), s.frequency().name(), s.sendDay().name(),
                    String.valueOf(s.sendHour()), s.timeZone().getId(), s.locale().toLanguageTag(), s.status().name());
        }

        static Form read(Context ctx) {
            return new Form(Optional.ofNullable(ctx.formParam("name")).orElse("").strip(), ctx.formParams("topics"),
                    value(ctx, "frequency"), value(ctx, "sendDay"), value(ctx, "sendHour"), value(ctx, "zone"),
                    value(ctx, "language"), value(ctx, "status"));
        }

        private static String value(Context ctx, String field) {
            String v = ctx.formParam(field);
            return v == null ? "" : v.strip();
        }

        public boolean follows(String topic) {
            return topics.contains(topic);
        }

        List<String> problems(List<TopicConfig> known) {
            List<String> problems = new ArrayList<>();
            if (name.length() > SubscriberStore.MAX_NAME_LENGTH) {
                problems.add("the name is longer than " + SubscriberStore.MAX_NAME_LENGTH + " characters");
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                problems.add("the name must be one line");
            }
            for (String topic : topics) {
                if (known.stream().noneMatch(t -> t.slug().equals(topic))) {
                    problems.add("unknown topic '" + topic + "'");
                }
            }
            check(problems, "frequency", frequency, Frequency.class);
            check(problems, "send day", sendDay, DayOfWeek.class);
            check(problems, "status", status, SubscriberStatus.class);
            try {
                int hour = Integer.parseInt(sendHour);
                if (hour < 0 || hour > 23) {
                    problems.add("send hour " + hour + " is not an hour from 0 to 23");
                }
            } catch (NumberFormatException e) {
                problems.add("send hour '" + sendHour + "' is not a number");
            }
            if (!ZoneId.getAvailableZoneIds().contains(zone)) {
                problems.add("unknown time zone '" + zone + "' (use a name like Europe/Berlin or Asia/Seoul)");
            }
            Locale locale = Locale.forLanguageTag(language);
            if (language.isEmpty() || locale.getLanguage().isEmpty() || language.length() > SubscriberStore.MAX_LOCALE_LENGTH) {
                problems.add("'" + language + "' is not a language tag such as en or ko");
            }
            return problems;
        }

        private static <E extends Enum<E>> void check(List<String> problems, String field, String value, Class<E> type) {
            try {
                Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                problems.add("unknown " + field + " '" + value + "'");
            }
        }
    }
}
