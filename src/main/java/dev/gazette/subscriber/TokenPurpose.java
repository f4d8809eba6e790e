package dev.gazette.subscriber;

/**
 * What a signed link lets its holder do; a token made for one purpose is refused for every other. The ordinal is
 * part of every issued token: add new purposes at the end only.
 */
public enum TokenPurpose {
    /** Unsubscribe (the List-Unsubscribe link and the link in every email's footer). */
    UNSUBSCRIBE,
    /** Open the preference centre. */
    PREFERENCES,
    /** Confirm a subscription (double opt-in). */
    CONFIRM,
    /** Open one sent email in a browser; the subject is the delivery's id. */
    VIEW,
    /**
     * Read the subscriber's calendar feed; signed with their calendar version rather than their token version, so
     * that a new feed address leaves the links in emails working.
     */
    CALENDAR,
    /** Stop one keyword alert (the link beside each alert in an alert email); the subject is the alert's id. */
    ALERT,
    /** Stop all of a subscriber's keyword alerts, leaving their digest alone (the List-Unsubscribe of alert emails). */
    ALERTS
}
