import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.DeliveryConfig;
import dev.gazette.config.GazetteConfig;
import dev.gazette.config.MailConfig;
import dev.gazette.config.MailSecurity;
import dev.gazette.config.OutboxConfig;
import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.DigestPlanner;
import dev.gazette.delivery.OutgoingMessage;
import dev.gazette.delivery.SendProgress;
import dev.gazette.delivery.SendReport;
import dev.gazette.delivery.SendResult;
import dev.gazette.delivery.smtp.MessageComposer;
import dev.gazette.delivery.smtp.SmtpMailer;
import dev.gazette.digest.Digest;
import dev.gazette.digest.DigestLinks;
import dev.gazette.digest.DigestRenderer;
import dev.gazette.digest.DigestSelector;
import dev.gazette.digest.RenderedDigest;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberLinks;
import dev.gazette.testing.BenchContent;
import dev.gazette.testing.FixtureServer;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.ScriptedSmtpServer;
import dev.gazette.testing.TestDatabases;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.net.SocketFactory;
import org.slf4j.LoggerFactory;

/**
 * Digest send throughput: a whole Gazette (H2 in memory, sources collected over HTTP, N subscribers imported
 * from CSV) sends a weekly digest to an embedded GreenMail, over 1, 2 and 4 SMTP connections, against the
 * naive reference of the same messages sent with the static {@code Transport.send} (a new connection each).
 * Further rows split the time: rendering alone, and the SMTP mailer alone (to GreenMail, and to a minimal
 * SMTP server that costs next to nothing). Run it with {@code bench/run SendThroughput [subscribers [warm-up]]}.
 */
public final class SendThroughput {
    static final String NOW = "2026-11-28T10:00:00Z";
    static final String FROM = "Gazette News <news@example.org>";
    static final String PUBLIC_URL = "https://news.example.org";
    static final double UNLIMITED = 1_000_000;

    private final Path dir;
    private final GreenMail greenMail;
    private final FixtureServer sources;
    private Double reference;
    private boolean printing;
    private boolean partsHeaded;
    private int worlds;

    private SendThroughput(Path dir, GreenMail greenMail, FixtureServer sources) {
        this.dir = dir;
        this.greenMail = greenMail;
        this.sources = sources;
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : Math.min(200, subscribers);
        if (subscribers < 1 || warmUp < 0 || warmUp > subscribers) {
            throw new IllegalArgumentException("usage: SendThroughput [subscribers >= 1 [warm-up <= subscribers]]");
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.gazette")).setLevel(Level.WARN);
        Path dir = Files.createTempDirectory("gazette-bench");
        FixtureServer sources = new FixtureServer()
                .route("/feed.xml", FixtureServer.Route.ok(BenchContent.feed(java.time.ZonedDateTime.parse("2026-11-27T20:00:00Z")), "application/rss+xml"))
                .route("/events.ics", FixtureServer.Route.ok(BenchContent.calendar("202612"), "text/calendar"));
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            for (int i = 0; i < subscribers; i++) { // GreenMail makes a user per new address: not part of any run
                greenMail.setUser(BenchContent.email(i), BenchContent.email(i), "secret");
            }
            new SendThroughput(dir, greenMail, sources).run(subscribers, warmUp);
        } finally {
            greenMail.stop();
            sources.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(int n, int warmUp) throws Exception {
        System.out.printf("SendThroughput: %d subscribers, warm-up %d; Java %s, %s %s, %d cores%n", n, warmUp,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        Prepared prepared = prepare(n);
        if (warmUp > 0) {
            System.out.printf("warming up: every variant once with %d messages (2 connections), not shown%n", warmUp);
            measureAll(prepared, warmUp, List.of(2));
        }
        printing = true;
        System.out.printf("%n%-56s %8s %8s %8s %13s%n", "variant", "messages", "seconds", "msgs/s", "vs reference");
        measureAll(prepared, n, List.of(1, 2, 4));
    }

    private void measureAll(Prepared prepared, int n, List<Integer> connectionCounts) throws Exception {
        List<OutgoingMessage> messages = prepared.messages().subList(0, n);
        reference = null;
        partsHeaded = false;
        show(reference(messages));
        for (int connections : connectionCounts) {
            show(endToEnd(n, connections));
        }
        show(renderOnly(prepared, n));
        for (int connections : connectionCounts) {
            show(mailerToGreenMail(messages, connections));
        }
        show(mailerToMinimalServer(messages));
        show(reusedConnectionWithoutDelay(messages));
    }

    /** Prints a row of the table as soon as it is measured (the first row is the reference). */
    private void show(Row row) {
        if (reference == null) {
            reference = row.perSecond();
        }
        if (!printing) {
            return;
        }
        if (row.variant().startsWith("  ") && !partsHeaded) {
            partsHeaded = true;
            System.out.println("where the time goes (parts of a send run, the same messages):");
        }
        System.out.printf("%-56s %8d %8.2f %8.0f %12.2fx%n", row.variant(), row.messages(), row.seconds(),
                row.perSecond(), row.perSecond() / reference);
    }

    /** The naive way: Gazette's own MIME message, sent with the static Transport.send (connect, send, quit). */
    private Row reference(List<OutgoingMessage> messages) throws Exception {
        Session session = Session.getInstance(smtpProperties("127.0.0.1", greenMail.getSmtp().getPort()));
        MessageComposer composer = new MessageComposer(session, delivery(), Clock.systemUTC());
        long started = startClock();
        for (OutgoingMessage message : messages) {
            Transport.send(composer.compose(message));
        }
        return received(new Row("reference: Transport.send, a new connection per message", messages.size(),
                since(started)));
    }

    /** A whole send run: plan into the ledger, then per subscriber claim, select, render, send and record. */
    private Row endToEnd(int n, int connections) throws Exception {
        try (World world = world(n, connections)) {
            long started = startClock();
            SendReport report = world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);
            double seconds = since(started);
            if (report.sent() != n || report.planned() != n) {
                throw new IllegalStateException("expected " + n + " digests sent, the run reports " + report);
            }
            return received(new Row("gazette send run, " + plural(connections), n, seconds));
        }
    }

    /** Rendering alone (Thymeleaf, HTML and text), one thread; digests selected and links signed beforehand. */
    private Row renderOnly(Prepared prepared, int n) {
        DigestRenderer renderer = new DigestRenderer(prepared.config().digest(), prepared.config().topics());
        long started = startClock();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += renderer.render(prepared.digests().get(i), prepared.links().get(i)).html().length();
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing was rendered");
        }
        return new Row("  render only (DigestRenderer), 1 thread", n, since(started));
    }

    /** The pooled SMTP mailer alone, the measurement that was SmtpThroughputMeasure: pre-rendered messages. */
    private Row mailerToGreenMail(List<OutgoingMessage> messages, int connections) throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(mail("127.0.0.1", greenMail.getSmtp().getPort(), connections), delivery())) {
            double seconds = sendAll(mailer, messages, connections);
            if (mailer.connectionsOpened() > connections) {
                throw new IllegalStateException(mailer.connectionsOpened() + " connections opened, at most "
                        + connections + " expected");
            }
            return received(new Row("  SmtpMailer only, GreenMail, " + plural(connections), messages.size(), seconds));
        }
    }

    /** The mailer's own cost: a server that answers at once and keeps nothing but the bytes. */
    private Row mailerToMinimalServer(List<OutgoingMessage> messages) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
                SmtpMailer mailer = new SmtpMailer(mail(server.host(), server.port(), 1), delivery())) {
            double seconds = sendAll(mailer, messages, 1);
            checkOneConnection(server, messages.size());
            return new Row("  SmtpMailer only, minimal SMTP server, 1 connection", messages.size(), seconds);
        }
    }

    /**
     * What one connection can carry when its socket sends small writes at once (TCP_NODELAY, which neither
     * jakarta.mail nor Gazette's mailer sets): the same messages over one reused connection to the minimal server.
     */
    private Row reusedConnectionWithoutDelay(List<OutgoingMessage> messages) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            Properties properties = smtpProperties(server.host(), server.port());
            properties.put("mail.smtp.socketFactory", new NoDelaySockets());
            Session session = Session.getInstance(properties);
            MessageComposer composer = new MessageComposer(session, delivery(), Clock.systemUTC());
            long started = startClock();
            Transport transport = session.getTransport("smtp");
            transport.connect();
            try {
                for (OutgoingMessage message : messages) {
                    MimeMessage mime = composer.compose(message);
                    transport.sendMessage(mime, mime.getAllRecipients());
                }
            } finally {
                transport.close();
            }
            double seconds = since(started);
            checkOneConnection(server, messages.size());
            return new Row("  one reused connection, TCP_NODELAY, minimal server", messages.size(), seconds);
        }
    }

    private static void checkOneConnection(ScriptedSmtpServer server, int messages) {
        if (server.transactions() != messages || server.connections() != 1) {
            throw new IllegalStateException(server.transactions() + " messages over " + server.connections()
                    + " connections to the minimal server, expected " + messages + " over 1");
        }
    }

    private static Properties smtpProperties(String host, int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        properties.setProperty("mail.smtp.from", "news@example.org");
        return properties;
    }

    private static double sendAll(SmtpMailer mailer, List<OutgoingMessage> messages, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = startClock();
            List<Future<SendResult>> sends = new ArrayList<>();
            for (OutgoingMessage message : messages) {
                sends.add(pool.submit(() -> mailer.send(message)));
            }
            for (Future<SendResult> send : sends) {
                if (send.get().kind() != SendResult.Kind.SENT) {
                    throw new IllegalStateException("not sent: " + send.get());
                }
            }
            return since(started);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Digests, signed links and messages of all subscribers, made once (not timed) for the partial rows. */
    private Prepared prepare(int n) {
        try (World world = world(n, 1)) {
            GazetteConfig config = world.gazette.config();
            DigestPlanner planner = world.gazette.digests().planner();
            DigestSelector.Run selection = new DigestSelector(world.gazette.items(), config.digest(), config.topics())
                    .forRun(world.clock.instant());
            SubscriberLinks links = new SubscriberLinks(PUBLIC_URL, world.gazette.tokens());
            DigestRenderer renderer = new DigestRenderer(config.digest(), config.topics());
            Prepared prepared = new Prepared(config, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Subscriber s : world.gazette.subscribers().activeBatch(Frequency.WEEKLY, 0, Integer.MAX_VALUE)) {
                DigestPlanner.Due due = planner.window(s);
                Digest digest = selection.select(s, due.windowStart(), due.windowEnd());
                DigestLinks digestLinks = new DigestLinks(links.preferencesUrl(s), links.unsubscribeUrl(s),
                        links.viewUrl(s, s.id()));
                RenderedDigest rendered = renderer.render(digest, digestLinks);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("List-Unsubscribe", "<" + digestLinks.unsubscribeUrl() + ">, <"
                        + links.unsubscribeMailto("news@example.org", s) + ">");
                headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                headers.put("List-Id", "Gazette digest <digest.example.org>");
                prepared.digests().add(digest);
                prepared.links().add(digestLinks);
                prepared.messages().add(new OutgoingMessage("gazette." + s.id() + ".bench@example.org", s.email(), s.name(),
                        rendered.subject(), rendered.html(), rendered.text(), headers));
            }
            if (prepared.messages().size() != n || prepared.digests().stream().anyMatch(Digest::isEmpty)) {
                throw new IllegalStateException("expected " + n + " subscribers with news each");
            }
            long html = prepared.messages().stream().mapToLong(m -> m.html().length()).sum() / n;
            long text = prepared.messages().stream().mapToLong(m -> m.text().length()).sum() / n;
            long shown = prepared.digests().stream()
                    .mapToLong(d -> d.sections().stream().mapToInt(section -> section.articles().size()).sum()).sum() / n;
            System.out.printf("A digest averages %d new articles (%d listed, the rest counted) and %d events: "
                    + "%,d characters of HTML, %,d of text%n",
                    prepared.digests().stream().mapToInt(Digest::articleCount).sum() / n, shown,
                    prepared.digests().stream().mapToInt(Digest::eventCount).sum() / n, html, text);
            return prepared;
        }
    }

    /** A fresh Gazette on a fresh H2 database, its sources collected and n subscribers imported. */
    private World world(int n, int connections) {
        Path home = dir.resolve("world-" + ++worlds);
        MutableClock clock = MutableClock.ticking(NOW);
        try {
            Files.createDirectories(home);
            String yaml = """
                    data-dir: "%s"
                    database: {url: "%s", user: sa}
                    server: {public-url: "%s"}
                    sources:
                      - {id: wire, type: feed, url: "%s"}
                      - {id: events, type: calendar, url: "%s"}
                    subscribers: {import-on-start: false}
                    mail: {host: "127.0.0.1", port: %d, security: none, connect-timeout: 5s, timeout: 5s, connections: %d}
                    delivery: {from: "%s", rate-limit: %.0f}
                    security: {secret: "a-benchmark-secret-that-is-long-enough"}
                    """.formatted(home.resolve("data"), TestDatabases.jdbcUrl(DatabaseKind.H2), PUBLIC_URL,
                    sources.uri("/feed.xml"), sources.uri("/events.ics"), greenMail.getSmtp().getPort(), connections,
                    FROM, UNLIMITED);
            Path configFile = Files.writeString(home.resolve("gazette.yml"), yaml);
            Path csv = Files.writeString(home.resolve("subscribers.csv"), BenchContent.subscribers(n));
            Gazette gazette = Gazette.open(new ConfigLoader(Map.of()).load(configFile), clock);
            try {
                if (gazette.collectNow().hasFailures()) {
                    throw new IllegalStateException("collecting the benchmark's sources failed");
                }
                clock.advance(Duration.ofMinutes(1));
                var imported = gazette.subscriberImporter().importFile(csv);
                if (imported.added() != n) {
                    throw new IllegalStateException("imported: " + imported.summary());
                }
                return new World(gazette, clock);
            } catch (RuntimeException e) {
                gazette.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks that GreenMail holds exactly the row's messages, then empties it for the next row. */
    private Row received(Row row) throws Exception {
        int count = greenMail.getReceivedMessages().length;
        if (count != row.messages) {
            throw new IllegalStateException(row.variant.strip() + ": GreenMail received " + count + " messages, not "
                    + row.messages);
        }
        greenMail.purgeEmailFromAllMailboxes();
        return row;
    }

    private static MailConfig mail(String host, int port, int connections) {
        return new MailConfig(host, port, MailSecurity.NONE, "", "", Duration.ofSeconds(5), Duration.ofSeconds(5),
                connections, new OutboxConfig(0, 0));
    }

    private static DeliveryConfig delivery() {
        return new DeliveryConfig(FROM, "", "", UNLIMITED, 5, Duration.ofSeconds(2), Duration.ofMinutes(1));
    }

    private static String plural(int connections) {
        return connections + (connections == 1 ? " connection" : " connections");
    }

    /** Collects garbage left by the set-up, then starts timing. */
    private static long startClock() {
        System.gc();
        return System.nanoTime();
    }

    private static double since(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Plain sockets with Nagle's algorithm off: small writes leave at once instead of waiting for an ACK. */
    static final class NoDelaySockets extends SocketFactory {
        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }

        @Override public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }
    }

    record Row(String variant, int messages, double seconds) {
        double perSecond() {
            return messages / seconds;
        }
    }

    /** Each subscriber's digest, links and message, in subscriber order. */
    record Prepared(GazetteConfig config, List<Digest> digests, List<DigestLinks> links,
            List<OutgoingMessage> messages) {}

    record World(Gazette gazette, MutableClock clock) implements AutoCloseable {
        @Override
        public void close() {
            gazette.close();
        }
    }
}
