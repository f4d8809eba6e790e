package dev.gazette.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokensTest {
    private static final String SECRET = "a-secret-that-is-long-enough-to-sign-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    private final LinkTokens tokens = new LinkTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    static Subscriber subscriber(long id, int tokenVersion) {
        return new Subscriber(id, "reader@example.org", "Reader", SubscriberStatus.ACTIVE, List.of(), Frequency.WEEKLY,
                DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), Locale.ENGLISH, tokenVersion, 1, NOW, NOW);
    }

    @Test
    void aTokenNamesItsSubscriberAndVersionAndIsUrlSafe() {
        String token = tokens.issue(TokenPurpose.UNSUBSCRIBE, subscriber(42, 3));

        assertThat(token).matches("[A-Za-z0-9_-]{40,64}");
        TokenClaim claim = tokens.verify(TokenPurpose.UNSUBSCRIBE, token).orElseThrow();
        assertThat(claim).isEqualTo(new TokenClaim(TokenPurpose.UNSUBSCRIBE, 42, 3));
        assertThat(claim.isCurrentFor(subscriber(42, 3))).isTrue();
    }

    @Test
    void raisingTheTokenVersionRevokesEarlierTokens() {
        TokenClaim claim = tokens.verify(TokenPurpose.PREFERENCES, tokens.issue(TokenPurpose.PREFERENCES, subscriber(7, 1)))
                .orElseThrow();

        assertThat(claim.isCurrentFor(subscriber(7, 2))).isFalse();
        assertThat(claim.isCurrentFor(subscriber(8, 1))).as("another subscriber").isFalse();
    }

    @Test
    void aCalendarTokenIsSignedWithTheCalendarVersionAndRevokedByItAlone() {
        Subscriber reader = new Subscriber(42, "reader@example.org", "Reader", SubscriberStatus.ACTIVE, List.of(),
                Frequency.WEEKLY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), Locale.ENGLISH, 3, 5, NOW, NOW);
        TokenClaim claim = tokens.verify(TokenPurpose.CALENDAR, tokens.issue(TokenPurpose.CALENDAR, reader)).orElseThrow();

        assertThat(claim).isEqualTo(new TokenClaim(TokenPurpose.CALENDAR, 42, 5));
        assertThat(claim.isCurrentFor(reader)).isTrue();
        assertThat(claim.isCurrentFor(new Subscriber(42, "reader@example.org", "Reader", SubscriberStatus.ACTIVE,
                List.of(), Frequency.WEEKLY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), Locale.ENGLISH, 4, 5, NOW, NOW)))
                .as("a new token version leaves the feed alone").isTrue();
        assertThat(claim.isCurrentFor(new Subscriber(42, "reader@example.org", "Reader", SubscriberStatus.ACTIVE,
                List.of(), Frequency.WEEKLY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), Locale.ENGLISH, 3, 6, NOW, NOW)))
                .as("a new calendar version revokes it").isFalse();
        TokenClaim preferences = tokens.verify(TokenPurpose.PREFERENCES, tokens.issue(TokenPurpose.PREFERENCES, reader))
                .orElseThrow();
        assertThat(preferences.tokenVersion()).isEqualTo(3);
        assertThat(tokens.verify(TokenPurpose.PREFERENCES, tokens.issue(TokenPurpose.CALENDAR, reader))).isEmpty();
        assertThat(tokens.verify(TokenPurpose.CALENDAR, tokens.issue(TokenPurpose.PREFERENCES, reader))).isEmpty();
    }

    @Test
    void everyAlteredCharacterIsRefused() {
        String token = tokens.issue(TokenPurpose.UNSUBSCRIBE, subscriber(42, 1));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            char replacement = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
            String altered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(tokens.verify(TokenPurpose.UNSUBSCRIBE, altered)).as("changed at %d", i).isEmpty();
        }
    }

    @Test
    void aForgedPayloadWithoutTheSecretIsRefused() {
        LinkTokens other = new LinkTokens("another-secret-that-is-long-enough-0123456789", Clock.systemUTC());
        String forged = other.issue(TokenPurpose.UNSUBSCRIBE, subscriber(42, 1));

        assertThat(tokens.verify(TokenPurpose.UNSUBSCRIBE, forged)).isEmpty();
    }

    @Test
    void aTokenForOnePurposeIsRefusedForAnother() {
        String unsubscribe = tokens.issue(TokenPurpose.UNSUBSCRIBE, subscriber(42, 1));

        assertThat(tokens.verify(TokenPurpose.PREFERENCES, unsubscribe)).isEmpty();
        assertThat(tokens.verify(TokenPurpose.CONFIRM, unsubscribe)).isEmpty();
    }

    @Test
    void expiringTokensStopWorkingAtTheirExpiry() {
        String confirm = tokens.issue(TokenPurpose.CONFIRM, subscriber(42, 1), Duration.ofHours(48));
        LinkTokens justBefore = new LinkTokens(SECRET, Clock.fixed(NOW.plus(Duration.ofHours(48)).minusSeconds(1), ZoneOffset.UTC));
        LinkTokens atExpiry = new LinkTokens(SECRET, Clock.fixed(NOW.plus(Duration.ofHours(48)), ZoneOffset.UTC));

        assertThat(justBefore.verify(TokenPurpose.CONFIRM, confirm)).isPresent();
        assertThat(atExpiry.verify(TokenPurpose.CONFIRM, confirm)).isEmpty();
    }

    @Test
    void onlyAGenuineTokenPastItsExpiryCountsAsExpired() {
        String confirm = tokens.issue(TokenPurpose.CONFIRM, subscriber(42, 1), Duration.ofHours(48));
        LinkTokens later = new LinkTokens(SECRET, Clock.fixed(NOW.plus(Duration.ofHours(49)), ZoneOffset.UTC));
        char last = confirm.charAt(confirm.length() - 1);
        String tampered = confirm.substring(0, confirm.length() - 1) + (last == 'A' ? 'Q' : 'A');

        assertThat(tokens.isExpired(TokenPurpose.CONFIRM, confirm)).isFalse();
        assertThat(later.isExpired(TokenPurpose.CONFIRM, confirm)).isTrue();
        assertThat(later.isExpired(TokenPurpose.PREFERENCES, confirm)).as("made for another purpose").isFalse();
        assertThat(later.isExpired(TokenPurpose.CONFIRM, tampered)).isFalse();
        assertThat(later.isExpired(TokenPurpose.CONFIRM, "garbage")).isFalse();
        assertThat(later.isExpired(TokenPurpose.UNSUBSCRIBE, later.issue(TokenPurpose.UNSUBSCRIBE, subscriber(42, 1))))
                .as("a token without expiry").isFalse();
    }

    @Test
    void garbageIsRefusedWithoutAnError() {
        for (String garbage : new String[] {null, "", "x", "!!!!", "a".repeat(5000), "AAAA",
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[38])}) {
            assertThat(tokens.verify(TokenPurpose.UNSUBSCRIBE, garbage)).isEmpty();
        }
    }

    @Test
    void tokensForDifferentSubscribersDiffer() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= 1000; id++) {
            assertThat(seen.add(tokens.issue(TokenPurpose.UNSUBSCRIBE, subscriber(id, 1)))).isTrue();
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new LinkTokens("short", Clock.systemUTC())).hasMessageContaining("at least 32");
    }
}
