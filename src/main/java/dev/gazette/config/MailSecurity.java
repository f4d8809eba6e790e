package dev.gazette.config;

/** How the SMTP connection is protected. */
public enum MailSecurity {
    /** Plain text; only for a relay on the same host or a test server. */
    NONE,
    /** Upgrade with STARTTLS, and refuse to send if the server does not offer it (usually port 587). */
    STARTTLS,
    /** TLS from the first byte (usually port 465). */
    TLS
}
