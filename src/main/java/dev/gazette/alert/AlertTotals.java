package dev.gazette.alert;

/**
 * Alerts at a glance, for the dashboard.
 *
 * @param alerts every alert, paused ones too
 * @param matches the items they matched in the period asked for
 */
public record AlertTotals(int alerts, int matches) {}
