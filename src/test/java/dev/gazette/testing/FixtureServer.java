package dev.gazette.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on the loopback interface that serves test fixtures, honours conditional
 * requests, and records every request it received. Routes can be changed while it runs.
 */
public final class FixtureServer implements AutoCloseable {

    /** A response: status, body, content type, validators and extra headers; delayMillis before answering. */
    public record Route(int status, byte[] body, String contentType, String etag, String lastModified,
            Map<String, String> headers, long delayMillis) {

        public static Route ok(byte[] body, String contentType) {
            return new Route(200, body, contentType, null, null, Map.of(), 0);
        }

        public static Route ok(String body, String contentType) {
            return ok(body.getBytes(StandardCharsets.UTF_8), contentType);
        }

        public static Route status(int status) {
            return new Route(status, ("HTTP " + status).getBytes(StandardCharsets.UTF_8), "text/plain", null, null,
                    Map.of(), 0);
        }

        public static Route redirect(String location) {
            return new Route(302, new byte[0], "text/plain", null, null, Map.of("Location", location), 0);
        }

        public Route withEtag(String value) {
            return new Route(status, body, contentType, value, lastModified, headers, delayMillis);
        }

        public Route withLastModified(String value) {
            return new Route(status, body, contentType, etag, value, headers, delayMillis);
        }

        public Route delayedBy(long millis) {
            return new Route(status, body, contentType, etag, lastModified, headers, millis);
        }
    }

    /** What the server was asked. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince, String userAgent) {}

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public FixtureServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Serve a test resource from the classpath. */
    public FixtureServer resource(String path, String resource, String contentType) {
        try (InputStream in = FixtureServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return route(path, Route.ok(in.readAllBytes(), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        var in = exchange.getRequestHeaders();
        requests.add(new Request(path, in.getFirst("If-None-Match"), in.getFirst("If-Modified-Since"),
                in.getFirst("User-Agent")));
        Route route = routes.getOrDefault(path, Route.status(404));
        try {
            if (route.delayMillis() > 0) {
                Thread.sleep(route.delayMillis());
            }
            boolean unchanged = route.status() == 200
                    && (route.etag() != null && route.etag().equals(in.getFirst("If-None-Match"))
                    || route.lastModified() != null && route.lastModified().equals(in.getFirst("If-Modified-Since")));
            var out = exchange.getResponseHeaders();
            route.headers().forEach(out::add);
            if (route.etag() != null) {
                out.add("ETag", route.etag());
            }
            if (route.lastModified() != null) {
                out.add("Last-Modified", route.lastModified());
            }
            if (unchanged) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            out.add("Content-Type", route.contentType());
            exchange.sendResponseHeaders(route.status(), route.body().length == 0 ? -1 : route.body().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(route.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client gave up (a timeout test); nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
