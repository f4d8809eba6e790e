package dev.gazette.delivery.smtp;

import dev.gazette.delivery.SendResult;
import dev.gazette.delivery.SendResult.Kind;
import dev.gazette.delivery.smtp.TrackingTransport.Stage;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Turns what went wrong in one SMTP transaction into a {@link SendResult}. The rules, in order:
 * <ol>
 * <li>The final "." was flushed and no reply code was read (end of stream, reset, timeout): AMBIGUOUS; the
 *     server may have queued the message. A reply to the "." decides as any reply: 4xx TRANSIENT, 5xx PERMANENT.
 * <li>A 5xx reply to RCPT TO: REJECTED_RECIPIENT, unless an enhanced status code says it is not about the
 *     address (5.7.x policy, 5.3.x system, ... : PERMANENT), or it is 552 / 5.2.2 "mailbox full", which RFC 5321
 *     (4.5.3.1.10) says to treat as temporary: TRANSIENT. 4xx to RCPT TO: TRANSIENT.
 * <li>Any other 4xx reply: TRANSIENT; any other 5xx reply (MAIL FROM, DATA): PERMANENT.
 * <li>No reply before the final "." (cannot connect, TLS or login failure, timeout, connection dropped while
 *     writing the message): TRANSIENT. Nothing was delivered.
 * </ol>
 */
final class SendFailures {
    private static final int MAX_REPLY = 500;
    private static final Pattern ENHANCED = Pattern.compile("^\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    private SendFailures() {}

    /** The result of a transaction that failed with {@code failure}, given where {@code transport} got to. */
    static SendResult classify(MessagingException failure, TrackingTransport transport) {
        if (transport.stage() == Stage.END_OF_DATA && transport.commandSent()) {
            int code = transport.reply();
            if (code >= 400 && code <= 599) {
                return byCode(code, transport.replyText());
            }
            return new SendResult(Kind.AMBIGUOUS, "no reply after the end of data (" + describe(failure)
                    + "): the server may have accepted the message");
        }
        SMTPAddressFailedException rejected = find(failure, SMTPAddressFailedException.class);
        if (rejected != null) {
            return recipientRefused(rejected.getReturnCode(), rejected.getMessage());
        }
        int code = transport.reply();
        if (code >= 400 && code <= 599) {
            if (transport.stage() == Stage.RCPT) {
                return recipientRefused(code, transport.replyText());
            }
            return byCode(code, transport.replyText());
        }
        SMTPSendFailedException sendFailed = find(failure, SMTPSendFailedException.class);
        if (sendFailed != null && sendFailed.getReturnCode() >= 400 && sendFailed.getReturnCode() <= 599) {
            return byCode(sendFailed.getReturnCode(), sendFailed.getMessage());
        }
        Stage stage = transport.stage();
        String where = stage == Stage.NONE ? ""
                : stage == Stage.DATA && code == 354 ? " while writing the message" : " at " + stageName(stage);
        String what = transport.commandSent() && code == -1
                ? "the server closed the connection or sent no valid reply (" + oneLine(transport.replyText()) + ")"
                : describe(failure);
        return new SendResult(Kind.TRANSIENT, what + where);
    }

    /** The result of failing to open a connection at all. */
    static SendResult connectFailed(MessagingException failure, String hostAndPort) {
        return new SendResult(Kind.TRANSIENT, "cannot connect to " + hostAndPort + ": " + describe(failure));
    }

    /** Whether the failure looks like a connection the server had already closed while it sat in the pool. */
    static boolean staleConnection(MessagingException failure, TrackingTransport transport) {
        if (transport.stage() != Stage.MAIL) {
            return false;
        }
        int code = transport.reply();
        if (code == -1 || code == 421) {
            return true;
        }
        return code == TrackingTransport.NO_REPLY && find(failure, IOException.class) != null
                && find(failure, SocketTimeoutException.class) == null;
    }

    /** Whether the connection may be used again after this result: only after a clean reply other than 421. */
    static boolean keepsConnection(SendResult result, TrackingTransport transport) {
        int code = transport.reply();
        return switch (result.kind()) {
            case SENT -> true;
            case AMBIGUOUS -> false;
            default -> code >= 400 && code <= 599 && code != 421;
        };
    }

    private static SendResult recipientRefused(int code, String reply) {
        if (code >= 400 && code <= 499) {
            return new SendResult(Kind.TRANSIENT, oneLine(reply));
        }
        if (code < 500 || code > 599) {
            return new SendResult(Kind.TRANSIENT, "connection lost at RCPT TO: " + oneLine(reply));
        }
        Matcher enhanced = ENHANCED.matcher(reply == null ? "" : reply);
        if (enhanced.find() && enhanced.group(1).equals("5")) {
            int subject = Integer.parseInt(enhanced.group(2));
            int detail = Integer.parseInt(enhanced.group(3));
            if (subject == 2 && detail == 2) {
                return new SendResult(Kind.TRANSIENT, oneLine(reply));
            }
            boolean aboutAddress = subject == 1 || (subject == 2 && detail == 1);
            return new SendResult(aboutAddress ? Kind.REJECTED_RECIPIENT : Kind.PERMANENT, oneLine(reply));
        }
        return new SendResult(code == 552 ? Kind.TRANSIENT : Kind.REJECTED_RECIPIENT, oneLine(reply));
    }

    private static SendResult byCode(int code, String reply) {
        return new SendResult(code < 500 ? Kind.TRANSIENT : Kind.PERMANENT, oneLine(reply));
    }

    /** The failure in a few words: timeout, refused connection, dropped line, TLS or login trouble. */
    static String describe(Throwable failure) {
        if (find(failure, AuthenticationFailedException.class) != null) {
            return "authentication failed: " + oneLine(failure.getMessage());
        }
        SocketTimeoutException timeout = find(failure, SocketTimeoutException.class);
        if (timeout != null) {
            return "timed out (" + oneLine(timeout.getMessage()) + ")";
        }
        if (find(failure, UnknownHostException.class) != null) {
            return "unknown host (" + oneLine(find(failure, UnknownHostException.class).getMessage()) + ")";
        }
        if (find(failure, MailConnectException.class) != null || find(failure, ConnectException.class) != null) {
            Throwable cause = find(failure, ConnectException.class);
            return "connection refused or unreachable (" + oneLine((cause == null ? failure : cause).getMessage()) + ")";
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return "TLS failed (" + oneLine(tls.getMessage()) + ")";
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return "connection lost (" + io.getClass().getSimpleName() + ": " + oneLine(io.getMessage()) + ")";
        }
        return oneLine(failure.getMessage());
    }

    /** A reply or message on one line, without the trailing newline, cut to a ledger-friendly length. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_REPLY ? line : line.substring(0, MAX_REPLY - 3) + "...";
    }

    private static String stageName(Stage stage) {
        return switch (stage) {
            case MAIL -> "MAIL FROM";
            case RCPT -> "RCPT TO";
            case DATA -> "DATA";
            case END_OF_DATA -> "the end of data";
            case NONE -> "";
        };
    }

    /** The first throwable of the type in the cause chain, following MessagingException's next exceptions too. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            Throwable next = current instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException() : current.getCause();
            current = next == current ? null : next;
        }
        return null;
    }
}
