import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast {@code gazette collect} reads many RSS feeds, against rss2email ({@code r2e run --no-send}) on the same
 * feeds: both cold (nothing stored yet) and again with nothing changed (conditional GET answered 304). Every run is a
 * separate process timed by {@code /usr/bin/time} (wall clock, user and system CPU, peak RSS), as a user runs it:
 * Gazette is {@code java -jar target/gazette.jar} (bench/run builds it; bench/run: needs the jar).
 *
 * The feeds are generated and served over loopback HTTP by this JVM with ETag and Last-Modified (and 304 answers),
 * spread over several loopback addresses (127.0.0.1, 127.0.0.2, ...) so that they come from several "hosts", as
 * real feed lists do. rss2email is installed with apt-get when {@code r2e} is missing.
 *
 *   bench/run CollectThroughput [feeds [items [hosts]]]     default 1,000 feeds of 20 items on 100 hosts
 */
public class CollectThroughput {
    private static final String LAST_MODIFIED = DateTimeFormatter.RFC_1123_DATE_TIME
            .format(Instant.parse("2026-01-23T08:00:00Z").atOffset(ZoneOffset.UTC));
    private static final String[] WORDS = {"cancer", "vaccine", "trial", "heart", "policy", "reform", "hospital",
        "digital health", "screening", "approval", "regulator", "outbreak", "insulin", "stroke", "telehealth",
        "한국", "바이오", "study", "patients", "results", "market", "funding", "research", "data"};

    record Run(String variant, double wall, double cpu, long rssKb, String output) {}

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int hosts = Math.min(feeds, args.length > 2 ? Integer.parseInt(args[2]) : 100);
        Path jar = Path.of("target/gazette.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": run this through bench/run, which builds it");
        }
        ensureRss2email();
        Path work = Files.createTempDirectory("collect-throughput");
        List<byte[]> bodies = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            bodies.add(feed(f, items));
        }
        AtomicInteger full = new AtomicInteger();
        AtomicInteger notModified = new AtomicInteger();
        ExecutorService serverThreads = Executors.newFixedThreadPool(8);
        List<HttpServer> servers = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host(h)), 0), 200);
            server.createContext("/", exchange -> serve(exchange, bodies, full, notModified));
            server.setExecutor(serverThreads);
            server.start();
            servers.add(server);
        }
        List<String> urls = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            HttpServer server = servers.get(f % hosts);
            urls.add("http://" + host(f % hosts) + ":" + server.getAddress().getPort() + "/feed/" + f + ".xml");
        }
        System.out.printf("%,d RSS feeds of %d items (%,d KB in all) on %d loopback hosts; Java %s, %s %s, %d cores%n",
                feeds, items, bodies.stream().mapToLong(b -> b.length).sum() / 1024, hosts,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        try {
            Path config = gazetteConfig(work, urls);
            List<String> gazette = List.of("java", "-jar", jar.toString(), "collect", "--config", config.toString());
            List<Run> runs = new ArrayList<>();
            runs.add(timed("JVM start-up: gazette --version", work, List.of("java", "-jar", jar.toString(), "--version")));
            Run cold = timed("gazette collect, cold", work, gazette);
            check(cold, full, notModified, feeds, 0, "Gazette, cold");
            expectSummary(cold, feeds, feeds * items);
            Run unchanged = timed("gazette collect, unchanged", work, gazette);
            check(unchanged, full, notModified, 0, feeds, "Gazette, unchanged");
            expectSummary(unchanged, feeds, 0);
            runs.add(cold);
            runs.add(unchanged);
            // The same with JVM options a user would have to pass: C1 only (little JIT work in a short run), a
            // small heap. For comparison; the rows above are what "java -jar" gives.
            deleteTree(work.resolve("gazette-data"));
            List<String> tuned = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-Xmx256m"));
            tuned.addAll(gazette.subList(1, gazette.size()));
            Run tunedCold = timed("  same, -XX:TieredStopAtLevel=1 -Xmx256m", work, tuned);
            check(tunedCold, full, notModified, feeds, 0, "Gazette with JVM options, cold");
            expectSummary(tunedCold, feeds, feeds * items);
            Run tunedUnchanged = timed("  unchanged, same options", work, tuned);
            check(tunedUnchanged, full, notModified, 0, feeds, "Gazette with JVM options, unchanged");
            runs.add(tunedCold);
            runs.add(tunedUnchanged);

            Path r2eConfig = rss2emailConfig(work, urls);
            Path r2eData = work.resolve("r2e-data.json");
            List<String> r2e = List.of("r2e", "-c", r2eConfig.toString(), "-d", r2eData.toString(), "run", "--no-send");
            Run r2eCold = timed("rss2email run --no-send, cold", work, r2e);
            check(r2eCold, full, notModified, feeds, 0, "rss2email, cold");
            int seen = seenByRss2email(r2eData);
            if (seen != feeds * items) {
                throw new IllegalStateException("rss2email saw " + seen + " items, not " + feeds * items);
            }
            Run r2eUnchanged = timed("rss2email run --no-send, unchanged", work, r2e);
            check(r2eUnchanged, full, notModified, 0, feeds, "rss2email, unchanged");
            runs.add(r2eCold);
            runs.add(r2eUnchanged);

            System.out.printf("Gazette stored %,d items; rss2email saw %,d%n%n", feeds * items, seen);
            System.out.printf("%-38s %8s %8s %12s%n", "variant", "wall s", "CPU s", "peak RSS MB");
            for (Run run : runs) {
                System.out.printf("%-38s %8.2f %8.2f %12d%n", run.variant(), run.wall(), run.cpu(), run.rssKb() / 1024);
            }
            System.out.println();
            System.out.printf("%-38s %8s %8s %12s%n", "rss2email / Gazette", "wall", "CPU", "peak RSS");
            ratio("cold", r2eCold, cold);
            ratio("unchanged", r2eUnchanged, unchanged);
            Run startup = runs.get(0);
            System.out.printf("%nJVM start-up (gazette --version) is %.2f s: %.0f%% of the cold and %.0f%% of the unchanged"
                    + " collect's wall time%n", startup.wall(), 100 * startup.wall() / cold.wall(),
                    100 * startup.wall() / unchanged.wall());
        } finally {
            servers.forEach(s -> s.stop(0));
            serverThreads.shutdownNow();
            serverThreads.awaitTermination(5, TimeUnit.SECONDS);
            deleteTree(work);
        }
    }

    private static String host(int h) {
        return "127.0." + (h / 250) + "." + (h % 250 + 1);
    }

    private static void ratio(String name, Run rss2email, Run gazette) {
        System.out.printf("%-38s %7.2fx %7.2fx %11.2fx%n", name, rss2email.wall() / gazette.wall(),
                rss2email.cpu() / gazette.cpu(), (double) rss2email.rssKb() / gazette.rssKb());
    }

    private static void serve(HttpExchange exchange, List<byte[]> bodies, AtomicInteger full, AtomicInteger notModified)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher m = Pattern.compile("/feed/(\\d+)\\.xml").matcher(path);
            if (!m.matches() || Integer.parseInt(m.group(1)) >= bodies.size()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int f = Integer.parseInt(m.group(1));
            String etag = "\"feed-" + f + "-v1\"";
            var out = exchange.getResponseHeaders();
            out.add("ETag", etag);
            out.add("Last-Modified", LAST_MODIFIED);
            var in = exchange.getRequestHeaders();
            if (etag.equals(in.getFirst("If-None-Match"))
                    || in.getFirst("If-None-Match") == null && LAST_MODIFIED.equals(in.getFirst("If-Modified-Since"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            full.incrementAndGet();
            byte[] body = bodies.get(f);
            out.add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }

    private static byte[] feed(int f, int items) {
        StringBuilder xml = new StringBuilder(600 * items + 400);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Feed ").append(f).append("</title><link>https://news").append(f)
                .append(".example.org/</link><description>Generated feed ").append(f).append("</description>\n");
        for (int i = 0; i < items; i++) {
            Instant published = Instant.parse("2026-01-20T00:00:00Z").plusSeconds(3600L * i + f);
            xml.append("<item><title>").append(words(f * 31 + i, 8)).append(" (").append(f).append('/').append(i)
                    .append(")</title><link>https://news").append(f).append(".example.org/articles/").append(i)
                    .append("?utm_source=rss</link><guid isPermaLink=\"false\">feed-").append(f).append("-item-")
                    .append(i).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><category>").append(WORDS[(f + i) % WORDS.length]).append("</category>")
                    .append("<description>&lt;p&gt;").append(words(f * 7 + i * 13, 40)).append("&lt;/p&gt;&lt;p&gt;")
                    .append("&lt;a href=\"https://news").append(f).append(".example.org/more\"&gt;")
                    .append(words(i, 3)).append("&lt;/a&gt;&lt;/p&gt;</description></item>\n");
        }
        xml.append("</channel></rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String words(int seed, int count) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < count; w++) {
            s.append(w == 0 ? "" : " ").append(WORDS[Math.floorMod(seed * 17 + w * 7 + w * w, WORDS.length)]);
        }
        return s.toString();
    }

    private static Path gazetteConfig(Path work, List<String> urls) throws IOException {
        StringBuilder yaml = new StringBuilder("data-dir: \"" + work.resolve("gazette-data") + "\"\nsources:\n");
        for (int f = 0; f < urls.size(); f++) {
            yaml.append("  - id: feed-").append(f).append("\n    name: \"Feed ").append(f)
                    .append("\"\n    type: feed\n    url: \"").append(urls.get(f)).append("\"\n");
        }
        return Files.writeString(work.resolve("gazette.yml"), yaml);
    }

    private static Path rss2emailConfig(Path work, List<String> urls) throws Exception {
        Path config = work.resolve("r2e.cfg");
        Path data = work.resolve("r2e-data.json");
        Run created = timed("r2e new", work, List.of("r2e", "-c", config.toString(), "-d", data.toString(), "new",
                "you@example.org"));
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("r2e new wrote no configuration: " + created.output());
        }
        StringBuilder sections = new StringBuilder("\n");
        for (int f = 0; f < urls.size(); f++) {
            sections.append("[feed.feed-").append(f).append("]\nurl = ").append(urls.get(f)).append("\n\n");
        }
        Files.writeString(config, Files.readString(config) + sections);
        return config;
    }

    /** The entries rss2email recorded as seen, over every feed of its data file (JSON: feeds[].seen{guid: state}). */
    private static int seenByRss2email(Path data) throws IOException {
        int count = 0;
        for (JsonNode feed : new ObjectMapper().readTree(data.toFile()).get("feeds")) {
            count += feed.path("seen").size();
        }
        return count;
    }

    private static void expectSummary(Run run, int sources, int created) {
        String wanted = String.format(Locale.ROOT, "%d sources: %d new, 0 updated, ", sources, created);
        if (!run.output().contains(wanted) || !run.output().contains(" skipped, 0 failed")) {
            String[] lines = run.output().strip().split("\n");
            throw new IllegalStateException(run.variant() + ": expected '" + wanted + "... 0 failed', got: "
                    + lines[lines.length - 1]);
        }
    }

    /** The server answered the run with exactly these full responses and 304s; the counters are reset. */
    private static void check(Run run, AtomicInteger full, AtomicInteger notModified, int fullWanted, int notModifiedWanted,
            String what) {
        int f = full.getAndSet(0);
        int n = notModified.getAndSet(0);
        if (f != fullWanted || n != notModifiedWanted) {
            throw new IllegalStateException(what + ": the server sent " + f + " full responses and " + n
                    + " 304s, expected " + fullWanted + " and " + notModifiedWanted + "; output: " + tail(run.output()));
        }
    }

    private static Run timed(String variant, Path work, List<String> command) throws Exception {
        Path times = Files.createTempFile(work, "time", ".txt");
        List<String> timedCommand = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
        timedCommand.addAll(command);
        Path output = Files.createTempFile(work, "output", ".txt");
        Process process = new ProcessBuilder(timedCommand).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        int exit = process.waitFor();
        String text = Files.readString(output);
        String[] figures = Files.readString(times).strip().split("\\s+");
        if (exit != 0 || figures.length < 4) {
            throw new IllegalStateException(variant + " exited with " + exit + ": " + tail(text));
        }
        String[] last = java.util.Arrays.copyOfRange(figures, figures.length - 4, figures.length);
        return new Run(variant, Double.parseDouble(last[0]), Double.parseDouble(last[1]) + Double.parseDouble(last[2]),
                Long.parseLong(last[3]), text);
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }

    private static void ensureRss2email() throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v r2e").start().waitFor() == 0) {
            return;
        }
        System.out.println("r2e is missing: apt-get install -y rss2email");
        Process install = new ProcessBuilder("apt-get", "install", "-y", "rss2email").inheritIO().start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("apt-get install -y rss2email failed");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
