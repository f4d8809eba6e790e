package dev.gazette.delivery;

import dev.gazette.GazetteException;
import dev.gazette.config.GazetteConfig;
import dev.gazette.config.MailConfig;
import dev.gazette.config.MailSecurity;
import dev.gazette.delivery.smtp.DemoOutbox;
import dev.gazette.delivery.smtp.SmtpMailer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Where mail goes: the configured SMTP server, or, when {@code mail.host} is empty, the demo outbox. The
 * outbox is an embedded mail server that lives inside {@code gazette serve}; other commands (such as
 * {@code gazette send}) hand their mail to the outbox of the running {@code serve}.
 */
public final class MailRoute implements AutoCloseable {
    private final GazetteConfig config;
    private volatile DemoOutbox outbox;

    public MailRoute(GazetteConfig config) {
        this.config = config;
    }

    /** Start the demo outbox in this process, if mail is not configured; for {@code serve}. */
    public synchronized Optional<DemoOutbox> startOutbox() {
        if (config.mail().demoOutbox() && outbox == null) {
            outbox = DemoOutbox.start(config.mail().outbox());
        }
        return Optional.ofNullable(outbox);
    }

    /** The outbox running in this process, if any. */
    public Optional<DemoOutbox> outbox() {
        return Optional.ofNullable(outbox);
    }

    /** Whether mail goes to the demo outbox rather than a real SMTP server. */
    public boolean isDemo() {
        return config.mail().demoOutbox();
    }

    /** One line for people: where mail goes and, for the outbox, how to read it. */
    public String describe() {
        MailConfig mail = config.mail();
        if (!mail.demoOutbox()) {
            return "Mail: SMTP " + mail.host() + ":" + mail.port() + " (" + mail.security().name().toLowerCase() + ")";
        }
        int smtp = outbox != null ? outbox.smtpPort() : mail.outbox().smtpPort();
        int imap = outbox != null ? outbox.imapPort() : mail.outbox().imapPort();
        return "Mail: demo outbox, nothing leaves this machine. Read it over IMAP at 127.0.0.1:" + imap
                + " with any user name and password (SMTP on port " + smtp + "); set mail.host to send for real.";
    }

    /**
     * A mailer for one send run: a pool of SMTP connections to the configured server, or to the demo outbox.
     *
     * @throws GazetteException when mail goes to the demo outbox and no {@code gazette serve} runs one
     */
    public Mailer open() {
        return new SmtpMailer(effective(), config.delivery());
    }

    private MailConfig effective() {
        MailConfig mail = config.mail();
        if (!mail.demoOutbox()) {
            return mail;
        }
        DemoOutbox running = outbox;
        if (running != null) {
            return running.mailConfig(mail);
        }
        int port = mail.outbox().smtpPort();
        if (port == 0 || !listening(port)) {
            throw new GazetteException("mail.host is empty, so mail goes to the demo outbox, which runs inside "
                    + "'gazette serve', and none is running on port " + port + ". Start 'gazette serve' first, "
                    + "or set mail.host to send through a real SMTP server.");
        }
        return new MailConfig("127.0.0.1", port, MailSecurity.NONE, "", "", mail.connectTimeout(), mail.timeout(),
                mail.connections(), mail.outbox());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (outbox != null) {
            outbox.close();
            outbox = null;
        }
    }
}
