package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header-safety and address checks the SMTP side applies, usable earlier (imports, forms). */
class HeaderValuesTest {

    @Test
    void anyUnicodeOnOneLineIsSafe() {
        assertThat(HeaderValues.requireSafe("Subject", "주간 소식 — \t🎉")).isEqualTo("주간 소식 — \t🎉");
    }

    @Test
    void theRefusalNamesTheHeaderThePlaceAndShowsTheControlCharacters() {
        assertThatThrownBy(() -> HeaderValues.requireSafe("Subject", "Hello\r\nBcc: x@example.org"))
                .isInstanceOfSatisfying(MessageRefusedException.class, e -> assertThat(e.header()).isEqualTo("Subject"))
                .hasMessage("Subject contains a carriage return (CR) at character 6: \"Hello\\r\\nBcc: x@example.org\"");
        assertThatThrownBy(() -> HeaderValues.requireSafe("To", "Bob\0"))
                .hasMessage("To contains a NUL character at character 4: \"Bob\\u0000\"");
        assertThatThrownBy(() -> HeaderValues.requireSafe("To", null)).hasMessage("To is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Space", "X:Colon", "Ünicode", "X\tTab"})
    void headerNamesArePrintableAsciiWithoutColonOrSpace(String name) {
        assertThatThrownBy(() -> HeaderValues.requireFieldName(name)).isInstanceOf(MessageRefusedException.class);
    }

    @Test
    void messageIdsAreDotAtomsAroundOneAt() {
        assertThat(HeaderValues.requireMessageId("d123.weekly-2026-11-23@gazette.example.org"))
                .isEqualTo("d123.weekly-2026-11-23@gazette.example.org");
        assertThatThrownBy(() -> HeaderValues.requireMessageId("a@b@c")).isInstanceOf(MessageRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob@example.org", " bob@example.org ", "a.b+tag@sub.example.co.kr", "x@localhost"})
    void bareAsciiAddressesAreValid(String address) {
        assertThat(MailAddresses.isValid(address)).isTrue();
        assertThat(MailAddresses.requireAddress("To", address)).isEqualTo(address.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bob", "<bob@example.org>", "Bob <bob@example.org>", "bob@example.org\n",
            "list: bob@example.org;", "김@example.org", "bob@example.org, eve@example.org"})
    void anythingElseIsNot(String address) {
        assertThat(MailAddresses.isValid(address)).isFalse();
    }
}
