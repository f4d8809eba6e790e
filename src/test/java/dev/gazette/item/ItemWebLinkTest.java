package dev.gazette.item;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which item links may become links in emails and pages. */
class ItemWebLinkTest {
    @Test
    void onlyAbsoluteHttpLinksAreLinks() {
        assertThat(Item.webLink(" https://example.org/a?b=c ")).isEqualTo("https://example.org/a?b=c");
        assertThat(Item.webLink("HTTP://example.org/")).isEqualTo("HTTP://example.org/");
        assertThat(Item.webLink("javascript:alert(1)")).isNull();
        assertThat(Item.webLink("JaVaScRiPt:alert(1)")).isNull();
        assertThat(Item.webLink("java\tscript:alert(1)")).isNull();
        assertThat(Item.webLink("data:text/html,<script>")).isNull();
        assertThat(Item.webLink("/relative/path")).isNull();
        assertThat(Item.webLink("//example.org/protocol-relative")).isNull();
        assertThat(Item.webLink("https://example.org/a b")).isNull();
        assertThat(Item.webLink(null)).isNull();
    }
}
