package dev.gazette.cli;

import dev.gazette.Gazette;
import dev.gazette.schedule.GazetteScheduler;
import dev.gazette.web.WebServer;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Run Gazette: collect every source on its own schedule and serve the web pages.",
            "Schedules are kept in the database: after a restart, a collection missed while Gazette was down",
            "runs once. Stop with Ctrl-C."
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
        GazetteScheduler scheduler = gazette.scheduler();
        WebServer web = new WebServer(gazette.sources(), gazette.items(), scheduler::nextRuns);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            scheduler.close();
            gazette.close();
            stopped.countDown();
        }, "gazette-shutdown"));
        int port = web.start(gazette.config().server());
        scheduler.start(gazette.config().sources(), gazette.config().collect().onStart());
        String host = gazette.config().server().host();
        out.printf("Gazette is running at http://%s:%d/%n", host.equals("0.0.0.0") ? "localhost" : host, port);
        out.printf("Database: %s%n", gazette.config().jdbcUrl());
        out.println("Next collections:");
        scheduler.nextRuns().forEach((source, when) ->
                out.printf("  %-24s %s%n", source, TIME.format(when.atZone(ZoneId.systemDefault()))));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
