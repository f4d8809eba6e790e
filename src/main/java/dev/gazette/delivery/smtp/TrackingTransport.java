package dev.gazette.delivery.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, watched: it remembers the last command of the mail transaction it sent (MAIL, RCPT,
 * DATA or the final ".") and the reply code it read for it, so that a failure can be placed exactly. In
 * particular it tells "the final '.' was flushed to the server and no reply was read" (ambiguous: the server
 * may have accepted the message) from "the line broke while the message was still being written" (not
 * delivered). It hooks the protected {@code sendCommand(String)} and {@code readServerResponse()} that every
 * command of a transaction goes through, and its own connected flag via {@code setConnected}.
 */
final class TrackingTransport extends SMTPTransport {
    /** No reply was read for the command (the read failed or has not happened). */
    static final int NO_REPLY = -2;

    /** Where a transaction got to. */
    enum Stage { NONE, MAIL, RCPT, DATA, END_OF_DATA }

    private Stage stage = Stage.NONE;
    private boolean commandSent;
    private boolean awaitingReply;
    private int reply = NO_REPLY;
    private String replyText = "";
    private volatile boolean open;

    TrackingTransport(Session session, URLName url, boolean ssl) {
        super(session, url, ssl ? "smtps" : "smtp", ssl);
    }

    /** Forget the last transaction; called before each message. */
    synchronized void beginTransaction() {
        stage = Stage.NONE;
        commandSent = false;
        awaitingReply = false;
        reply = NO_REPLY;
        replyText = "";
    }

    /** The last transaction command sent (or being sent). */
    synchronized Stage stage() {
        return stage;
    }

    /** Whether that command was completely written and flushed. */
    synchronized boolean commandSent() {
        return commandSent;
    }

    /** The reply code read for that command: {@link #NO_REPLY}, -1 for end of stream or garbage, else the code. */
    synchronized int reply() {
        return reply;
    }

    /** The reply text read for that command (may span lines). */
    synchronized String replyText() {
        return replyText;
    }

    /** Whether the connection is open as far as this client knows, without asking the server (no NOOP). */
    boolean isOpen() {
        return open;
    }

    @Override
    protected synchronized void setConnected(boolean connected) {
        super.setConnected(connected);
        open = connected;
    }

    @Override
    protected synchronized void sendCommand(String command) throws MessagingException {
        Stage commandStage = stageOf(command);
        if (commandStage == Stage.NONE) {
            awaitingReply = false; // RSET, NOOP, QUIT, EHLO, AUTH...: their replies are not the transaction's
            super.sendCommand(command);
            return;
        }
        stage = commandStage;
        commandSent = false;
        awaitingReply = false;
        reply = NO_REPLY;
        replyText = "";
        super.sendCommand(command);
        commandSent = true;
        awaitingReply = true;
    }

    @Override
    protected synchronized int readServerResponse() throws MessagingException {
        boolean forTransaction = awaitingReply;
        awaitingReply = false;
        int code = super.readServerResponse();
        if (forTransaction) {
            reply = code;
            replyText = getLastServerResponse();
        }
        return code;
    }

    private static Stage stageOf(String command) {
        if (command.equals(".")) {
            return Stage.END_OF_DATA;
        }
        String upper = command.length() > 9 ? command.substring(0, 9).toUpperCase(java.util.Locale.ROOT)
                : command.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("MAIL FROM")) {
            return Stage.MAIL;
        }
        if (upper.startsWith("RCPT TO")) {
            return Stage.RCPT;
        }
        if (upper.equals("DATA")) {
            return Stage.DATA;
        }
        return Stage.NONE;
    }
}
