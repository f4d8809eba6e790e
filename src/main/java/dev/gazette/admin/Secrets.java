package dev.gazette.admin;

import dev.gazette.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets (session ids, API tokens, generated passwords) and the one-way form they are stored in. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** {@code bytes} random bytes from a SecureRandom, as URL-safe Base64 without padding. */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /**
     * What is stored of a secret of 256 random bits: its SHA-256, hex. A fast hash is right here (unlike for
     * passwords): the secret cannot be guessed, so nothing is gained by slowing down a look-up.
     */
    static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
