package dev.gazette.subscriber;

/** What a signed link lets its holder do; a token made for one purpose is refused for every other. */
public enum TokenPurpose {
    /** Unsubscribe (the List-Unsubscribe link and the link in every email's footer). */
    UNSUBSCRIBE,
    /** Open the preference centre. */
    PREFERENCES,
    /** Confirm a subscription (double opt-in). */
    CONFIRM,
    /** Open one sent email in a browser; the subject is the delivery's id. */
    VIEW,
    /** Stop one keyword alert (the link beside each alert in an alert email); the subject is the alert's id. */
    ALERT,
    /** Stop all of a subscriber's keyword alerts, leaving their digest alone (the List-Unsubscribe of alert emails). */
    ALERTS
}
