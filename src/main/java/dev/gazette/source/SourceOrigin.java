package dev.gazette.source;

/** Where a source's definition lives. */
public enum SourceOrigin {
    /** The configuration file: read-only in the console (only switched on or off there). */
    CONFIG,
    /** The database: added in the console, where admins edit, switch and delete it. */
    ADMIN
}
