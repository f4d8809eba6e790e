package dev.gazette.config;

import java.time.Duration;

/**
 * The admin console.
 *
 * @param sessionTimeout how long an admin stays logged in without using the console
 * @param createOnStart whether {@code serve} creates the first admin, {@code admin}, with a random password printed
 *     once, when there is no admin yet (otherwise create one with {@code gazette admin create})
 */
public record AdminConfig(Duration sessionTimeout, boolean createOnStart) {}
