package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.admin.AdminAccounts;
import dev.gazette.admin.AuditLog;
import dev.gazette.delivery.SendProgress;
import dev.gazette.delivery.SendReport;
import dev.gazette.schedule.GazetteScheduler;
import dev.gazette.subscriber.csv.ImportMode;
import dev.gazette.web.WebServer;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Run Gazette: collect every source on its own schedule, send each subscriber their digest at their",
            "send time, and serve the web pages. Imports the subscriber files in subscribers/ first",
            "(subscribers.import-on-start). Without mail.host, every email goes to an embedded demo outbox.",
            "Schedules are kept in the database: after a restart, a collection missed while Gazette was down",
            "runs once, and a missed digest is sent once, late. Stop with Ctrl-C."
        })
final class ServeCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    @Mixin
    GazetteOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Gazette gazette = options.open(true);
        var config = gazette.config();
        if (config.subscribers().importOnStart()) {
            gazette.subscriberImporter().importDirectory(config.subscribers().importDir(), ImportMode.ADD_NEW).summary()
                    .forEach(line -> out.println("Subscribers: " + line));
        }
        gazette.mail().startOutbox();
        GazetteScheduler scheduler = gazette.scheduler();
        WebServer web = new WebServer(gazette, scheduler::nextRuns, scheduler::nextDigestRun);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            scheduler.close();
            gazette.close();
            stopped.countDown();
        }, "gazette-shutdown"));
        int port = web.start(config.server());
        gazette.serving(port);
        gazette.sendJobs().resumeInterrupted(); // manual sends a restart interrupted
        scheduler.scheduleDigests(config.digest().checkEvery());
        // With send-on-start, collection runs first in the sender's thread; the schedules then start one interval on.
        scheduler.start(gazette.sourceCatalog().effective(),
                config.collect().onStart() && !config.digest().sendOnStart());
        String host = config.server().host();
        out.printf("Gazette is running at http://%s:%d/%n", host.equals("0.0.0.0") ? "localhost" : host, port);
        out.printf("Database: %s%n", config.jdbcUrl());
        firstAdmin(gazette, config.server().baseUrl(port), out);
        out.println(gazette.mail().describe());
        out.println("Next collections:");
        scheduler.nextRuns().forEach((source, when) ->
                out.printf("  %-24s %s%n", source, TIME.format(when.atZone(ZoneId.systemDefault()))));
        out.printf("Digests go out at each subscriber's send time (checked every %s).%n",
                dev.gazette.config.Durations.format(config.digest().checkEvery()));
        if (config.digest().sendOnStart()) {
            out.println("digest.send-on-start: collecting, then sending every active subscriber this period's digest.");
            sendOnStart(gazette, out);
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * With admin.create-on-start and no admin yet: create "admin" with a random password and print it, this once
     * (only its hash is kept, and later starts find an admin).
     */
    static void firstAdmin(Gazette gazette, String baseUrl, PrintWriter out) {
        if (!gazette.config().admin().createOnStart()) {
            out.println(gazette.admin().accounts().count() == 0
                    ? "Admin console: no admin yet; add one with 'gazette admin create NAME'."
                    : "Admin console: " + baseUrl + "/admin");
            return;
        }
        String password = AdminAccounts.randomPassword();
        gazette.admin().accounts().createFirst("admin", password).ifPresentOrElse(admin -> {
            gazette.admin().audit().record(AuditLog.SERVE, "admin.create", admin.name(),
                    "first admin, with a random password printed once at start-up");
            out.printf("Admin console: %s/admin  user %s  password %s%n", baseUrl, admin.name(), password);
            out.println("  (shown this once: note it now, or set another with 'gazette admin password admin')");
        }, () -> out.printf("Admin console: %s/admin%n", baseUrl));
    }

    /** Collect, then send the current period's digest to everyone who has not had it; in the background. */
    private static void sendOnStart(Gazette gazette, PrintWriter out) {
        Thread sender = new Thread(() -> {
            try {
                gazette.collectNow();
                SendReport report = gazette.digests().sendNow(null, Integer.MAX_VALUE, SendProgress.NONE);
                out.printf("Sent on start: %d sent, %d skipped, %d failed, %d waiting to retry%n", report.sent(),
                        report.skipped(), report.failed(), report.retrying());
                out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ServeCommand.class).error("sending on start failed: {}", e.getMessage(), e);
            }
        }, "gazette-send-on-start");
        sender.setDaemon(true);
        sender.start();
    }
}
