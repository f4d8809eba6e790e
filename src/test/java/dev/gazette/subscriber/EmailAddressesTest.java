package dev.gazette.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "kim@example.org", "Jisoo.Kim@Example.ORG", "first.last+digest@mail.example.co.kr", "o'brien@example.ie",
        "x@a-b.example", "=sum@example.org", "user_name-1@xn--3e0b707e.kr", "a@b.io"})
    void acceptsPlainAddresses(String address) {
        assertThat(EmailAddresses.problem(address)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not-an-address               | has no @",
        "a@b@example.org              | has more than one @",
        "Kim <kim@example.org>        | angle brackets",
        "<kim@example.org>            | angle brackets",
        "kim @example.org             | contains a space",
        "kim@example                  | has no dot",
        "kim@example.org.             | ends with a dot",
        "kim@.example.org             | empty label",
        "kim@-example.org             | starts or ends with a hyphen",
        "kim@exa_mple.org             | '_' is not allowed in the domain",
        ".kim@example.org             | starts or ends with a dot",
        "ki..m@example.org            | two dots in a row",
        "\"kim\"@example.org          | quoted local parts",
        "kim(comment)@example.org     | '(' is not allowed before the @",
        "@example.org                 | nothing before the @",
        "kim@                         | nothing after the @",
        "kim@[192.0.2.1]              | address literals",
        "kim@192.0.2.1                | ends in a number",
        "김지수@example.org            | non-ASCII",
        "kim@例え.jp                   | non-ASCII",
    })
    void refusesWithAReason(String address, String reason) {
        assertThat(EmailAddresses.problem(address)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    @Test
    void refusesControlCharactersAndOverlongAddresses() {
        assertThat(EmailAddresses.problem("kim@example.org\r\nBcc: all@example.org")).contains("contains a line break");
        assertThat(EmailAddresses.problem("kim\0@example.org")).contains("contains a NUL character");
        assertThat(EmailAddresses.problem("kim\t@example.org")).contains("contains a control character");
        assertThat(EmailAddresses.problem("")).contains("the address is empty");
        assertThat(EmailAddresses.problem("k".repeat(65) + "@example.org")).get().asString().contains("longer than 64");
        String longDomain = ("a".repeat(60) + ".").repeat(4) + "example.org";
        assertThat(EmailAddresses.problem("kim@" + longDomain)).get().asString().contains("longer than 254");
        assertThat(EmailAddresses.problem("kim@" + "a".repeat(64) + ".org")).get().asString().contains("longer than 63");
    }

    @Test
    void comparesIgnoringCaseWhateverTheJvmLocale() {
        assertThat(EmailAddresses.key("TITLE.INFO@Example.ORG")).isEqualTo("title.info@example.org");
    }
}
