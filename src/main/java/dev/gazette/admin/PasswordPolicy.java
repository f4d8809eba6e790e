package dev.gazette.admin;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an admin's password must be: at least {@value #MIN_LENGTH} characters (a few random words are easy to
 * remember and long enough), not the admin's name, not a well-known password with digits or symbols added, and
 * not one character or a keyboard row over and over. No rules about character classes: length counts.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final Set<String> COMMON = Set.of("password", "passw", "pass", "qwerty", "qwertyuiop", "asdf",
            "asdfgh", "asdfghjkl", "zxcvbnm", "letmein", "welcome", "admin", "administrator", "gazette", "changeme",
            "iloveyou", "secret", "abc", "abcdef", "abcdefghijkl", "login", "root", "test", "monkey", "dragon",
            "football", "baseball", "master", "sunshine", "princess", "trustno");
    private static final String[] ROWS = {"1234567890", "qwertyuiopasdfghjklzxcvbnm", "abcdefghijklmnopqrstuvwxyz",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"};

    private PasswordPolicy() {}

    /** Why this password will not do for that admin, or empty when it will. */
    public static Optional<String> problem(String name, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("the password is empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("the password is too short (" + length + " characters): use at least " + MIN_LENGTH
                    + ", for example a few random words");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the password is longer than " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (name != null && !name.isBlank() && lower.contains(name.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("the password must not contain the admin's name");
        }
        if (password.codePoints().distinct().count() < 5) {
            return Optional.of("the password repeats too few different characters: use at least 5 different ones");
        }
        String letters = lower.replaceAll("[^\\p{L}]", "");
        if (letters.isEmpty() || COMMON.contains(letters)) {
            return Optional.of("the password is a well-known one, or one with digits or symbols added: choose another");
        }
        for (String row : ROWS) {
            if (isWithinRow(lower, row)) {
                return Optional.of("the password is a run of keys or letters in a row: choose another");
            }
        }
        return Optional.empty();
    }

    /** Whether the text is nothing but a piece of the row (forwards or backwards), repeated. */
    private static boolean isWithinRow(String text, String row) {
        String reversed = new StringBuilder(row).reverse().toString();
        String cycle = row + row;
        String reversedCycle = reversed + reversed;
        for (int size = 3; size <= row.length(); size++) {
            String head = text.substring(0, Math.min(size, text.length()));
            if ((cycle.contains(head) || reversedCycle.contains(head)) && repeats(text, head)) {
                return true;
            }
        }
        return cycle.contains(text) || reversedCycle.contains(text);
    }

    private static boolean repeats(String text, String unit) {
        for (int i = 0; i < text.length(); i += unit.length()) {
            String part = text.substring(i, Math.min(text.length(), i + unit.length()));
            if (!unit.startsWith(part)) {
                return false;
            }
        }
        return true;
    }
}
