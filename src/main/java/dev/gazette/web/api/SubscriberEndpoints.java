package dev.gazette.web.api;

import dev.gazette.Gazette;
import dev.gazette.config.TopicConfig;
import dev.gazette.delivery.DigestComposer;
import dev.gazette.digest.RenderedDigest;
import dev.gazette.subscriber.EmailAddresses;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.SubscriberPreferences;
import dev.gazette.subscriber.SubscriberQuery;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.csv.ImportReport;
import dev.gazette.subscriber.csv.SubscriberCsvWriter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subscribers: list (search, topic, status, paged by id), get, add, change, unsubscribe, delete with their data,
 * import a CSV file (the importer's per-row report), export as CSV, and preview one's next digest.
 */
final class SubscriberEndpoints {
    /** The largest CSV file accepted: about 50,000 subscribers. */
    static final int MAX_CSV_BYTES = 5 * 1024 * 1024;
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final Gazette gazette;

    /**
     * One page of subscribers.
     *
     * @param nextAfter pass as {@code after} for the next page; null on the last page
     */
    record SubscriberPage(List<Subscriber> subscribers, Long nextAfter) {}

    /** A subscriber's next digest, as it would be sent now (nothing is sent or recorded). */
    record Preview(long subscriberId, String email, String subject, String preheader, String html, String text,
            int articleCount, int eventCount, boolean nothingNew, Map<String, Integer> articlesByTopic) {}

    SubscriberEndpoints(Gazette gazette) {
        this.gazette = gazette;
    }

    void register(ApiRoutes api) {
        api.get("/subscribers", this::list);
        api.post("/subscribers", this::create);
        api.get("/subscribers/export", this::export);
        api.post("/subscribers/import", this::importCsv);
        api.get("/subscribers/{id}", (ctx, call) -> ctx.json(subscriber(ctx)));
        api.patch("/subscribers/{id}", this::change);
        api.post("/subscribers/{id}/unsubscribe", this::unsubscribe);
        api.delete("/subscribers/{id}", this::delete);
        api.get("/subscribers/{id}/preview", this::preview);
    }

    private void list(Context ctx, ApiCall call) {
        int limit = Params.limit(ctx, PAGE_SIZE, MAX_PAGE_SIZE);
        SubscriberQuery query = query(ctx, limit + 1);
        List<Subscriber> found = gazette.subscribers().list(query);
        boolean more = found.size() > limit;
        List<Subscriber> page = more ? found.subList(0, limit) : found;
        ctx.json(new SubscriberPage(page, more ? page.get(page.size() - 1).id() : null));
    }

    private SubscriberQuery query(Context ctx, int limit) {
        String topic = Params.text(ctx, "topic");
        if (topic != null && !topics().contains(topic)) {
            throw ApiException.badField("topic", "unknown topic '" + topic + "' (known: " + new java.util.TreeSet<>(topics())
                    + ")");
        }
        String search = Params.text(ctx, "q");
        if (search != null && search.length() > 200) {
            throw ApiException.badField("q", "is longer than 200 characters");
        }
        return new SubscriberQuery(Params.choice(ctx, "status", SubscriberStatus.class), topic, search,
                Params.number(ctx, "after", 0), limit);
    }

    private void create(Context ctx, ApiCall call) {
        JsonBody body = JsonBody.read(ctx);
        String email = body.requiredString("email");
        if (email != null) {
            email = email.strip();
            EmailAddresses.problem(email).ifPresent(problem -> body.problem("email", problem));
        }
        SubscriberFields fields = SubscriberFields.read(body, topics(), false);
        if (fields.frequency() == null && !body.has("frequency")) {
            body.problem("frequency", "is required: daily, weekly or paused");
        }
        body.finish();
        String address = email;
        gazette.subscribers().findByEmail(address).ifPresent(known -> {
            throw ApiException.conflict("there is a subscriber with the address " + address + " already (id "
                    + known.id() + "): change it with PATCH " + ApiRoutes.PREFIX + "/subscribers/" + known.id());
        });
        SubscriberDraft draft = new SubscriberDraft(address, fields.name() == null ? "" : fields.name(),
                fields.topics() == null ? List.of() : fields.topics(), fields.frequency(), fields.timeZone(),
                fields.locale(), fields.sendDay(), fields.sendHour());
        // Insert only (a known address is left as it is), then active: the admin vouches for it, as for an import.
        Subscriber added = gazette.subscribers().signUp(draft).orElseThrow(() -> ApiException.conflict(
                "the address " + address + " was added by someone else just now"));
        gazette.subscribers().updateStatus(added.id(), SubscriberStatus.ACTIVE);
        Subscriber created = gazette.subscribers().find(added.id()).orElseThrow(() -> ApiException.conflict(
                "subscriber " + added.id() + " was deleted by someone else just now"));
        call.record("subscriber.create", created.email(), "topics " + created.topics() + ", "
                + created.frequency().name().toLowerCase(Locale.ROOT));
        ctx.status(201).header("Location", ApiRoutes.PREFIX + "/subscribers/" + created.id());
        ctx.json(created);
    }

    private void change(Context ctx, ApiCall call) {
        Subscriber stored = subscriber(ctx);
        JsonBody body = JsonBody.read(ctx);
        String email = body.string("email");
        if (email != null && !EmailAddresses.key(email.strip()).equals(EmailAddresses.key(stored.email()))) {
            body.problem("email", "an address cannot change: add the new address as a subscriber of its own");
        }
        SubscriberFields f = SubscriberFields.read(body, topics(), true);
        body.finish();
        SubscriberPreferences now = SubscriberPreferences.of(stored);
        SubscriberPreferences wanted = new SubscriberPreferences(f.name() == null ? now.name() : f.name(),
                f.topics() == null ? now.topics() : f.topics(), f.frequency() == null ? now.frequency() : f.frequency(),
                f.sendDay() == null ? now.sendDay() : f.sendDay(), f.sendHour() == null ? now.sendHour() : f.sendHour(),
                f.timeZone() == null ? now.timeZone() : f.timeZone(), f.locale() == null ? now.locale() : f.locale());
        if (!wanted.equals(now) && !gazette.subscribers().updatePreferences(stored.id(), wanted)) {
            throw ApiException.notFound("there is no subscriber " + stored.id());
        }
        if (f.status() != null && f.status() != stored.status()) {
            gazette.subscribers().updateStatus(stored.id(), f.status());
        }
        Subscriber changed = gazette.subscribers().find(stored.id())
                .orElseThrow(() -> ApiException.notFound("there is no subscriber " + stored.id()));
        String changes = changes(stored, changed);
        if (!changes.isEmpty()) {
            call.record("subscriber.update", stored.email(), changes);
        }
        ctx.json(changed);
    }

    private void unsubscribe(Context ctx, ApiCall call) {
        Subscriber s = subscriber(ctx);
        JsonBody.readOptional(ctx).finish();
        if (gazette.subscribers().unsubscribe(s.id())) {
            call.record("subscriber.unsubscribe", s.email(), null);
        }
        ctx.json(gazette.subscribers().find(s.id()).orElseThrow(() -> ApiException.notFound("there is no subscriber "
                + s.id())));
    }

    private void delete(Context ctx, ApiCall call) {
        Subscriber s = subscriber(ctx);
        if (!gazette.subscribers().delete(s.id())) {
            throw ApiException.notFound("there is no subscriber " + s.id());
        }
        call.record("subscriber.delete", s.email(), "with their topics and deliveries");
        ctx.status(204);
    }

    private void importCsv(Context ctx, ApiCall call) {
        String name = Params.text(ctx, "name");
        if (name == null) {
            name = "upload.csv";
        } else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badField("name", "must be one line of at most 200 characters");
        }
        byte[] bytes = JsonBody.bytes(ctx, MAX_CSV_BYTES, "text/csv");
        if (bytes.length == 0) {
            throw ApiException.badField("body", "the body is empty; send the CSV file (Content-Type: text/csv)");
        }
        String text = utf8(bytes, name);
        ImportReport report = gazette.subscriberImporter().importReader(new StringReader(text), name);
        call.record("subscribers.import", name, report.summary());
        if (report.failed()) {
            throw ApiException.badField("body", report.summary());
        }
        ctx.json(report);
    }

    /** The text, or a 400 naming the line of the first byte that is not UTF-8. */
    private static String utf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw ApiException.badField("body", name + " is not UTF-8 text (line " + line
                    + "): save it as UTF-8 and send it again; nothing was imported");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private void export(Context ctx, ApiCall call) throws IOException {
        SubscriberQuery query = query(ctx, Integer.MAX_VALUE);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        int written;
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            written = new SubscriberCsvWriter().export(gazette.subscribers(), query, out);
        }
        List<String> filters = new ArrayList<>();
        if (query.search() != null) {
            filters.add("search '" + query.search() + "'");
        }
        if (query.topic() != null) {
            filters.add("topic " + query.topic());
        }
        if (query.status() != null) {
            filters.add("status " + query.status().name().toLowerCase(Locale.ROOT));
        }
        call.record("subscribers.export", filters.isEmpty() ? "all" : String.join(", ", filters),
                written + " subscribers");
    }

    private void preview(Context ctx, ApiCall call) {
        Subscriber s = subscriber(ctx);
        DigestComposer.Composed composed = gazette.digests().preview(s);
        RenderedDigest d = composed.digest();
        ctx.json(new Preview(s.id(), s.email(), d.subject(), d.preheader(), d.html(), d.text(), d.articleCount(),
                d.eventCount(), composed.nothingNew(), composed.articlesByTopic()));
    }

    private Subscriber subscriber(Context ctx) {
        long id = Params.id(ctx, "id", "subscriber");
        return gazette.subscribers().find(id).orElseThrow(() -> ApiException.notFound("there is no subscriber " + id));
    }

    private Set<String> topics() {
        return gazette.config().topics().stream().map(TopicConfig::slug).collect(Collectors.toSet());
    }

    /** What a change did, for the audit log: "name 'A' → 'B'; topics [x] → [x, y]". */
    private static String changes(Subscriber before, Subscriber after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "status", before.status(), after.status());
        compare(changed, "topics", before.topics(), after.topics());
        compare(changed, "frequency", before.frequency(), after.frequency());
        compare(changed, "send day", before.sendDay(), after.sendDay());
        compare(changed, "send hour", before.sendHour(), after.sendHour());
        compare(changed, "time zone", before.timeZone(), after.timeZone());
        compare(changed, "language", before.locale().toLanguageTag(), after.locale().toLanguageTag());
        return String.join("; ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!before.equals(after)) {
            changed.add(field + " '" + before + "' → '" + after + "'");
        }
    }
}
