import dev.gazette.testing.BenchContent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gazette's whole send, as a user runs it, against what the SMTP connection carries. For each size: a fresh data
 * directory, the benchmark's sources collected and N weekly subscribers imported (each a process of its own, as a
 * user would run them), then {@code java -jar target/gazette.jar send --frequency weekly} into Postfix's
 * {@code smtp-sink} on loopback, timed with its peak RSS; then, as the reference, Postfix's {@code smtp-source} sending
 * N messages of the same size over the same number of SMTP sessions, each session reused ({@code -d}), into a fresh
 * sink. Every message is accounted for: the sink's counter and the ledger's SENT rows must both equal N.
 *
 * <p>{@code bench/run SendWire [--connections C] [SIZE...]}, where a SIZE is {@code N} (embedded H2) or
 * {@code pg:N} (PostgreSQL, the embedded one the tests use); default {@code 10000 100000 pg:100000}. It runs the jar
 * as a user does (bench/run: needs the jar).
 */
public final class SendWire {
    private static final Path JAR = Path.of("target/gazette.jar");
    private static final String FROM = "Gazette News <news@example.org>";
    private static final Pattern SINK_COUNT = Pattern.compile("mesg=(\\d+)");

    private final Path dir;
    private final int connections;
    private EmbeddedPostgres postgres;
    private int worlds;

    private SendWire(Path dir, int connections) {
        this.dir = dir;
        this.connections = connections;
    }

    public static void main(String[] args) throws Exception {
        int connections = 2;
        List<String> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--connections")) {
                connections = Integer.parseInt(args[++i]);
            } else {
                sizes.add(args[i]);
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of("10000", "100000", "pg:100000");
        }
        Postfix.install();
        Path dir = Files.createTempDirectory("gazette-sendwire");
        dir.toFile().setExecutable(true, false); // smtp-sink, as the postfix user, writes its dumps below it
        SendWire bench = new SendWire(dir, connections);
        System.out.printf("SendWire: %s, %d SMTP connection(s); Java %s, %s %s, %d cores%n", String.join(" ", sizes),
                connections, System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        try {
            int bytes = bench.messageSize();
            System.out.printf("average message size (a sample of 100 digests): %,d bytes%n%n", bytes);
            System.out.printf("%-34s %9s %8s %9s %8s %9s  %s%n", "variant", "messages", "wall s", "msgs/s", "CPU s",
                    "peak MB", "vs smtp-source");
            for (String size : sizes) {
                boolean pg = size.startsWith("pg:");
                int n = Integer.parseInt(pg ? size.substring(3) : size);
                bench.measure(n, pg, bytes);
            }
        } finally {
            bench.close();
        }
    }

    /** The mean size of a digest as the sink receives it, from a small world whose sink dumps what it gets. */
    private int messageSize() throws Exception {
        Path dumps = Files.createDirectories(dir.resolve("dumps"));
        dumps.toFile().setWritable(true, false); // smtp-sink writes as the postfix user
        World world = world(100, false);
        try (Sink sink = Sink.start(dumps.resolve("message"))) {
            world.gazette(sink.port(), "send", "--frequency", "weekly").check();
            sink.awaitCount(100);
        }
        long total = 0;
        int files = 0;
        try (Stream<Path> list = Files.list(dumps)) {
            for (Path p : list.toList()) {
                total += Files.size(p);
                files++;
            }
        }
        if (files == 0) {
            throw new IllegalStateException("the sink dumped no message");
        }
        return (int) (total / files);
    }

    private void measure(int n, boolean pg, int bytes) throws Exception {
        String db = pg ? "PostgreSQL" : "H2";
        World world = world(n, pg);
        Timed send;
        int received;
        try (Sink sink = Sink.start(null)) {
            send = world.gazette(sink.port(), "send", "--frequency", "weekly").check();
            received = sink.awaitCount(n);
        }
        Map<String, Integer> ledger = world.ledger();
        Timed reference;
        int referenced;
        try (Sink sink = Sink.start(null)) {
            reference = Timed.run(dir, null, "/usr/sbin/smtp-source", "-d", "-s", String.valueOf(connections),
                    "-m", String.valueOf(n), "-l", String.valueOf(bytes), "-f", "news@example.org",
                    "-t", "reader@example.org", "127.0.0.1:" + sink.port()).check();
            referenced = sink.awaitCount(n);
        }
        double rate = n / send.wall();
        double referenceRate = n / reference.wall();
        row("gazette send, " + db + ", " + plural(connections), n, send, String.format(Locale.ROOT, "%.2fx",
                rate / referenceRate));
        row("smtp-source -d -s " + connections + ", " + String.format(Locale.ROOT, "%,d", bytes) + " B", n,
                reference, "1.00x");
        System.out.printf("  accounted for: sink received %,d (reference %,d); ledger %s; import of %,d "
                        + "subscribers %.1f s, peak %d MB%n", received, referenced, ledger, n, world.imported.wall(),
                world.imported.peakMegabytes());
        if (received != n || referenced != n || ledger.getOrDefault("SENT", 0) != n || ledger.size() != 1) {
            throw new IllegalStateException("not every message was accounted for");
        }
    }

    private static void row(String variant, int n, Timed t, String ratio) {
        System.out.printf(Locale.ROOT, "%-34s %,9d %8.2f %,9.0f %8.1f %9d  %s%n", variant, n, t.wall(), n / t.wall(),
                t.cpu(), t.peakMegabytes(), ratio);
    }

    private static String plural(int connections) {
        return connections + (connections == 1 ? " connection" : " connections");
    }

    /** A fresh data directory (and database) with the benchmark's sources collected and n subscribers imported. */
    private World world(int n, boolean pg) throws Exception {
        Path home = Files.createDirectories(dir.resolve("world-" + ++worlds));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Path feed = Files.writeString(home.resolve("feed.xml"), BenchContent.feed(now.minusHours(1)));
        Path calendar = Files.writeString(home.resolve("events.ics"),
                BenchContent.calendar(DateTimeFormatter.ofPattern("yyyyMM").format(now.plusMonths(1))));
        String url;
        String user;
        if (pg) {
            String name = "sendwire" + worlds;
            try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            url = postgres.getJdbcUrl("postgres", name);
            user = "postgres";
        } else {
            url = "jdbc:h2:file:" + home.resolve("data/gazette").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
            user = "sa";
        }
        Path config = Files.writeString(home.resolve("gazette.yml"), """
                data-dir: "%s"
                database: {url: "%s", user: "%s"}
                server: {public-url: "https://news.example.org"}
                sources:
                  - {id: wire, type: feed, url: "%s"}
                  - {id: events, type: calendar, url: "%s"}
                subscribers: {import-on-start: false}
                mail: {host: "127.0.0.1", port: 25, security: none, connect-timeout: 5s, timeout: 30s, connections: %d}
                delivery: {from: "%s", rate-limit: 1000000}
                security: {secret: "a-benchmark-secret-that-is-long-enough"}
                """.formatted(home.resolve("data").toAbsolutePath(), url, user, feed.toUri(), calendar.toUri(),
                connections, FROM));
        World world = new World(home, config, url, user);
        world.gazette(25, "collect").check();
        Path csv = BenchContent.writeSubscribers(home.resolve("subscribers.csv"), n);
        world.imported = world.gazette(25, "subscribers", "import", csv.toString()).check();
        return world;
    }

    private EmbeddedPostgres postgres() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        return postgres;
    }

    private void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static final class World {
        final Path home;
        final Path config;
        final String url;
        final String user;
        Timed imported;

        World(Path home, Path config, String url, String user) {
            this.home = home;
            this.config = config;
            this.url = url;
            this.user = user;
        }

        /** Runs a Gazette command as its own process, with mail going to the given port. */
        Timed gazette(int smtpPort, String... command) throws Exception {
            List<String> line = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString()));
            line.addAll(List.of(command));
            line.addAll(List.of("--config", config.toString()));
            return Timed.run(home, Map.of("GAZETTE_MAIL_PORT", String.valueOf(smtpPort)), line.toArray(String[]::new));
        }

        /** The ledger's rows by status. */
        Map<String, Integer> ledger() throws Exception {
            Map<String, Integer> counts = new TreeMap<>();
            try (Connection c = DriverManager.getConnection(url, user, "");
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT status, COUNT(*) FROM delivery GROUP BY status")) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        }
    }

    /** A command's wall time, CPU time and peak RSS, from /usr/bin/time. */
    record Timed(double wall, double cpu, long peakMegabytes, int exit, String output) {
        static Timed run(Path dir, Map<String, String> env, String... command) throws Exception {
            Path times = Files.createTempFile(dir, "time", ".txt");
            Path out = Files.createTempFile(dir, "out", ".txt");
            List<String> line = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString()));
            line.addAll(List.of(command));
            ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            if (env != null) {
                builder.environment().putAll(env);
            }
            int exit = builder.start().waitFor();
            String[] f = Files.readString(times).trim().split("\\R");
            String[] v = f[f.length - 1].trim().split(" ");
            return new Timed(Double.parseDouble(v[0]), Double.parseDouble(v[1]) + Double.parseDouble(v[2]),
                    Long.parseLong(v[3]) / 1024, exit, Files.readString(out, StandardCharsets.UTF_8));
        }

        Timed check() {
            if (exit != 0) {
                throw new IllegalStateException("exit " + exit + ":\n"
                        + output.substring(Math.max(0, output.length() - 3000)));
            }
            return this;
        }
    }

    /** Postfix's smtp-sink on a free loopback port, counting messages; optionally dumping each to a file. */
    private static final class Sink implements AutoCloseable {
        private final Process process;
        private final Path counter;
        private final int port;

        private Sink(Process process, Path counter, int port) {
            this.process = process;
            this.counter = counter;
            this.port = port;
        }

        static Sink start(Path dumpTemplate) throws Exception {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path counter = Files.createTempFile("smtp-sink", ".txt");
            List<String> line = new ArrayList<>(List.of("/usr/sbin/smtp-sink", "-c"));
            if ("root".equals(System.getProperty("user.name"))) {
                line.addAll(List.of("-u", "postfix"));
            }
            if (dumpTemplate != null) {
                line.addAll(List.of("-d", dumpTemplate.toString()));
            }
            line.addAll(List.of("127.0.0.1:" + port, "256"));
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(counter.toFile()).start();
            for (int i = 0; i < 100; i++) {
                try (var probe = new java.net.Socket("127.0.0.1", port)) {
                    return new Sink(process, counter, port);
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            process.destroy();
            throw new IllegalStateException("smtp-sink did not start: " + Files.readString(counter));
        }

        int port() {
            return port;
        }

        /** The messages received, once n have arrived or the count stopped moving for 2 s. */
        int awaitCount(int n) throws Exception {
            int last = -1;
            long stillSince = System.nanoTime();
            while (true) {
                int count = count();
                if (count >= n) {
                    return count;
                }
                if (count != last) {
                    last = count;
                    stillSince = System.nanoTime();
                } else if (System.nanoTime() - stillSince > TimeUnit.SECONDS.toNanos(2)) {
                    return count;
                }
                Thread.sleep(50);
            }
        }

        private int count() throws IOException {
            Matcher m = SINK_COUNT.matcher(Files.readString(counter, StandardCharsets.ISO_8859_1));
            int count = 0;
            while (m.find()) {
                count = Integer.parseInt(m.group(1));
            }
            return count;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(counter);
        }
    }

    /** Postfix's smtp-sink and smtp-source, installed from Debian's packages when missing. */
    private static final class Postfix {
        static void install() throws Exception {
            if (Files.isExecutable(Path.of("/usr/sbin/smtp-sink")) && Files.isExecutable(Path.of("/usr/sbin/smtp-source"))) {
                return;
            }
            System.out.println("installing Postfix (for smtp-sink and smtp-source) ...");
            String script = "echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections"
                    + " && apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix";
            Process p = new ProcessBuilder("sh", "-c", script).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("could not install Postfix; install it with apt-get install postfix");
            }
        }
    }
}
