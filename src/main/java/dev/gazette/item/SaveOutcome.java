package dev.gazette.item;

/** What storing a collected item did. */
public enum SaveOutcome {
    /** A new item. */
    NEW,
    /** A known item whose content or topics changed. */
    UPDATED,
    /** A known item, unchanged: nothing was written. */
    UNCHANGED,
    /** The same link is already stored under another guid or source: nothing was written. */
    DUPLICATE
}
