package dev.gazette.subscriber;

/**
 * What a valid token says: its signature and expiry were checked, not whether it was revoked since.
 *
 * @param subjectId the subscriber's id (for {@link TokenPurpose#VIEW}: the delivery's id; for
 *     {@link TokenPurpose#ALERT}: the alert's id, whose owner the caller checks)
 * @param tokenVersion the subscriber's token version when it was issued (for {@link TokenPurpose#CALENDAR}: their
 *     calendar version)
 */
public record TokenClaim(TokenPurpose purpose, long subjectId, int tokenVersion) {

    /**
     * Whether the token still stands for this subscriber: theirs, and not revoked by raising their token version
     * (for a calendar feed token: their calendar version).
     */
    public boolean isCurrentFor(Subscriber subscriber) {
        return versionFor(purpose, subscriber) == tokenVersion
                && (purpose == TokenPurpose.VIEW || purpose == TokenPurpose.ALERT || subscriber.id() == subjectId);
    }

    /** The version of the subscriber's that a token for this purpose is signed with. */
    static int versionFor(TokenPurpose purpose, Subscriber subscriber) {
        return purpose == TokenPurpose.CALENDAR ? subscriber.calendarVersion() : subscriber.tokenVersion();
    }
}
