package dev.gazette.delivery;

import dev.gazette.delivery.SendJobException.Problem;
import dev.gazette.subscriber.Frequency;

/**
 * What an admin asks to send now. Make one with {@link #test}, {@link #topic}, {@link #due} or {@link #active};
 * each checks its own fields (a request that cannot be right is a {@link SendJobException} of
 * {@link Problem#INVALID}). Whether the topic and subscriber exist is checked when the send starts.
 *
 * @param topic the topic's slug, for {@link SendAudience#TOPIC}; null otherwise
 * @param frequency only subscribers of this frequency; null for daily and weekly alike (not for a test send)
 * @param subscriberId whose digest a test send is, for {@link SendAudience#TEST}; null otherwise
 * @param testAddress where a test send goes, for {@link SendAudience#TEST}; null otherwise
 */
public record SendRequest(SendAudience audience, String topic, Frequency frequency, Long subscriberId,
        String testAddress) {

    public SendRequest {
        if (audience == null) {
            throw invalid("say who the send is for: a test address, a topic, everyone due or everyone active");
        }
        if (frequency == Frequency.PAUSED) {
            throw invalid("paused subscribers get no digests: choose daily, weekly or both");
        }
        topic = topic == null || topic.isBlank() ? null : topic.strip();
        testAddress = testAddress == null || testAddress.isBlank() ? null : testAddress.strip();
        if (audience == SendAudience.TEST) {
            if (subscriberId == null) {
                throw invalid("a test send needs the subscriber whose digest it is");
            }
            if (testAddress == null) {
                throw invalid("a test send needs the address it goes to");
            }
            if (!MailAddresses.isValid(testAddress)) {
                throw invalid("'" + HeaderValues.visible(testAddress) + "' is not an address Gazette can send to: "
                        + "give one bare address like editor@example.org");
            }
            if (topic != null || frequency != null) {
                throw invalid("a test send goes to one address: it takes no topic or frequency");
            }
        } else {
            if (subscriberId != null || testAddress != null) {
                throw invalid("only a test send takes a subscriber and a test address");
            }
            if (audience == SendAudience.TOPIC && topic == null) {
                throw invalid("a send to the subscribers of a topic needs the topic");
            }
            if (audience != SendAudience.TOPIC && topic != null) {
                throw invalid("only a send to the subscribers of a topic takes a topic");
            }
        }
    }

    /** One subscriber's digest, as they would get it now, to a test address. */
    public static SendRequest test(long subscriberId, String testAddress) {
        return new SendRequest(SendAudience.TEST, null, null, subscriberId, testAddress);
    }

    /** This period's digest to the active subscribers of a topic (of one frequency, or null for both). */
    public static SendRequest topic(String topic, Frequency frequency) {
        return new SendRequest(SendAudience.TOPIC, topic, frequency, null, null);
    }

    /** The digests whose send time has come (of one frequency, or null for both), as the scheduler would. */
    public static SendRequest due(Frequency frequency) {
        return new SendRequest(SendAudience.DUE, null, frequency, null, null);
    }

    /** This period's digest to every active subscriber (of one frequency, or null for both). */
    public static SendRequest active(Frequency frequency) {
        return new SendRequest(SendAudience.ACTIVE, null, frequency, null, null);
    }

    /** How the planner finds the subscribers: the scheduler's rule for {@link SendAudience#DUE}, else now. */
    public PlanMode mode() {
        return audience == SendAudience.DUE ? PlanMode.SCHEDULED : PlanMode.NOW;
    }

    private static SendJobException invalid(String message) {
        return new SendJobException(Problem.INVALID, message);
    }
}
