package dev.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "Tr0ub4dor&3xyz", "빨간 사과 세 개와 파란 하늘", "gJ8-pq2ZxLm0"})
    void longAndVariedPasswordsPass(String password) {
        assertThat(PasswordPolicy.problem("alice", password)).isEmpty();
    }

    @Test
    void eachWeaknessHasItsOwnMessage() {
        assertThat(PasswordPolicy.problem("alice", "")).contains("the password is empty");
        assertThat(PasswordPolicy.problem("alice", "short1!")).contains(
                "the password is too short (7 characters): use at least 12, for example a few random words");
        assertThat(PasswordPolicy.problem("alice", "x".repeat(257))).contains("the password is longer than 256 characters");
        assertThat(PasswordPolicy.problem("alice", "my name is ALICE, ok?")).contains("the password must not contain the admin's name");
        assertThat(PasswordPolicy.problem("alice", "aaaabbbbaaaabbbb")).get().asString().contains("too few different characters");
        assertThat(PasswordPolicy.problem("alice", "Password1234!")).get().asString().contains("well-known");
        assertThat(PasswordPolicy.problem("alice", "123456789012")).get().asString().contains("well-known");
        assertThat(PasswordPolicy.problem("alice", "qwertyuiopasdf")).get().asString().contains("in a row");
        assertThat(PasswordPolicy.problem("alice", "abcdefghijklmnop")).get().asString().contains("in a row");
        assertThat(PasswordPolicy.problem("alice", "zyxwvutsrqponm")).get().asString().contains("in a row");
    }
}
