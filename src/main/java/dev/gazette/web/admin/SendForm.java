package dev.gazette.web.admin;

import dev.gazette.delivery.SendAudience;
import dev.gazette.delivery.SendJobException;
import dev.gazette.delivery.SendJobException.Problem;
import dev.gazette.delivery.SendRequest;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStore;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * The manual send form as typed: who it is for, and the fields of that choice. The dry-run page carries the same
 * fields (hidden) to its Confirm button, so the send confirmed is the send counted.
 *
 * @param audience {@code test}, {@code topic}, {@code due} or {@code active}
 * @param topic a topic's slug (for {@code topic})
 * @param frequency {@code daily}, {@code weekly}, or empty for both (not for {@code test})
 * @param testAddress where a test send goes (for {@code test})
 * @param subscriber the address of the subscriber whose digest a test send is (for {@code test})
 */
public record SendForm(String audience, String topic, String frequency, String testAddress, String subscriber) {

    /** The form as first shown: a test send, for both frequencies. */
    static SendForm blank() {
        return new SendForm("test", "", "", "", "");
    }

    static SendForm read(Context ctx) {
        return new SendForm(value(ctx, "audience"), value(ctx, "topic"), value(ctx, "frequency"),
                value(ctx, "test-address"), value(ctx, "subscriber"));
    }

    /**
     * What the form asks to send; the fields of the other audiences are ignored.
     *
     * @throws SendJobException ({@link Problem#INVALID}) for a form that asks nothing sendable
     */
    SendRequest request(SubscriberStore subscribers) {
        SendAudience chosen = chosenAudience();
        if (chosen == SendAudience.TEST) {
            if (subscriber.isEmpty()) {
                throw new SendJobException(Problem.INVALID, "a test send needs the address of the subscriber whose digest it is");
            }
            Subscriber whose = subscribers.findByEmail(subscriber).orElseThrow(() ->
                    new SendJobException(Problem.INVALID, "there is no subscriber " + subscriber));
            return SendRequest.test(whose.id(), testAddress);
        }
        Frequency only = chosenFrequency();
        return switch (chosen) {
            case TOPIC -> SendRequest.topic(topic, only);
            case DUE -> SendRequest.due(only);
            default -> SendRequest.active(only);
        };
    }

    private SendAudience chosenAudience() {
        for (SendAudience a : SendAudience.values()) {
            if (a.name().equalsIgnoreCase(audience)) {
                return a;
            }
        }
        throw new SendJobException(Problem.INVALID,
                "choose who the send is for: a test address, a topic, everyone due or everyone active");
    }

    private Frequency chosenFrequency() {
        if (frequency.isEmpty()) {
            return null;
        }
        return switch (frequency.toLowerCase(Locale.ROOT)) {
            case "daily" -> Frequency.DAILY;
            case "weekly" -> Frequency.WEEKLY;
            default -> throw new SendJobException(Problem.INVALID,
                    "unknown frequency '" + frequency + "': daily, weekly, or empty for both");
        };
    }

    private static String value(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v.strip();
    }
}
