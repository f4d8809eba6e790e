package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.Browser;
import dev.gazette.testing.FixtureServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The browser harness works: Debian's Chromium, driven by Selenium, renders a page served on localhost. */
class BrowserSmokeTest {
    @Test
    void chromiumRendersALocalPageAndRunsNoNetworkOfItsOwn() {
        try (FixtureServer server = new FixtureServer();
                Browser browser = Browser.open(800, 600)) {
            server.route("/hello", FixtureServer.Route.ok("<!DOCTYPE html><html><body><h1 id=t>안녕 Gazette</h1></body></html>",
                    "text/html; charset=utf-8"));

            browser.driver().get(server.uri("/hello").toString());

            assertThat(browser.driver().findElement(By.id("t")).getText()).isEqualTo("안녕 Gazette");
        }
    }
}
