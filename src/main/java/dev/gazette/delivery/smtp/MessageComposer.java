package dev.gazette.delivery.smtp;

import dev.gazette.GazetteException;
import dev.gazette.config.DeliveryConfig;
import dev.gazette.delivery.HeaderValues;
import dev.gazette.delivery.MailAddresses;
import dev.gazette.delivery.MessageRefusedException;
import dev.gazette.delivery.OutgoingMessage;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the MIME message for an {@link OutgoingMessage}: multipart/alternative with a UTF-8 text/plain part
 * then a UTF-8 text/html part (Angus picks 7bit, quoted-printable or base64 per part), From and Reply-To from
 * the delivery settings, To with the subscriber's name and the Subject RFC 2047-encoded, the given stable
 * Message-ID, Date, and the extra headers verbatim. Every header value is checked first: a CR, LF or NUL, an
 * invalid address, a malformed Message-ID, a non-ASCII or over-long extra header, or an extra header that
 * would replace one this class writes, refuses the message with a {@link MessageRefusedException}.
 */
public final class MessageComposer {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    /** Headers written here or by the MIME layer; an extra header may not replace or repeat them. */
    private static final Set<String> RESERVED = Set.of("from", "sender", "to", "cc", "bcc", "reply-to", "subject",
            "message-id", "date", "mime-version", "content-type", "content-transfer-encoding", "return-path");

    private final Session session;
    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final Clock clock;

    /**
     * @param session the mail session the messages are built for (its MIME settings apply)
     * @param delivery {@code from} (with an optional display name) and {@code replyTo} (empty for none)
     * @param clock the source of the Date header
     * @throws GazetteException naming {@code delivery.from} or {@code delivery.reply-to} if either is not valid
     */
    public MessageComposer(Session session, DeliveryConfig delivery, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.from = configuredAddress("delivery.from", delivery.from());
        this.replyTo = delivery.replyTo() == null || delivery.replyTo().isBlank() ? null
                : configuredAddress("delivery.reply-to", delivery.replyTo());
    }

    /** The From address (bare), which is also the envelope sender. */
    public String fromAddress() {
        return from.getAddress();
    }

    /**
     * The message, its changes saved ({@code saveChanges()} done), ready for {@code Transport.sendMessage}.
     *
     * @throws MessageRefusedException if a header value is unsafe or invalid; nothing is built
     */
    public MimeMessage compose(OutgoingMessage message) {
        return compose(message, false);
    }

    /**
     * The same; with {@code eightBit} (the server offers 8BITMIME), each part whose lines all fit in 998 octets is
     * sent as it is, {@code Content-Transfer-Encoding: 8bit}, and the MAIL command says {@code BODY=8BITMIME}:
     * nothing to encode, and nothing for the MIME layer to scan to choose an encoding.
     */
    public MimeMessage compose(OutgoingMessage message, boolean eightBit) {
        try {
            return build(message, eightBit);
        } catch (MessageRefusedException e) {
            throw e.about(message.messageId(), message.toAddress());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new GazetteException("could not build message <" + message.messageId() + "> to "
                    + message.toAddress() + ": " + e.getMessage(), e);
        }
    }

    private MimeMessage build(OutgoingMessage message, boolean eightBit) throws MessagingException, UnsupportedEncodingException {
        String id = HeaderValues.requireMessageId(message.messageId());
        String toAddress = MailAddresses.requireAddress("To", message.toAddress());
        String toName = HeaderValues.requireSafe("To", message.toName());
        String subject = HeaderValues.requireSafe("Subject", message.subject());
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            String name = HeaderValues.requireFieldName(header.getKey());
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new MessageRefusedException(name, name + " is written by Gazette itself and cannot be an extra header");
            }
            HeaderValues.requireAsciiLine(name, header.getValue());
        }

        StableIdMessage mime = new StableIdMessage(session, id);
        mime.setFrom(from);
        InternetAddress to = new InternetAddress();
        to.setAddress(toAddress);
        if (!toName.isBlank()) {
            to.setPersonal(toName, UTF_8);
        }
        mime.setRecipient(Message.RecipientType.TO, to);
        if (replyTo != null) {
            mime.setReplyTo(new Address[] {replyTo});
        }
        mime.setSubject(subject, UTF_8);
        mime.setSentDate(Date.from(clock.instant()));
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.addHeader(header.getKey(), header.getValue());
        }

        boolean textAsIs = eightBit && fitsEightBit(message.text());
        boolean htmlAsIs = eightBit && fitsEightBit(message.html());
        MimeBodyPart text = textAsIs ? eightBitPart(message.text(), "plain") : encodedPart(message.text(), "plain");
        MimeBodyPart html = htmlAsIs ? eightBitPart(message.html(), "html") : encodedPart(message.html(), "html");
        if (textAsIs || htmlAsIs) {
            mime.setMailExtension("BODY=8BITMIME");
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    /** A text part the MIME layer encodes as it chooses (7bit, quoted-printable or base64). */
    private static MimeBodyPart encodedPart(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    /**
     * A text part sent as it is: its UTF-8 bytes with CRLF line ends, given to the MIME layer already in their
     * transfer encoding, so writing the message copies them rather than encoding the text again for every message.
     */
    private static MimeBodyPart eightBitPart(String content, String subtype) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
        headers.setHeader("Content-Transfer-Encoding", "8bit");
        return new MimeBodyPart(headers, withCrlf(content).getBytes(StandardCharsets.UTF_8));
    }

    /** Every LF preceded by a CR (the text has no bare CR: {@link #fitsEightBit}). */
    private static String withCrlf(String text) {
        StringBuilder out = null;
        int from = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (i > 0 && text.charAt(i - 1) == '\r') {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + text.length() / 16);
            }
            out.append(text, from, i).append("\r\n");
            from = i + 1;
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    /**
     * Whether a text can go as 8bit (RFC 6152): no NUL or bare CR, and no line longer than 998 octets in UTF-8. A
     * char is at most 3 octets (a surrogate pair, 4 for two chars), so only lines over 332 chars are measured.
     */
    static boolean fitsEightBit(String text) {
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == 0 || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                return false;
            }
            if (c == '\n') {
                int end = i > lineStart && text.charAt(i - 1) == '\r' ? i - 1 : i;
                if (end - lineStart > 332
                        && text.substring(lineStart, end).getBytes(StandardCharsets.UTF_8).length > 998) {
                    return false;
                }
                lineStart = i + 1;
            }
        }
        return true;
    }

    /** An address from the configuration, with an optional display name; the error names the key. */
    static InternetAddress configuredAddress(String key, String value) {
        try {
            HeaderValues.requireSafe(key, value);
            InternetAddress parsed = new InternetAddress(value.strip(), true);
            String address = MailAddresses.requireAddress(key, parsed.getAddress());
            String name = parsed.getPersonal();
            return name == null || name.isBlank() ? new InternetAddress(address, null, UTF_8)
                    : new InternetAddress(address, name, UTF_8);
        } catch (MessageRefusedException e) {
            throw new GazetteException(key + ": " + e.getMessage());
        } catch (AddressException e) {
            throw new GazetteException(key + ": '" + value + "' is not an address like 'Name <name@example.org>': "
                    + e.getMessage());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
