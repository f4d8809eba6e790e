package dev.gazette.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanonicalLinksTest {

    @Test
    void dropsTrackingParametersFragmentsAndDefaultPorts() {
        assertThat(CanonicalLinks.of("HTTPS://News.Example.org:443/a/b?utm_source=x&id=7&fbclid=1&UTM_Campaign=y#c"))
                .isEqualTo("https://news.example.org/a/b?id=7");
        assertThat(CanonicalLinks.of("http://example.org")).isEqualTo("http://example.org/");
        assertThat(CanonicalLinks.of("http://example.org:8080/x?b=2&a=1")).isEqualTo("http://example.org:8080/x?a=1&b=2");
    }

    @Test
    void onlyAbsoluteWebLinksHaveACanonicalForm() {
        assertThat(CanonicalLinks.of("/relative/path")).isNull();
        assertThat(CanonicalLinks.of("javascript:alert(1)")).isNull();
        assertThat(CanonicalLinks.of("not a link at all")).isNull();
        assertThat(CanonicalLinks.of(null)).isNull();
    }

    @Test
    void eventsOnTheSameLinkButDifferentDaysHaveDifferentKeys() {
        String link = "https://events.example.org/journal-club?utm_medium=email";
        assertThat(CanonicalLinks.key(link, Instant.parse("2026-12-01T17:00:00Z")))
                .isNotEqualTo(CanonicalLinks.key(link, Instant.parse("2026-12-08T17:00:00Z")))
                .isEqualTo(CanonicalLinks.key("https://events.example.org/journal-club", Instant.parse("2026-12-01T17:00:00Z")));
    }
}
