package dev.gazette.subscriber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens for the links in emails (unsubscribe, preferences, confirm, view in browser) and for a subscriber's
 * calendar feed.
 *
 * <p>A token carries its purpose, the subscriber's id, the subscriber's token version and an optional expiry,
 * signed with HMAC-SHA-256 under the installation's secret. It cannot be guessed or altered, and it is checked
 * without looking anything up: the database is read afterwards only to find the subscriber, whose token
 * version must still match ({@link TokenClaim#isCurrentFor}), so raising that version revokes every earlier
 * link. Tokens are URL-safe: letters, digits, '-' and '_'.
 */
public final class LinkTokens {
    private static final byte FORMAT = 1;
    private static final int PAYLOAD = 1 + 1 + Long.BYTES + Integer.BYTES + Long.BYTES;
    /** 128 bits of signature: forging one by chance takes 2^128 tries. */
    private static final int SIGNATURE = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    /** One keyed MAC per thread: making and keying one per token cost more than the MAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @param secret at least 32 characters; see {@code security.secret} */
    public LinkTokens(String secret, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    /**
     * A token that does not expire (it is revoked by raising the subscriber's token version; for
     * {@link TokenPurpose#CALENDAR}, their calendar version).
     */
    public String issue(TokenPurpose purpose, Subscriber subscriber) {
        return issue(purpose, subscriber.id(), TokenClaim.versionFor(purpose, subscriber), null);
    }

    /** A token valid for the given time. */
    public String issue(TokenPurpose purpose, Subscriber subscriber, Duration validFor) {
        return issue(purpose, subscriber.id(), TokenClaim.versionFor(purpose, subscriber),
                clock.instant().plus(validFor));
    }

    /** A token for a subject other than the subscriber (a delivery, for {@link TokenPurpose#VIEW}). */
    public String issue(TokenPurpose purpose, long subjectId, int tokenVersion, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + SIGNATURE)
                .put(FORMAT)
                .put((byte) purpose.ordinal())
                .putLong(subjectId)
                .putInt(tokenVersion)
                .putLong(expiresAt == null ? 0 : expiresAt.getEpochSecond());
        payload.put(sign(payload.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /**
     * The claim of a token made for this purpose, if its signature is right and it has not expired; empty for
     * anything else (malformed, tampered, signed with another secret, made for another purpose, expired).
     */
    public Optional<TokenClaim> verify(TokenPurpose purpose, String token) {
        return decode(purpose, token).filter(signed -> !signed.expiredAt(clock.instant())).map(Signed::claim);
    }

    /**
     * Whether this is a genuine token for this purpose whose time has run out: a page can then say "this link has
     * expired" rather than "this link is not valid". Never a reason to accept it.
     */
    public boolean isExpired(TokenPurpose purpose, String token) {
        return decode(purpose, token).filter(signed -> signed.expiredAt(clock.instant())).isPresent();
    }

    /** A well-formed token for this purpose with a right signature, expired or not. */
    private Optional<Signed> decode(TokenPurpose purpose, String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD + SIGNATURE || bytes[0] != FORMAT
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            return Optional.empty(); // the last character's unused bits must be zero: one spelling per token
        }
        byte[] expected = sign(bytes);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD, bytes.length))) {
            return Optional.empty();
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
        if (payload.get() != purpose.ordinal()) {
            return Optional.empty();
        }
        long subjectId = payload.getLong();
        int version = payload.getInt();
        long expires = payload.getLong();
        return Optional.of(new Signed(new TokenClaim(purpose, subjectId, version), expires));
    }

    /** A decoded token: its claim and its expiry (epoch seconds; 0 for none). */
    private record Signed(TokenClaim claim, long expires) {
        boolean expiredAt(Instant now) {
            return expires != 0 && !now.isBefore(Instant.ofEpochSecond(expires));
        }
    }

    /**
     * A keyed MAC of a value for another use of this installation's secret (for example the CSRF token bound
     * to a browser's cookie), separated from link tokens and from other uses by {@code purpose}; URL-safe.
     */
    public String mac(String purpose, String value) {
        Mac mac = macs.get();
        mac.update(("gazette:" + purpose + ":").getBytes(StandardCharsets.UTF_8));
        mac.update(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    /** The signature of the payload part (the first bytes) of a token. */
    private byte[] sign(byte[] token) {
        Mac mac = macs.get();
        mac.update(token, 0, PAYLOAD);
        return Arrays.copyOf(mac.doFinal(), SIGNATURE);
    }
}
