package dev.gazette.subscriber.csv;

/** What an import does with an address the store knows already. */
public enum ImportMode {
    /** The file is the truth: a known address's details are replaced ({@code gazette subscribers import}). */
    UPDATE,
    /**
     * Only new addresses are added; known ones are left as they are, since their readers may have changed their
     * preferences on the web ({@code serve}'s import at start-up).
     */
    ADD_NEW
}
