package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderWorld.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.reader.ReaderWorld.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping alerts from an alert email: one alert ({@code /alerts/stop/}) or all of them ({@code /alerts/stop-all/}).
 * Opening the link changes nothing; the page's button and the RFC 8058 one-click POST (no cookies, no CSRF field,
 * 200 without a redirect or a cookie) pause, leaving the digest alone; forged, tampered and revoked links are refused.
 */
class StopAlertPagesTest {
    @TempDir
    Path dir;

    private ReaderWorld world;
    private Subscriber reader;
    private Alert crispr;
    private Alert vaccine;

    @BeforeEach
    void open() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        reader = world.active("ada@example.org", "Ada", Frequency.WEEKLY, "UTC", "en");
        crispr = world.gazette.alerts().create(reader, "crispr", AlertFrequency.INSTANT);
        vaccine = world.gazette.alerts().create(reader, "vaccine", AlertFrequency.DAILY);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private String stopOne(Alert alert) {
        return "/alerts/stop/" + world.gazette.tokens().issue(TokenPurpose.ALERT, alert.id(), reader.tokenVersion(), null);
    }

    private String stopAll() {
        return "/alerts/stop-all/" + world.gazette.tokens().issue(TokenPurpose.ALERTS, reader);
    }

    private boolean paused(Alert alert) {
        return world.gazette.alerts().find(alert.id()).orElseThrow().paused();
    }

    private HttpResponse<String> oneClick(String path) throws Exception {
        HttpClient robot = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return robot.send(HttpRequest.newBuilder(URI.create(world.base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stoppingOneAlertFromItsPagePausesItAndOffersTheAlertsPage() {
        Page page = world.get(stopOne(crispr));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.document().selectFirst("#stop-heading").text()).isEqualTo("Stop the alert “crispr”?");
        assertThat(paused(crispr)).as("opening the link changes nothing").isFalse();

        assertThat(world.post(stopOne(crispr), form()).status()).as("the page's button needs its CSRF field").isEqualTo(403);
        assertThat(paused(crispr)).isFalse();

        Page stopped = world.follow(world.submit(page, "#stop-form", form()));
        assertThat(stopped.document().selectFirst("#stopped").text()).isEqualTo("The alert “crispr” is stopped");
        assertThat(paused(crispr)).isTrue();
        assertThat(paused(vaccine)).isFalse();
        assertThat(world.subscriber(reader.email()).status()).isEqualTo(SubscriberStatus.ACTIVE);

        Page alerts = world.get(stopped.document().selectFirst("#alerts-link").attr("href"));
        assertThat(alerts.status()).isEqualTo(200);
        assertThat(alerts.document().selectFirst("#alert-" + crispr.id() + " .alert-state").text()).isEqualTo("paused");
        assertThat(alerts.document().selectFirst("#resume-" + crispr.id())).isNotNull();
    }

    @Test
    void oneClickPostsPauseWithoutCookiesRedirectsOrCsrfAndLeaveTheDigest() throws Exception {
        HttpResponse<String> one = oneClick(stopOne(crispr));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Location")).isEmpty();
        assertThat(one.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(paused(crispr)).isTrue();
        assertThat(paused(vaccine)).isFalse();

        Page page = world.get(stopAll());
        assertThat(page.document().selectFirst("#stop-heading").text()).isEqualTo("Stop all your alerts (2)?");
        assertThat(paused(vaccine)).as("opening the link changes nothing").isFalse();

        HttpResponse<String> all = oneClick(stopAll());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Location")).isEmpty();
        assertThat(all.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(paused(crispr)).isTrue();
        assertThat(paused(vaccine)).isTrue();
        Subscriber after = world.subscriber(reader.email());
        assertThat(after.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(after.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(world.get(stopAll()).document().selectFirst("#stopped").text()).isEqualTo("All your alerts are stopped");
    }

    @Test
    void forgedTamperedRevokedAndGoneLinksAreRefusedAndChangeNothing() throws Exception {
        String valid = stopOne(crispr);
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BA" : "AA");
        assertThat(world.get(tampered).status()).isEqualTo(404);
        assertThat(oneClick(tampered).statusCode()).isEqualTo(404);
        assertThat(world.get("/alerts/stop/forged").status()).isEqualTo(404);
        assertThat(world.get("/alerts/stop-all/forged").status()).isEqualTo(404);
        // A token for another purpose (the preference centre's) does not stop alerts.
        String preferencesToken = world.gazette.tokens().issue(TokenPurpose.PREFERENCES, reader);
        assertThat(world.get("/alerts/stop-all/" + preferencesToken).status()).isEqualTo(404);
        assertThat(oneClick("/alerts/stop-all/" + preferencesToken).statusCode()).isEqualTo(404);
        assertThat(paused(crispr)).isFalse();

        String all = stopAll();
        world.gazette.subscribers().revokeTokens(reader.id());
        assertThat(world.get(valid).status()).isEqualTo(410);
        assertThat(world.get(all).status()).isEqualTo(410);
        assertThat(oneClick(valid).statusCode()).isEqualTo(410);
        assertThat(oneClick(all).statusCode()).isEqualTo(410);
        assertThat(paused(crispr)).isFalse();
        assertThat(paused(vaccine)).isFalse();

        reader = world.subscriber(reader.email());
        String deleted = stopOne(vaccine);
        world.gazette.alerts().delete(vaccine.id());
        assertThat(world.get(deleted).status()).isEqualTo(410);
        assertThat(oneClick(deleted).statusCode()).isEqualTo(410);
    }
}
