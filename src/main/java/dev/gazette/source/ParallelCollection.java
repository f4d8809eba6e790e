package dev.gazette.source;

import dev.gazette.config.SourceConfig;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One collection of many sources on a few threads. At most {@code concurrency} sources are collected at once,
 * and at most {@code perHost} of those from one host (web sources; file and classpath sources only count
 * towards the total). Hosts take turns, and each host's sources go in their configured order. A host that
 * answered with a Retry-After is not asked again in this run: its sources still waiting are reported as
 * backing off, and nobody sleeps. The results come back in the configured order, whatever order they
 * finished in.
 */
final class ParallelCollection {
    /** The key of sources that are not fetched from a web host. */
    private static final String LOCAL = "";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final List<SourceConfig> sources;
    private final Function<SourceConfig, Collector.Attempt> collect;
    private final int perHost;
    private final SourceResult[] results;
    private final Map<String, ArrayDeque<Integer>> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<String, Instant> askedToWait = new HashMap<>();
    private final List<String> hosts;
    private int cursor;
    private int unfinished;

    private ParallelCollection(List<SourceConfig> sources, int perHost, Function<SourceConfig, Collector.Attempt> collect) {
        this.sources = sources;
        this.collect = collect;
        this.perHost = perHost;
        this.results = new SourceResult[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            waiting.computeIfAbsent(host(sources.get(i)), h -> new ArrayDeque<>()).add(i);
        }
        this.hosts = List.copyOf(waiting.keySet());
        this.unfinished = sources.size();
    }

    /** Collect every source, with the limits; one result per source, in the given order. */
    static List<SourceResult> run(List<SourceConfig> sources, int concurrency, int perHost,
            Function<SourceConfig, Collector.Attempt> collect) {
        ParallelCollection run = new ParallelCollection(sources, perHost, collect);
        int threads = Math.min(concurrency, sources.size());
        if (threads <= 1) {
            run.work();
            return Arrays.asList(run.results);
        }
        String name = "gazette:collect-" + RUNS.incrementAndGet() + "-";
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, name + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(run::work));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException("interrupted while collecting", e);
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a collecting thread failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return Arrays.asList(run.results);
    }

    /** One worker: take the next source a host has room for, collect it, until none is left. */
    private void work() {
        for (Integer next = next(); next != null; next = next()) {
            SourceConfig source = sources.get(next);
            Collector.Attempt attempt;
            try {
                attempt = collect.apply(source);
            } catch (RuntimeException e) { // collect records its own failures; this is a last resort
                attempt = new Collector.Attempt(new SourceResult(source.id(), SourceResult.Status.FAILED, 0, 0, 0, 0,
                        "unexpected error: " + e, java.time.Duration.ZERO));
            }
            finished(next, attempt);
        }
    }

    private synchronized Integer next() {
        while (unfinished > 0) {
            for (int tried = 0; tried < hosts.size(); tried++) {
                String host = hosts.get(cursor);
                cursor = (cursor + 1) % hosts.size();
                ArrayDeque<Integer> queue = waiting.get(host);
                if (queue.isEmpty()) {
                    continue;
                }
                Instant until = askedToWait.get(host);
                if (until != null) {
                    skip(host, queue, until);
                    continue;
                }
                int busy = running.getOrDefault(host, 0);
                if (host.equals(LOCAL) || busy < perHost) {
                    running.put(host, busy + 1);
                    return queue.poll();
                }
            }
            if (unfinished == 0) {
                break;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        notifyAll();
        return null;
    }

    private synchronized void finished(int index, Collector.Attempt attempt) {
        results[index] = attempt.result();
        String host = host(sources.get(index));
        running.merge(host, -1, Integer::sum);
        if (attempt.hostRetryAfter() != null && !host.equals(LOCAL)) {
            askedToWait.merge(host, attempt.hostRetryAfter(), (a, b) -> a.isAfter(b) ? a : b);
        }
        unfinished--;
        notifyAll();
    }

    /** The host's sources still waiting are not tried in this run: the host asked to be left alone. */
    private void skip(String host, ArrayDeque<Integer> queue, Instant until) {
        while (!queue.isEmpty()) {
            int index = queue.poll();
            results[index] = SourceResult.notTried(sources.get(index).id(), SourceResult.Status.BACKING_OFF,
                    "not tried: " + host + " asked to be left alone until " + until + " (Retry-After)");
            unfinished--;
        }
    }

    /** The host a source is fetched from, lower case; {@link #LOCAL} for file: and classpath: sources. */
    static String host(SourceConfig source) {
        try {
            URI uri = URI.create(source.url());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.getHost().toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException e) {
            // not a URI: the fetch fails and says why
        }
        return LOCAL;
    }
}
