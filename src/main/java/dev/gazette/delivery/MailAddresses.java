package dev.gazette.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Strict checks for email addresses as Gazette sends to them: one bare ASCII address ({@code local@domain}),
 * no display name, no group, no comments, no line breaks. Non-ASCII addresses are refused because Gazette
 * does not ask the server for SMTPUTF8.
 */
public final class MailAddresses {
    private MailAddresses() {}

    /** Whether the text is one bare address Gazette can send to. */
    public static boolean isValid(String address) {
        try {
            requireAddress("address", address);
            return true;
        } catch (MessageRefusedException e) {
            return false;
        }
    }

    /**
     * The address, stripped of surrounding spaces, if it is one bare deliverable address.
     *
     * @param where the header or setting the address is for, named in the error
     * @throws MessageRefusedException naming {@code where} otherwise
     */
    public static String requireAddress(String where, String address) {
        HeaderValues.requireSafe(where, address);
        String bare = address.strip();
        if (bare.isEmpty()) {
            throw new MessageRefusedException(where, where + " address is empty");
        }
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new MessageRefusedException(where, where + " address " + HeaderValues.visible(bare)
                        + " holds a space, control or non-ASCII character at character " + (i + 1));
            }
        }
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(bare, true);
            parsed.validate();
        } catch (AddressException e) {
            throw new MessageRefusedException(where, where + " address " + HeaderValues.visible(bare)
                    + " is not valid: " + e.getMessage());
        }
        if (parsed.isGroup() || parsed.getPersonal() != null || !bare.equals(parsed.getAddress())
                || bare.indexOf('@') <= 0 || bare.endsWith("@")) {
            throw new MessageRefusedException(where, where + " address " + HeaderValues.visible(bare)
                    + " must be a bare address like name@example.org");
        }
        return bare;
    }
}
