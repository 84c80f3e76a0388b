package com.nightshift.console.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.htmlunit.BrowserVersion;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

/** The browser engines the console is tested in: HtmlUnit always (a Maven dependency), Chromium where installed. */
enum Engine {

    /** Runs the pages' JavaScript but draws nothing: no screenshots, the page source instead. */
    HTMLUNIT {
        @Override
        boolean installed() {
            return true;
        }

        @Override
        WebDriver start() {
            HtmlUnitDriver driver = new HtmlUnitDriver(BrowserVersion.BEST_SUPPORTED, true);
            // The driver's own handler follows a meta refresh inside the page load, so that a page refreshing
            // while a run goes on never finishes loading; the tests reload pages themselves (Browser.reloadUntil).
            driver.getWebClient().setRefreshHandler((page, url, seconds) -> { });
            return driver;
        }
    },

    /**
     * Debian's headless Chromium and its driver, named explicitly: without them Selenium Manager would try to
     * download a browser, and the build machines reach no web but package registries.
     */
    CHROMIUM {
        private static final Path BINARY = Path.of("/usr/bin/chromium");
        private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

        @Override
        boolean installed() {
            return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        }

        @Override
        WebDriver start() {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start;
            // --disable-dev-shm-usage: containers' /dev/shm is 64 MB, too small for a renderer
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                    "--window-size=" + WINDOW.width + "," + WINDOW.height);
            return new ChromeDriver(service, options);
        }

        @Override
        String missing() {
            return super.missing() + ": install Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run does it when run as root)";
        }
    };

    /** A laptop's screen: what a shift lead reads the console on. */
    static final Dimension WINDOW = new Dimension(1366, 900);

    abstract boolean installed();

    /** A new browser; the caller quits it. */
    abstract WebDriver start();

    String label() {
        return name().toLowerCase();
    }

    /** Why the engine's tests are skipped, and how to bring it in. */
    String missing() {
        return label() + " is not installed, its browser tests are skipped";
    }
}
