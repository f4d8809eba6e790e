package dev.gazette.delivery.smtp;

import dev.gazette.config.DeliveryConfig;
import dev.gazette.config.MailConfig;
import dev.gazette.delivery.Mailer;
import dev.gazette.delivery.MessageRefusedException;
import dev.gazette.delivery.OutgoingMessage;
import dev.gazette.delivery.SendResult;
import dev.gazette.delivery.SendResult.Kind;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages over SMTP: one mail session, a pool of {@code mail.connections} connections that are opened
 * when first needed and then reused for many messages, and a global rate limit of {@code delivery.rate-limit}
 * messages per second over all connections. Each {@link #send} is one attempt, classified by
 * {@link SendFailures}; a connection that broke is closed and opened again for the next message. A pooled
 * connection the server closed while idle (noticed as a dropped line or 421 on MAIL FROM, before anything of
 * the message was accepted) is reopened once within the same attempt. When the server offers 8BITMIME, messages go
 * as 8bit text rather than quoted-printable ({@link MessageComposer#compose(OutgoingMessage, boolean)}). Thread-safe.
 */
public final class SmtpMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final MailConfig mail;
    private final Session session;
    private final MessageComposer composer;
    private final RateLimiter rateLimiter;
    private final List<Slot> slots = new ArrayList<>();
    private final BlockingDeque<Slot> idle = new LinkedBlockingDeque<>();
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final AtomicLong rateLimitedNanos = new AtomicLong();
    private volatile boolean closed;
    /** Whether the server offered 8BITMIME when a connection was last opened (the first message goes encoded). */
    private volatile boolean eightBit;

    /** A mailer for the server in {@code mail}, addressing messages as {@code delivery} says. */
    public SmtpMailer(MailConfig mail, DeliveryConfig delivery) {
        this(mail, delivery, Clock.systemUTC());
    }

    /** The same, with the clock the Date header is taken from. */
    public SmtpMailer(MailConfig mail, DeliveryConfig delivery, Clock clock) {
        this.mail = mail;
        String envelopeFrom = MessageComposer.configuredAddress("delivery.from", delivery.from()).getAddress();
        this.session = SmtpSessions.create(mail, envelopeFrom);
        this.composer = new MessageComposer(session, delivery, clock);
        this.rateLimiter = rateLimiter(delivery.rateLimit());
        for (int i = 0; i < Math.max(1, mail.connections()); i++) {
            Slot slot = new Slot();
            slots.add(slot);
            idle.addLast(slot);
        }
    }

    /**
     * A limiter that lets one message through per {@code 1 / perSecond} seconds, so the rate holds over any
     * window and bursts are at most one message. Waiting for a permission blocks the sending thread.
     */
    static RateLimiter rateLimiter(double perSecond) {
        long periodNanos = Math.max(1, Math.round(1_000_000_000d / perSecond));
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(Duration.ofDays(1))
                .build();
        return RateLimiter.of("smtp", config);
    }

    /** The composer this mailer builds messages with. */
    public MessageComposer composer() {
        return composer;
    }

    @Override
    public Duration rateLimited() {
        return Duration.ofNanos(rateLimitedNanos.get());
    }

    /** How many SMTP connections were opened so far (a pooled connection is counted once until it breaks). */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    /**
     * @throws MessageRefusedException if a header value is unsafe or an address invalid; nothing is sent
     * @throws IllegalStateException if the mailer was closed
     */
    @Override
    public SendResult send(OutgoingMessage message) {
        if (closed) {
            throw new IllegalStateException("the mailer is closed");
        }
        MimeMessage mime = composer.compose(message, eightBit);
        Address[] recipients;
        try {
            recipients = mime.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException("recipients of a just-built message cannot be read", e);
        }
        long waitStarted = System.nanoTime();
        boolean permitted = rateLimiter.acquirePermission();
        rateLimitedNanos.addAndGet(System.nanoTime() - waitStarted);
        if (!permitted) {
            Thread.currentThread().interrupt();
            return new SendResult(Kind.TRANSIENT, "interrupted while waiting for the rate limit");
        }
        Slot slot;
        try {
            slot = idle.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult(Kind.TRANSIENT, "interrupted while waiting for a connection");
        }
        try {
            return sendOn(slot, mime, recipients);
        } finally {
            if (closed) {
                slot.close();
            }
            idle.addFirst(slot); // last used first: sequential sending keeps one connection busy, not all
        }
    }

    private SendResult sendOn(Slot slot, MimeMessage mime, Address[] recipients) {
        for (int round = 0; ; round++) {
            boolean reused = slot.isOpen();
            if (!reused) {
                SendResult failed = slot.open();
                if (failed != null) {
                    return failed;
                }
            }
            TrackingTransport transport = slot.transport;
            transport.beginTransaction();
            try {
                transport.sendMessage(mime, recipients);
                return new SendResult(Kind.SENT, SendFailures.oneLine(transport.replyText()));
            } catch (MessagingException e) {
                if (reused && round == 0 && SendFailures.staleConnection(e, transport)) {
                    log.debug("pooled SMTP connection was closed by the server ({}); reconnecting",
                            SendFailures.describe(e));
                    slot.close();
                    continue;
                }
                SendResult result = SendFailures.classify(e, transport);
                if (!SendFailures.keepsConnection(result, transport)) {
                    slot.close();
                }
                return result;
            } catch (RuntimeException e) {
                SendResult result = SendFailures.classify(new MessagingException(e.toString(), e), transport);
                slot.close();
                return result;
            }
        }
    }

    /** Closes every idle connection now, and each busy one when its message is done. */
    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots) {
            if (idle.remove(slot)) {
                slot.close();
                idle.addLast(slot);
            }
        }
    }

    /** One place in the pool: a transport, connected or not. Used by one thread at a time. */
    private final class Slot {
        private TrackingTransport transport;

        boolean isOpen() {
            return transport != null && transport.isOpen();
        }

        /** Opens a fresh connection; null on success, else the failure as a result. */
        SendResult open() {
            close();
            transport = new TrackingTransport(session, new URLName(SmtpSessions.ssl(mail) ? "smtps" : "smtp",
                    mail.host(), mail.port(), null, null, null), SmtpSessions.ssl(mail));
            boolean auth = mail.username() != null && !mail.username().isEmpty();
            try {
                transport.connect(mail.host(), mail.port(), auth ? mail.username() : null, auth ? mail.password() : null);
                eightBit = transport.supportsExtension("8BITMIME");
                int count = connectionsOpened.incrementAndGet();
                log.debug("opened SMTP connection {} to {}:{}", count, mail.host(), mail.port());
                return null;
            } catch (MessagingException | RuntimeException e) {
                close();
                MessagingException failure = e instanceof MessagingException m ? m : new MessagingException(e.toString(), e);
                return SendFailures.connectFailed(failure, mail.host() + ":" + mail.port());
            }
        }

        void close() {
            if (transport == null) {
                return;
            }
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("closing an SMTP connection failed: {}", e.toString());
            }
            transport = null;
        }
    }
}
