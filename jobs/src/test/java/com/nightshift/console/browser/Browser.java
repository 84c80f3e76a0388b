package com.nightshift.console.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

import com.nightshift.support.TestUsers;

/**
 * One browser on the console, in one engine: opens pages by path, logs in through the form, finds elements by CSS,
 * waits for a page to show something by reloading it, and saves what it shows. Closing it quits the browser.
 */
final class Browser implements AutoCloseable {

    /** Where pictures of the pages go, for a person to look at. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Generous: a job run on a busy build machine shares two cores with the rest of the build. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** The window's height beyond the page it shows (headless Chromium's window frame). */
    private static final int WINDOW_FRAME = 150;
    /** Pictures no taller than this: a thousand rows would make a picture no one looks at. */
    private static final int TALLEST = 4000;

    private final Engine engine;
    private final WebDriver driver;
    private final String base;

    Browser(Engine engine, int port) {
        this.engine = engine;
        this.driver = engine.start();
        this.base = "http://localhost:" + port;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Logs in through the form; where the browser lands is up to the console. */
    public Browser logIn(TestUsers login) {
        return logIn(login.user(), login.password());
    }

    public Browser logIn(String name, String password) {
        open("/login");
        find("#username").sendKeys(name);
        find("#password").sendKeys(password);
        return press("#log-in");
    }

    /**
     * Clicks a button or link that leads to another page, and waits for that page: a browser may return from the
     * click before it has left the page (Chromium does). Asked in the middle of the navigation, Chromium may
     * answer "node does not belong to the document" rather than "stale": asked again, it says stale.
     */
    public Browser press(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        new FluentWait<>(driver).withTimeout(PATIENCE).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(page));
        return this;
    }

    /** The one element; fails the test naming the selector and the page if it is missing. */
    public WebElement find(String css) {
        List<WebElement> found = all(css);
        if (found.isEmpty()) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ":\n" + text());
        }
        return found.get(0);
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !all(css).isEmpty();
    }

    /**
     * Gives a form's field a value as a reader would: picks it in a select, types it elsewhere. A date field is
     * set directly, since what a reader types into one depends on the browser's locale.
     */
    public Browser fill(String css, String value) {
        WebElement field = find(css);
        if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(value);
        } else if ("date".equals(field.getAttribute("type"))) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
        return this;
    }

    /** Reloads the page until it shows {@code css} (pages do not update themselves), then returns it. */
    public WebElement reloadUntil(String css) {
        return new FluentWait<>(driver).withTimeout(PATIENCE).pollingEvery(Duration.ofMillis(500))
                .withMessage(() -> css + " on " + driver.getCurrentUrl() + ", showing:\n" + text())
                .until(browser -> {
                    if (!has(css)) {
                        browser.navigate().refresh();
                    }
                    return all(css).stream().findFirst().orElse(null);
                });
    }

    /** The path of the page shown, without the query. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Saves the page shown as {@code <engine>-<page>.png}; an engine that draws nothing (HtmlUnit) saves its
     * source as {@code .html} instead, which still shows what the reader was given.
     */
    public void save(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            if (driver instanceof TakesScreenshot camera) {
                showWholePage();
                Files.write(SCREENSHOTS.resolve(engine.label() + "-" + page + ".png"),
                        camera.getScreenshotAs(OutputType.BYTES));
            } else {
                Files.writeString(SCREENSHOTS.resolve(engine.label() + "-" + page + ".html"),
                        driver.getPageSource(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the window as tall as the page, so that the picture shows all of it, not the first screen only. */
    private void showWholePage() {
        Object height = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollHeight");
        int wanted = Math.max(Engine.WINDOW.height, ((Number) height).intValue() + WINDOW_FRAME);
        driver.manage().window().setSize(new Dimension(Engine.WINDOW.width, Math.min(wanted, TALLEST)));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
