/**
 * The SMTP side of delivery: {@link dev.gazette.delivery.smtp.SmtpMailer} (one Angus mail session, a pool of
 * reused connections, a global rate limit), {@link dev.gazette.delivery.smtp.MessageComposer} (the MIME message,
 * header safety first) and {@link dev.gazette.delivery.smtp.DemoOutbox} (an embedded SMTP and IMAP server for
 * demos). Only the delivery packages use jakarta.mail and GreenMail.
 *
 * <h2>How an attempt is classified</h2>
 * <ul>
 * <li>SENT: 250 after the final ".".
 * <li>AMBIGUOUS: the final "." was completely written and flushed, and no reply code came back (the line dropped,
 *     was reset, or the reply timed out). The server may have queued the message, so a retry may duplicate it;
 *     the stable Message-ID lets receivers and the ledger recognise the duplicate. This is detected exactly, not
 *     guessed: the transport records the last transaction command it flushed and the reply it read for it.
 * <li>REJECTED_RECIPIENT: 5xx to RCPT TO about the address: no enhanced status code, or 5.1.x, or 5.2.1.
 *     A 5xx with another enhanced code (5.7.x policy, 5.3.x, ...) is PERMANENT, not a bad address; 552 or 5.2.2
 *     (mailbox full) is TRANSIENT, as RFC 5321 (4.5.3.1.10) asks.
 * <li>PERMANENT: any other 5xx (MAIL FROM, DATA, after the final ".").
 * <li>TRANSIENT: any 4xx; no connection (refused, unknown host, connect or greeting timeout, TLS or login failure,
 *     STARTTLS required but not offered); a timeout or dropped line before the final "." was flushed, including
 *     a reset while the message was being written. Nothing was delivered.
 * </ul>
 * A connection is kept after SENT and after a clean 4xx/5xx reply other than 421; otherwise it is closed and the
 * next message opens a new one. A pooled connection found closed by the server at MAIL FROM (end of stream, reset,
 * or 421) is reopened once within the same attempt, since the server had accepted nothing of the message.
 */
package dev.gazette.delivery.smtp;
