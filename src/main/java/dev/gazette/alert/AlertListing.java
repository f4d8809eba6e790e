package dev.gazette.alert;

/** An alert with its subscriber's address and its matching volume, for the admin console, the API and the CLI. */
public record AlertListing(Alert alert, String subscriberEmail, AlertVolume volume) {}
