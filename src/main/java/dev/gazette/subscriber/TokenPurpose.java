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
    VIEW
}
