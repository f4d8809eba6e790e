package dev.gazette.testing;

import dev.gazette.testing.ScriptedSmtpServer.Fault;
import dev.gazette.testing.ScriptedSmtpServer.Outcome;
import dev.gazette.testing.ScriptedSmtpServer.Received;
import dev.gazette.testing.ScriptedSmtpServer.Stage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One connection's SMTP dialogue on a {@link ScriptedSmtpServer}, misbehaving where its script says. */
final class SmtpConversation {

    /** Thrown to end a conversation after a drop or stall. */
    private static final class Hangup extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final ScriptedSmtpServer server;
    private final Socket socket;
    private final int number;
    private final InputStream in;
    private final OutputStream out;
    private String from;
    private String mailParameters = "";
    private final List<String> recipients = new ArrayList<>();
    private Fault fault;

    SmtpConversation(ScriptedSmtpServer server, Socket socket, int number) throws IOException {
        this.server = server;
        this.socket = socket;
        this.number = number;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    void run() throws IOException {
        try {
            fault = server.takeConnectionFault();
            strike(Stage.GREETING, "220 scripted.test ESMTP ready");
            fault = null;
            for (String line; (line = readLine()) != null; ) {
                if (!command(line)) {
                    return;
                }
            }
        } catch (Hangup hangup) {
            // the script ended this connection
        }
    }

    /** Handles one command line; false after QUIT. */
    private boolean command(String line) throws IOException {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
        switch (verb) {
            case "EHLO" -> ehlo();
            case "HELO" -> reply("250 scripted.test");
            case "MAIL" -> mail(line);
            case "RCPT" -> rcpt(line);
            case "DATA" -> data();
            case "RSET" -> {
                reset();
                reply("250 2.0.0 reset");
            }
            case "NOOP" -> reply("250 2.0.0 ok");
            case "QUIT" -> {
                reply("221 2.0.0 bye");
                return false;
            }
            default -> reply("500 5.5.1 unknown command");
        }
        return true;
    }

    /** The reply to EHLO: the host, then each extension offered, on continued lines. */
    private void ehlo() throws IOException {
        List<String> extensions = server.extensions();
        if (extensions.isEmpty()) {
            reply("250 scripted.test");
            return;
        }
        StringBuilder lines = new StringBuilder("250-scripted.test");
        for (int i = 0; i < extensions.size(); i++) {
            lines.append("\r\n250").append(i == extensions.size() - 1 ? ' ' : '-').append(extensions.get(i));
        }
        reply(lines.toString());
    }

    private void mail(String line) throws IOException {
        if (from != null) {
            reply("503 5.5.1 nested MAIL command");
            return;
        }
        fault = server.takeTransactionFault();
        if (strike(Stage.MAIL, null)) {
            fault = null;
            return;
        }
        from = address(line);
        int close = line.indexOf('>');
        mailParameters = close < 0 ? "" : line.substring(close + 1).strip();
        reply("250 2.1.0 sender ok");
    }

    private void rcpt(String line) throws IOException {
        if (from == null) {
            reply("503 5.5.1 need MAIL before RCPT");
            return;
        }
        String recipient = address(line);
        if (fault == null) {
            fault = server.takeRecipientFault(recipient);
        }
        if (strike(Stage.RCPT, null)) {
            return;
        }
        recipients.add(recipient);
        reply("250 2.1.5 recipient ok");
    }

    private void data() throws IOException {
        if (recipients.isEmpty()) {
            reply("503 5.5.1 need RCPT before DATA");
            return;
        }
        if (strike(Stage.DATA, null)) {
            return;
        }
        reply("354 end data with <CR><LF>.<CR><LF>");
        if (fault != null && fault.stage() == Stage.DURING_DATA) {
            in.read(new byte[1024]);
            socket.setSoLinger(true, 0); // a reset, not an orderly close
            socket.close();
            throw new Hangup();
        }
        byte[] data = readData();
        boolean answered = fault == null || fault.stage() != Stage.END_OF_DATA || fault.action() == Fault.Action.REPLY
                || fault.action() == Fault.Action.NONE;
        Outcome outcome = !answered ? Outcome.UNANSWERED
                : fault != null && fault.stage() == Stage.END_OF_DATA && fault.action() == Fault.Action.REPLY
                        ? Outcome.REFUSED : Outcome.ACCEPTED;
        int count = server.record(new Received(number, from, List.copyOf(recipients), data, outcome, mailParameters));
        if (!strike(Stage.END_OF_DATA, null)) {
            reply("250 2.0.0 queued as " + count);
        }
        reset();
    }

    /**
     * Applies the current fault if it is for this stage: replies, drops or stalls. Returns whether it did;
     * for GREETING, sends {@code normal} when there was no fault.
     */
    private boolean strike(Stage stage, String normal) throws IOException {
        if (fault == null || fault.stage() != stage || fault.action() == Fault.Action.NONE) {
            if (normal != null) {
                reply(normal);
            }
            return false;
        }
        Fault striking = fault;
        switch (striking.action()) {
            case REPLY -> {
                reply(striking.code() + " " + striking.text());
                if (stage == Stage.MAIL || stage == Stage.DATA || stage == Stage.END_OF_DATA) {
                    reset();
                }
                if (striking.code() == 421 || (stage == Stage.GREETING && striking.code() >= 400)) {
                    throw new Hangup();
                }
            }
            case DROP -> throw new Hangup();
            case STALL -> {
                while (in.read() >= 0) {
                    // swallow whatever comes until the client gives up
                }
                throw new Hangup();
            }
            case NONE -> throw new IllegalStateException();
        }
        return true;
    }

    private void reset() {
        from = null;
        recipients.clear();
        fault = null;
    }

    private String address(String line) {
        int start = line.indexOf('<');
        int end = line.indexOf('>', start + 1);
        return start >= 0 && end > start ? line.substring(start + 1, end) : line.substring(line.indexOf(':') + 1).strip();
    }

    private void reply(String line) throws IOException {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (SocketException e) {
            throw new Hangup();
        }
    }

    /** A line without its line ending, or null at the end of the stream. */
    private String readLine() throws IOException {
        byte[] line = readRawLine();
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    private byte[] readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return Arrays.copyOf(bytes, length);
            }
            line.write(b);
        }
        return null;
    }

    private byte[] readData() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(8192);
        for (byte[] line; (line = readRawLine()) != null; ) {
            if (line.length == 1 && line[0] == '.') {
                return data.toByteArray();
            }
            int skip = line.length > 1 && line[0] == '.' ? 1 : 0;
            data.write(line, skip, line.length - skip);
            data.write('\r');
            data.write('\n');
        }
        throw new Hangup(); // the client went away in the middle of the message
    }
}
