package dev.gazette.delivery.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gazette.GazetteException;
import dev.gazette.config.MailConfig;
import dev.gazette.config.MailSecurity;
import dev.gazette.config.OutboxConfig;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The demo outbox: an embedded mail server (GreenMail) on the loopback interface that receives every message
 * for any recipient over SMTP and keeps it in memory, readable over IMAP with any user name and password
 * (log in as a recipient's address to see that recipient's mail) and through {@link #messages()}. Used when
 * {@code mail.host} is empty, so a demo sends real SMTP without mail leaving the machine.
 */
public final class DemoOutbox implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final GreenMail server;

    private DemoOutbox(GreenMail server) {
        this.server = server;
    }

    /**
     * Starts SMTP and IMAP on the configured ports (0 picks a free port; see {@link #smtpPort()}, {@link #imapPort()}).
     *
     * @throws GazetteException naming the ports if the servers cannot start (for example, a port in use)
     */
    public static DemoOutbox start(OutboxConfig config) {
        ServerSetup smtp = new ServerSetup(config.smtpPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(config.imapPort(), LOOPBACK, ServerSetup.PROTOCOL_IMAP);
        GreenMail server = new GreenMail(new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            server.start();
        } catch (RuntimeException e) {
            server.stop();
            throw new GazetteException("cannot start the demo outbox on " + LOOPBACK + " (mail.outbox.smtp-port "
                    + config.smtpPort() + ", mail.outbox.imap-port " + config.imapPort() + "): " + e.getMessage(), e);
        }
        return new DemoOutbox(server);
    }

    /** The bound SMTP port. */
    public int smtpPort() {
        return server.getSmtp().getPort();
    }

    /** The bound IMAP port. */
    public int imapPort() {
        return server.getImap().getPort();
    }

    /** The host both servers listen on. */
    public String host() {
        return LOOPBACK;
    }

    /**
     * Mail settings that send to this outbox: its host and SMTP port, no TLS, no login; timeouts and the number
     * of connections are taken from {@code base}.
     */
    public MailConfig mailConfig(MailConfig base) {
        return new MailConfig(LOOPBACK, smtpPort(), MailSecurity.NONE, "", "", base.connectTimeout(), base.timeout(),
                base.connections(), base.outbox());
    }

    /** How many messages the outbox holds (one per recipient). */
    public int receivedCount() {
        return server.getReceivedMessages().length;
    }

    /** Every message the outbox holds, oldest first. */
    public List<OutboxMessage> messages() {
        ImapHostManager mailboxes = server.getManagers().getImapHostManager();
        List<OutboxMessage> messages = new ArrayList<>();
        try {
            for (GreenMailUser user : server.getUserManager().listUser()) {
                for (StoredMessage stored : mailboxes.getInbox(user).getMessages()) {
                    messages.add(toOutboxMessage(user.getEmail(), stored));
                }
            }
        } catch (FolderException | MessagingException | IOException e) {
            throw new GazetteException("cannot read the demo outbox: " + e.getMessage(), e);
        }
        messages.sort(Comparator.comparing(OutboxMessage::receivedAt));
        return messages;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static OutboxMessage toOutboxMessage(String to, StoredMessage stored) throws MessagingException, IOException {
        MimeMessage mime = stored.getMimeMessage();
        ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
        mime.writeTo(raw);
        String id = mime.getMessageID() == null ? "" : mime.getMessageID().strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        Parts parts = new Parts();
        parts.collect(mime);
        return new OutboxMessage(id, to, mime.getSubject() == null ? "" : mime.getSubject(),
                stored.getReceivedDate().toInstant(), parts.text, parts.html, raw.toByteArray());
    }

    /** The first text/plain and text/html parts of a message. */
    private static final class Parts {
        private String text = "";
        private String html = "";

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = String.valueOf(part.getContent());
            }
        }
    }

    @Override
    public String toString() {
        return "DemoOutbox[smtp " + LOOPBACK + ":" + smtpPort() + ", imap " + LOOPBACK + ":" + imapPort() + "]";
    }
}
