package dev.gazette.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on the loopback interface for tests, speaking just enough SMTP (EHLO, HELO, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT) and scriptable to misbehave where GreenMail cannot: answer 4xx or 5xx at any
 * stage, drop the connection (before the data, in the middle of it, or after the final "." without a reply),
 * or stall so the client times out.
 *
 * <p>Faults are queued. {@link #failNext} queues faults for the next connections (stage GREETING) and the next
 * transactions (taken at MAIL FROM, in arrival order); {@link #failFor} queues faults for the next transactions
 * to one recipient (taken at its RCPT TO; {@link Fault#none()} lets one through). Everything else succeeds.
 * The server counts connections and records every complete message with its envelope, raw data and what it
 * answered; a message is recorded before its reply is written, so a client that got 250 finds it recorded.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** Where a fault strikes. */
    public enum Stage {
        /** Instead of the 220 greeting on a new connection. */
        GREETING,
        /** Instead of the reply to MAIL FROM. */
        MAIL,
        /** Instead of the reply to RCPT TO. */
        RCPT,
        /** Instead of the 354 reply to DATA. */
        DATA,
        /** After the first bytes of the message (only {@link Fault#drop}: the connection is reset mid-message). */
        DURING_DATA,
        /** Instead of the reply to the final "." (the whole message was received). */
        END_OF_DATA
    }

    /** What the server does at a stage instead of going on normally. */
    public record Fault(Stage stage, Action action, int code, String text) {

        /** The kinds of misbehaviour. */
        public enum Action { NONE, REPLY, DROP, STALL }

        public Fault {
            Objects.requireNonNull(action, "action");
            if (action != Action.NONE && stage == null) {
                throw new IllegalArgumentException("a fault needs a stage");
            }
            if (stage == Stage.DURING_DATA && action != Action.DROP) {
                throw new IllegalArgumentException("during the data the server can only drop the connection");
            }
        }

        /** Answer {@code code text} at the stage (e.g. 451 at END_OF_DATA, 550 at RCPT). */
        public static Fault reply(Stage stage, int code, String text) {
            return new Fault(stage, Action.REPLY, code, text);
        }

        /**
         * Close the connection instead of answering. At DURING_DATA the connection is reset (RST) after the first
         * bytes of the message arrive; at END_OF_DATA it is closed after the whole message arrived, unanswered.
         */
        public static Fault drop(Stage stage) {
            return new Fault(stage, Action.DROP, 0, "");
        }

        /** Stop answering at the stage, keeping the connection open until the client gives up. */
        public static Fault stall(Stage stage) {
            return new Fault(stage, Action.STALL, 0, "");
        }

        /** No fault: for a recipient's queue, "this attempt succeeds". */
        public static Fault none() {
            return new Fault(null, Action.NONE, 0, "");
        }
    }

    /** What the server answered to a complete message. */
    public enum Outcome { ACCEPTED, REFUSED, UNANSWERED }

    /**
     * A complete message the server received.
     *
     * @param connection the connection's number, from 1 in order of acceptance
     * @param from the envelope sender (MAIL FROM)
     * @param recipients the envelope recipients (RCPT TO)
     * @param data the message as received, dot-unstuffed, lines ending in CRLF, without the final "."
     * @param outcome what the server answered
     * @param mailParameters what followed the address in MAIL FROM (such as {@code BODY=8BITMIME}), or ""
     */
    public record Received(int connection, String from, List<String> recipients, byte[] data, Outcome outcome,
            String mailParameters) {

        /** The data as text (headers are ASCII; bodies as the message encodes them). */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        /** The first header of that name, unfolded, or null. */
        public String header(String name) {
            String[] lines = text().split("\r\n", -1);
            for (int i = 0; i < lines.length && !lines[i].isEmpty(); i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0 && lines[i].substring(0, colon).equalsIgnoreCase(name)) {
                    StringBuilder value = new StringBuilder(lines[i].substring(colon + 1).strip());
                    while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
                        value.append(' ').append(lines[++i].strip());
                    }
                    return value.toString();
                }
            }
            return null;
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Fault> nextFaults = new ArrayDeque<>();
    private final Map<String, Deque<Fault>> recipientFaults = new HashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile boolean closed;
    private volatile List<String> extensions = List.of();

    private ScriptedSmtpServer() throws IOException {
        server = new ServerSocket();
        // a small receive window, so that a client writing a large message is still writing when a reset comes
        server.setReceiveBufferSize(64 * 1024);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::acceptLoop);
    }

    /** A server on a free loopback port, accepting connections. */
    public static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offer these ESMTP extensions (such as 8BITMIME) in the reply to EHLO from now on. */
    public ScriptedSmtpServer offering(String... extensions) {
        this.extensions = List.of(extensions);
        return this;
    }

    List<String> extensions() {
        return extensions;
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Faults for the next connections (GREETING) and transactions (any other stage), in order. */
    public synchronized ScriptedSmtpServer failNext(Fault... faults) {
        for (Fault fault : faults) {
            nextFaults.addLast(fault);
        }
        return this;
    }

    /** Faults for the next transactions to this recipient, in order; {@link Fault#none()} for a success. */
    public synchronized ScriptedSmtpServer failFor(String recipient, Fault... faults) {
        for (Fault fault : faults) {
            if (fault.stage() == Stage.GREETING || fault.stage() == Stage.MAIL) {
                throw new IllegalArgumentException("a recipient's fault is taken at RCPT TO; use failNext for "
                        + fault.stage());
            }
            recipientFaults.computeIfAbsent(key(recipient), k -> new ArrayDeque<>()).addLast(fault);
        }
        return this;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections open right now. */
    public int openConnections() {
        return open.size();
    }

    /** MAIL FROM commands received so far (attempts, whatever became of them). */
    public int transactions() {
        return transactions.get();
    }

    /** Every complete message received (the final "." arrived), whatever was answered, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The messages the server accepted with 250, in arrival order. */
    public List<Received> messages() {
        return received.stream().filter(r -> r.outcome() == Outcome.ACCEPTED).toList();
    }

    /** Closes every open connection, as a server's idle timeout would. */
    public void dropConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        dropConnections();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            int number = connections.incrementAndGet();
            open.add(socket);
            threads.execute(() -> {
                try (socket) {
                    new SmtpConversation(this, socket, number).run();
                } catch (IOException e) {
                    // the client went away or the test dropped the connection
                } finally {
                    open.remove(socket);
                }
            });
        }
    }

    synchronized Fault takeConnectionFault() {
        Fault head = nextFaults.peekFirst();
        return head != null && head.stage() == Stage.GREETING ? nextFaults.pollFirst() : null;
    }

    /** Counts a MAIL FROM and takes the next transaction fault, if one is queued. */
    synchronized Fault takeTransactionFault() {
        transactions.incrementAndGet();
        Fault head = nextFaults.peekFirst();
        return head != null && head.stage() != Stage.GREETING ? nextFaults.pollFirst() : null;
    }

    synchronized Fault takeRecipientFault(String recipient) {
        Deque<Fault> queue = recipientFaults.get(key(recipient));
        return queue == null ? null : queue.pollFirst();
    }

    /** Records a complete message; returns how many the server has received. */
    int record(Received message) {
        received.add(message);
        return received.size();
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
