package dev.gazette.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.testing.Browser;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Someone at Gazette's pages in a real browser: opens a page, waits for what it shows, fills in fields and presses
 * buttons, and waits for the page that follows. Every wait is explicit (WebDriverWait), never a pause.
 */
final class Visitor {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final Browser browser;
    private final ChromeDriver driver;
    private final String base;

    Visitor(Browser browser, String base) {
        this.browser = browser;
        this.driver = browser.driver();
        this.base = base;
    }

    Browser browser() {
        return browser;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Open a path of this Gazette (or a whole address, e.g. a link from an email) and wait for an element of it. */
    WebElement open(String pathOrUrl, String expectedId) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return await(expectedId);
    }

    /** Wait until the element with this id is on the page and visible. */
    WebElement await(String id) {
        try {
            return until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            throw new AssertionError("no #" + id + " on " + driver.getCurrentUrl() + ", which shows: " + pageText(), e);
        }
    }

    /** What the page shows, for a failure message. */
    String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(nothing readable: " + e.getMessage() + ")";
        }
    }

    /** Wait until the condition holds (a non-null, non-false value), ignoring elements replaced by a page load. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(condition);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String id) {
        return byId(id).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Type into a text field, replacing what it held. */
    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Tick or untick a checkbox by clicking it (as a person does) until it is as wanted. */
    void check(String id, boolean checked) {
        WebElement box = byId(id);
        if (box.isSelected() != checked) {
            box.click();
        }
        assertThat(box.isSelected()).as(id).isEqualTo(checked);
    }

    /** Choose the option of a select by its value. */
    void select(String id, String value) {
        new Select(byId(id)).selectByValue(value);
    }

    /** The value of a select (read at once: Selenium's Select asks each of its hundreds of options in turn). */
    String selected(String id) {
        return byId(id).getDomProperty("value");
    }

    /** Click something that leaves the page (a submit button, a link) and wait for the next page's element. */
    WebElement click(WebElement element, String expectedId) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        until(d -> gone(page));
        return await(expectedId);
    }

    /** Whether the element's page was replaced; null while it is still there (or the browser is between pages). */
    private static Boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return null;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            return null; // mid-navigation the driver may answer "node does not belong to the document": ask again
        }
    }

    WebElement click(String id, String expectedId) {
        return click(byId(id), expectedId);
    }

    /** No script dialog is open: nothing on the page ran an {@code alert}. */
    void assertNoAlert() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** The page is no wider than the window: nothing to scroll sideways. */
    void assertNoHorizontalScroll() {
        Object fits = ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        List<?> widths = (List<?>) fits;
        long scrollWidth = ((Number) widths.get(0)).longValue();
        long innerWidth = ((Number) widths.get(1)).longValue();
        assertThat(scrollWidth).as("page width at a window %d px wide (%s)", innerWidth, driver.getCurrentUrl())
                .isLessThanOrEqualTo(innerWidth);
    }

    /** The window's inner width in CSS pixels, as a page sees it. */
    long innerWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).longValue();
    }

    /** The current address without its query. */
    String currentPath() {
        String url = driver.getCurrentUrl();
        int query = url.indexOf('?');
        return url.substring(base.length(), query < 0 ? url.length() : query);
    }

    /** Save a screenshot of the whole page under this name, if screenshots are wanted ({@link Screenshots}). */
    void screenshot(String name) {
        Screenshots.take(browser, name);
    }
}
