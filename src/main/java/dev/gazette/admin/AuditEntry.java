package dev.gazette.admin;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param actor who: an admin's name, {@code token:NAME} for the REST API, {@code cli} for the command line,
 *     {@code serve} for start-up
 * @param action what, as {@code thing.verb}: {@code login}, {@code subscriber.update}, {@code token.create}, ...
 * @param target what it was done to (an address, a topic, a token), or null
 * @param detail more, for people (what changed, how many), or null
 */
public record AuditEntry(long id, Instant createdAt, String actor, String action, String target, String detail) {}
