package dev.gazette.subscriber;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for a subscriber's address: a bare, ASCII {@code local@domain} in the practical subset of
 * RFC 5321 that every mail server accepts. In full:
 * <ul>
 *   <li>at most 254 characters; no spaces, control characters (CR, LF, NUL, tab) or non-ASCII
 *       characters (an international domain is written in its {@code xn--} form);</li>
 *   <li>exactly one {@code @}; no display name or angle brackets ({@code Kim <kim@example.org>});</li>
 *   <li>the local part: 1 to 64 of the characters {@code A-Z a-z 0-9 ! # $ % & ' * + / = ? ^ _ ` { | } ~ -}
 *       and dots, neither first nor last nor two in a row (quoted local parts are refused);</li>
 *   <li>the domain: at least two labels separated by dots; each label 1 to 63 letters, digits or
 *       hyphens, not starting or ending with a hyphen; the last label not all digits (no address
 *       literals such as {@code [192.0.2.1]}, no trailing dot).</li>
 * </ul>
 * Addresses are compared case-insensitively (by {@link #key}) and stored as given.
 */
public final class EmailAddresses {
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    private EmailAddresses() {}

    /** The form addresses are compared and kept unique by: lower-cased, independent of the JVM's locale. */
    public static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    /** Why the address breaks the rule above, or empty when it is fine. */
    public static Optional<String> problem(String address) {
        return Optional.ofNullable(check(address));
    }

    public static boolean isValid(String address) {
        return check(address) == null;
    }

    private static String check(String address) {
        if (address == null || address.isEmpty()) {
            return "the address is empty";
        }
        if (address.indexOf('<') >= 0 || address.indexOf('>') >= 0) {
            return "contains angle brackets: give the bare address, without a display name";
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '\r' || c == '\n') {
                return "contains a line break";
            }
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "contains a space";
            }
            if (c > 0x7E) {
                return "contains a non-ASCII character (write an international domain in its xn-- form)";
            }
        }
        if (address.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        int at = address.indexOf('@');
        if (at < 0) {
            return "has no @";
        }
        if (address.indexOf('@', at + 1) >= 0) {
            return "has more than one @";
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        String localProblem = checkLocal(local);
        return localProblem != null ? localProblem : checkDomain(domain);
    }

    private static String checkLocal(String local) {
        if (local.isEmpty()) {
            return "nothing before the @";
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            return "the part before the @ is longer than " + MAX_LOCAL_LENGTH + " characters";
        }
        if (local.startsWith("\"")) {
            return "quoted local parts are not accepted";
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "the part before the @ starts or ends with a dot, or has two dots in a row";
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && LOCAL_SPECIALS.indexOf(c) < 0) {
                return "'" + c + "' is not allowed before the @";
            }
        }
        return null;
    }

    private static String checkDomain(String domain) {
        if (domain.isEmpty()) {
            return "nothing after the @";
        }
        if (domain.startsWith("[")) {
            return "address literals ([...]) are not accepted: give a domain name";
        }
        if (domain.endsWith(".")) {
            return "the domain ends with a dot";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "the domain '" + domain + "' has no dot (expected a name such as example.org)";
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return "the domain has an empty label (two dots in a row, or a leading dot)";
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                return "a domain label is longer than " + MAX_LABEL_LENGTH + " characters";
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return "the domain label '" + label + "' starts or ends with a hyphen";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!isAsciiLetterOrDigit(c) && c != '-') {
                    return "'" + c + "' is not allowed in the domain";
                }
            }
        }
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "the domain ends in a number: give a domain name, not an IP address";
        }
        return null;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
