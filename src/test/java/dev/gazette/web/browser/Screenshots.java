package dev.gazette.web.browser;

import dev.gazette.testing.Browser;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Screenshots of Gazette's pages for the README, taken by the browser tests as they pass the pages. They are
 * written only when asked for, with the system property {@value #PROPERTY} naming the directory:
 *
 * <pre>mvn -B -o test -Dtest='dev.gazette.web.browser.*Test' -Dgazette.screenshots=docs/screenshots</pre>
 *
 * Without it the tests run the same and write nothing. Each screenshot shows the whole page (the window is made
 * as tall as the page, up to {@value #MAX_HEIGHT} px, and restored after), at the browser's width.
 */
final class Screenshots {
    static final String PROPERTY = "gazette.screenshots";
    static final int MAX_HEIGHT = 2400;

    private Screenshots() {}

    /** The directory screenshots go to, or null when none are wanted. */
    static Path directory() {
        String dir = System.getProperty(PROPERTY, "");
        return dir.isBlank() ? null : Path.of(dir);
    }

    static void take(Browser browser, String name) {
        Path dir = directory();
        if (dir == null) {
            return;
        }
        WebDriver driver = browser.driver();
        Dimension window = driver.manage().window().getSize();
        List<?> heights = (List<?>) ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollHeight, window.innerHeight];");
        long page = ((Number) heights.get(0)).longValue();
        long viewport = ((Number) heights.get(1)).longValue();
        // The window is taller than the part that shows the page by the browser's own frame.
        int tall = (int) Math.min(MAX_HEIGHT, Math.max(window.getHeight(), page + window.getHeight() - viewport));
        try {
            driver.manage().window().setSize(new Dimension(window.getWidth(), tall));
            browser.screenshot(dir.resolve(name + ".png"));
        } finally {
            driver.manage().window().setSize(window);
        }
    }
}
