package dev.gazette.item;

/** What an item is: a dated article, or an event with a start (and perhaps an end and a venue). */
public enum ItemKind {
    ARTICLE,
    EVENT
}
