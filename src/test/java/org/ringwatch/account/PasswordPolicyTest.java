package org.ringwatch.account;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void shouldRefuseFewerThanTenCharacters() {
        assertThat(PasswordPolicy.problem("nine char", "a@b.org").orElseThrow(), containsString("at least 10"));
        assertTrue(PasswordPolicy.problem("ten chars!", "a@b.org").isEmpty());
    }

    @Test
    void shouldCountCharactersNotBytesForTheMinimum() {
        assertTrue(PasswordPolicy.problem("ñññññññññü", "a@b.org").isEmpty(), "10 characters, 20 bytes");
    }

    @Test
    void shouldRefuseMoreThan72BytesBecauseBcryptIgnoresTheRest() {
        assertTrue(PasswordPolicy.problem("a".repeat(72), "a@b.org").isEmpty());
        assertThat(PasswordPolicy.problem("a".repeat(73), "a@b.org").orElseThrow(), containsString("at most 72 bytes"));
        assertThat(PasswordPolicy.problem("é".repeat(37), "a@b.org").orElseThrow(), containsString("at most 72 bytes"));
    }

    @Test
    void shouldRefuseCommonPasswordsWhateverTheCase() {
        assertThat(PasswordPolicy.problem("password1234", "a@b.org").orElseThrow(), containsString("most common"));
        assertThat(PasswordPolicy.problem("QWERTYUIOP", "a@b.org").orElseThrow(), containsString("most common"));
        assertThat(PasswordPolicy.problem("1234567890", "a@b.org").orElseThrow(), containsString("most common"));
    }

    @Test
    void shouldRefuseTheEmailAddressItself() {
        assertThat(PasswordPolicy.problem("volunteer@example.org", "volunteer@example.org").orElseThrow(),
                containsString("e-mail"));
        assertThat(PasswordPolicy.problem("longvolunteer", "longvolunteer@example.org").orElseThrow(),
                containsString("e-mail"));
    }
}
