package dev.gazette.delivery;

/** Interim: replaced by the SMTP helper's record. */
public record SendResult(Kind kind, String reply) {
    public enum Kind { SENT, TRANSIENT, PERMANENT, REJECTED_RECIPIENT, AMBIGUOUS }
}
