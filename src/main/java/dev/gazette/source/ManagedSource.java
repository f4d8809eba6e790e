package dev.gazette.source;

import dev.gazette.config.SourceConfig;
import java.time.Instant;

/**
 * A source as the console lists it: its definition, where that lives, and its health.
 *
 * @param definition the definition in effect (for a source of the configuration file, switched on or off as the
 *     console says); for a shadowed source, the admin's definition, not in effect
 * @param status its health (last success, last error, items), or null before it was first stored
 * @param shadowed an admin's source whose id the configuration file now uses too: the file's source wins, this one
 *     is not collected (rename or delete it)
 * @param switched for a source of the configuration file: the console switched it on or off, over the file's
 *     {@code enabled}
 * @param changedBy who last changed it in the console (added, edited, switched), or null
 * @param changedAt when, or null
 */
public record ManagedSource(SourceConfig definition, SourceOrigin origin, SourceStatus status, boolean shadowed,
        boolean switched, String changedBy, Instant changedAt) {

    /** Whether the console may edit and delete it (not only switch it). */
    public boolean editable() {
        return origin == SourceOrigin.ADMIN;
    }
}
