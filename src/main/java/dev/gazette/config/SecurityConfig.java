package dev.gazette.config;

/**
 * Secrets.
 *
 * @param secret the key that signs the tokens in email links (at least 32 characters); empty means a random
 *     key generated once and kept in the database, which every Gazette sharing that database then uses
 */
public record SecurityConfig(String secret) {
    @Override
    public String toString() {
        return "SecurityConfig[secret=***]";
    }
}
