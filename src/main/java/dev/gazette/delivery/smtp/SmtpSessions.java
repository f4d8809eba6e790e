package dev.gazette.delivery.smtp;

import dev.gazette.config.MailConfig;
import dev.gazette.config.MailSecurity;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;

/**
 * The one jakarta.mail {@link Session} of a mailer: timeouts always set (they default to infinite), STARTTLS
 * required when asked for, SMTPS for TLS, server identity checked, login when a user name is set, the
 * envelope sender fixed to the From address, and Nagle's algorithm off ({@link NoDelaySockets}).
 */
final class SmtpSessions {
    /**
     * Jakarta Mail 2.1 looks its StreamProvider up for every body part it builds and writes (jakartaee/mail-api
     * #699, #861); without this property each lookup scans the class path with a ServiceLoader, which took a third of
     * a send's allocations. Naming Angus's own provider makes the lookup a loaded class. An operator's own setting wins.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private SmtpSessions() {}

    /** Whether connections start with TLS (SMTPS) rather than plain text. */
    static boolean ssl(MailConfig mail) {
        return mail.security() == MailSecurity.TLS;
    }

    static Session create(MailConfig mail, String envelopeFrom) {
        Properties properties = new Properties();
        boolean auth = mail.username() != null && !mail.username().isEmpty();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            String prefix = "mail." + protocol + ".";
            properties.setProperty(prefix + "host", mail.host());
            properties.setProperty(prefix + "port", Integer.toString(mail.port()));
            properties.setProperty(prefix + "connectiontimeout", millis(mail.connectTimeout()));
            properties.setProperty(prefix + "timeout", millis(mail.timeout()));
            properties.setProperty(prefix + "writetimeout", millis(mail.timeout()));
            properties.setProperty(prefix + "from", envelopeFrom);
            properties.setProperty(prefix + "auth", Boolean.toString(auth));
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            // QUIT is sent on close, but its reply is not waited for: a dead server cannot stall a close
            properties.setProperty(prefix + "quitwait", "false");
        }
        // TCP_NODELAY: without it each message waits ~40 ms for a delayed acknowledgement (bench/README.md)
        properties.put("mail.smtp.socketFactory", NoDelaySockets.plain());
        properties.put("mail.smtps.ssl.socketFactory", NoDelaySockets.tls());
        if (mail.security() == MailSecurity.STARTTLS) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(properties);
    }

    private static String millis(Duration duration) {
        long millis = Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
        return Long.toString(millis);
    }
}
