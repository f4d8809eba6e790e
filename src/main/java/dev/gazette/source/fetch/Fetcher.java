package dev.gazette.source.fetch;

import dev.gazette.Sha256;
import dev.gazette.config.ByteSize;
import dev.gazette.config.Durations;
import dev.gazette.config.FetchConfig;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a source's bytes from http(s):, file: or classpath: addresses, with timeouts, a size cap,
 * a bounded number of redirects and conditional requests. Every failure is a {@link SourceException}
 * that says what happened in plain words.
 */
public final class Fetcher {
    private final FetchConfig config;
    private final HttpClient client;
    private final String limitName;

    public Fetcher(FetchConfig config) {
        this.config = config;
        this.limitName = "the " + config.maxBytes() + " limit (fetch.max-bytes)";
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public FetchResult fetch(URI uri, Validators validators) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> fetchHttp(uri, validators);
            case "file" -> unlessUnchanged(new FetchedDocument(uri, readFile(uri), null), validators);
            case "classpath" -> unlessUnchanged(new FetchedDocument(uri, readResource(uri), null), validators);
            default -> throw new SourceException("cannot fetch '" + uri + "': only http:, https:, file: and classpath: addresses");
        };
    }

    private FetchResult fetchHttp(URI start, Validators validators) {
        URI uri = start;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = send(request(uri, validators));
            int status = response.statusCode();
            if (status == 304) {
                return new FetchResult.NotModified();
            }
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new SourceException("HTTP " + status + " without a Location header"));
                if (redirects >= config.maxRedirects()) {
                    throw new SourceException("more than " + config.maxRedirects()
                            + " redirects (fetch.max-redirects); the last pointed to " + location);
                }
                uri = uri.resolve(location.strip());
                if (!uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")) {
                    throw new SourceException("redirected to a non-web address: " + uri);
                }
                continue;
            }
            if (status == 429 || status == 503) {
                Duration wait = RetryAfter.of(response.headers(), Instant.now()).orElse(null);
                throw wait == null ? new SourceException("HTTP " + status + " from " + uri)
                        : new SourceException("HTTP " + status + " from " + uri + "; the site asks to wait "
                                + Durations.format(wait) + " (Retry-After)", wait);
            }
            if (status < 200 || status >= 300) {
                throw new SourceException("HTTP " + status + " from " + uri);
            }
            byte[] body = decode(response);
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return new FetchResult.Fetched(new FetchedDocument(uri, body, contentType),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpRequest request(URI uri, Validators validators) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept-Encoding", "gzip")
                .GET();
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        return request.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        long cap = config.maxBytes().bytes();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > cap) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            return new CappedBodySubscriber(cap, limitName);
        });
        try {
            HttpResponse<byte[]> response = future.get(config.connectTimeout().plus(config.readTimeout()).toMillis(),
                    TimeUnit.MILLISECONDS);
            if (response.body() == null && response.statusCode() < 300) {
                throw new SourceException("the response is larger than " + limitName);
            }
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SourceException("no complete response from " + request.uri() + " within "
                    + Durations.format(config.connectTimeout().plus(config.readTimeout())) + " (fetch.read-timeout)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while fetching " + request.uri());
        } catch (ExecutionException e) {
            throw failure(request.uri(), e.getCause());
        }
    }

    private SourceException failure(URI uri, Throwable cause) {
        if (cause instanceof SourceException source) {
            return source;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new SourceException("could not connect to " + uri.getHost() + " within "
                    + Durations.format(config.connectTimeout()) + " (fetch.connect-timeout)", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new SourceException("no response from " + uri + " within "
                    + Durations.format(config.readTimeout()) + " (fetch.read-timeout)", cause);
        }
        if (cause instanceof ConnectException) {
            return new SourceException("could not connect to " + uri.getHost() + ": connection refused", cause);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SourceException("fetching " + uri + " failed: " + message, cause);
    }

    private byte[] decode(HttpResponse<byte[]> response) {
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        if (!gzip) {
            return response.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return readCapped(in);
        } catch (IOException e) {
            throw new SourceException("the gzip-compressed response is corrupt: " + e.getMessage(), e);
        }
    }

    private byte[] readFile(URI uri) {
        Path path = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
        try {
            if (Files.size(path) > config.maxBytes().bytes()) {
                throw new SourceException("the file is larger than " + limitName);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return readCapped(in);
            }
        } catch (NoSuchFileException e) {
            throw new SourceException("no such file: " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new SourceException("cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private byte[] readResource(URI uri) {
        String name = uri.getSchemeSpecificPart().replaceFirst("^/+", "");
        try (InputStream in = Fetcher.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new SourceException("no resource " + name + " is bundled with Gazette");
            }
            return readCapped(in);
        } catch (IOException e) {
            throw new SourceException("cannot read the bundled resource " + name + ": " + e.getMessage(), e);
        }
    }

    private byte[] readCapped(InputStream in) throws IOException {
        ByteSize cap = config.maxBytes();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap.bytes() + 1));
        if (body.length > cap.bytes()) {
            throw new SourceException("the content is larger than " + limitName);
        }
        return body;
    }

    /** For file and classpath sources a digest of the bytes stands in for an ETag. */
    private static FetchResult unlessUnchanged(FetchedDocument document, Validators validators) {
        String digest = "sha256:" + Sha256.hex(document.body());
        if (digest.equals(validators.etag())) {
            return new FetchResult.NotModified();
        }
        return new FetchResult.Fetched(document, digest, null);
    }
}
