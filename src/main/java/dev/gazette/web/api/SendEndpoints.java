package dev.gazette.web.api;

import dev.gazette.Gazette;
import dev.gazette.delivery.SendAudience;
import dev.gazette.delivery.SendCount;
import dev.gazette.delivery.SendJob;
import dev.gazette.delivery.SendJobs;
import dev.gazette.delivery.SendRequest;
import dev.gazette.subscriber.Frequency;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Manual sends ({@link SendJobs}): a dry run that counts, a start that runs in the background, its progress, and
 * the latest sends. A start needs an {@code Idempotency-Key} header: the same key again returns the same send and
 * mails nobody twice (a retried request, a double click); the same key with another request is a 409. Keys are the
 * API's own (kept as {@value #KEY_PREFIX}KEY, apart from the console's) and shared by every token.
 */
final class SendEndpoints {
    static final String KEY_HEADER = "Idempotency-Key";
    static final String KEY_PREFIX = "api:";
    static final int MAX_KEY_LENGTH = SendJobs.MAX_KEY_LENGTH - KEY_PREFIX.length();
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");

    private final Gazette gazette;

    SendEndpoints(Gazette gazette) {
        this.gazette = gazette;
    }

    void register(ApiRoutes api) {
        api.post("/sends/dry-run", this::dryRun);
        api.post("/sends", this::start);
        api.get("/sends", (ctx, call) -> ctx.json(gazette.sendJobs().list(Params.limit(ctx, 20, 200))));
        api.get("/sends/{id}", (ctx, call) -> ctx.json(gazette.sendJobs().progress(Params.id(ctx, "id", "send"))));
    }

    private void dryRun(Context ctx, ApiCall call) {
        SendRequest request = request(JsonBody.read(ctx));
        SendCount count = gazette.sendJobs().dryRun(request);
        call.record("send.dry-run", describe(request), count.wouldSend() + " would get one, " + count.alreadyHad()
                + " had it, " + count.wouldSkip() + " would be skipped");
        ctx.json(count);
    }

    private void start(Context ctx, ApiCall call) {
        String key = ctx.header(KEY_HEADER);
        if (key == null || key.isBlank()) {
            throw ApiException.badField(KEY_HEADER, "is required: a one-time key of your choosing (e.g. a UUID), so "
                    + "that sending the same request again does not send twice");
        }
        if (!KEY.matcher(key.strip()).matches()) {
            throw ApiException.badField(KEY_HEADER, "must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters (letters, digits, punctuation; no spaces)");
        }
        String requestKey = KEY_PREFIX + key.strip();
        SendRequest request = request(JsonBody.read(ctx));
        Optional<SendJob> before = gazette.sendJobs().findByRequestKey(requestKey);
        SendJob job = gazette.sendJobs().start(request, requestKey, call.actor());
        if (before.isEmpty()) {
            call.record("send.start", describe(request), "send " + job.id());
        }
        ctx.status(202).header("Location", ApiRoutes.PREFIX + "/sends/" + job.id());
        ctx.json(gazette.sendJobs().progress(job.id()));
    }

    /** The send asked for in a body: {@code {audience, topic, frequency, subscriberId, testAddress}}. */
    private static SendRequest request(JsonBody body) {
        SendAudience audience = body.choice("audience", SendAudience.class);
        if (audience == null && !body.has("audience")) {
            body.problem("audience", "is required: test, topic, due or active");
        }
        String topic = body.string("topic");
        Frequency frequency = body.choice("frequency", Frequency.class);
        Long subscriberId = body.longInteger("subscriberId");
        String testAddress = body.string("testAddress");
        body.finish();
        return new SendRequest(audience, topic, frequency, subscriberId, testAddress);
    }

    private static String describe(SendRequest r) {
        String frequency = r.frequency() == null ? "" : " (" + r.frequency().name().toLowerCase(Locale.ROOT) + ")";
        return switch (r.audience()) {
            case TEST -> "test to " + r.testAddress() + " as subscriber " + r.subscriberId();
            case TOPIC -> "topic " + r.topic() + frequency;
            case DUE -> "everyone due" + frequency;
            case ACTIVE -> "everyone active" + frequency;
        };
    }
}
