package org.haven.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh profile, pointed
 * at the Haven that Arquillian started, plus the few moves the journeys need: open a page, fill a field, press a
 * button and wait for the next page. Waits are explicit ({@link WebDriverWait}); nothing sleeps.
 *
 * <p>System properties (all optional): {@code chromium.binary} (default {@code /usr/bin/chromium}),
 * {@code webdriver.chrome.driver} (default {@code /usr/bin/chromedriver}), {@code browser.wait.seconds}
 * (default 30), {@code browser.screenshots} (default {@code target/browser-screenshots}).
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("browser.screenshots", "target/browser-screenshots"));
    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("browser.wait.seconds", 30));

    /**
     * Quiets Selenium's "Unable to find CDP implementation matching ..." warnings: Debian's Chromium is newer
     * than the DevTools bindings Selenium ships, and these tests use WebDriver only, never DevTools. Kept in a
     * field so the configured loggers are not collected.
     */
    private static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools", "org.openqa.selenium.chromium")
            .map(Logger::getLogger).peek(l -> l.setLevel(Level.SEVERE)).toList();

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final URI base;
    private final Path profile;
    private final boolean javascript;

    Browser(URL base, boolean javascript) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Headless Chromium is missing: expected " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver)");
        }
        // The Debian driver, never Selenium Manager (it would try to download one).
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        String root = base.toString();
        this.base = URI.create(root.endsWith("/") ? root : root + "/");
        this.javascript = javascript;
        try {
            this.profile = Files.createTempDirectory("haven-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--window-size=1280,1024", "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        this.wait = new WebDriverWait(driver, WAIT);
    }

    WebDriver driver() {
        return driver;
    }

    boolean javascript() {
        return javascript;
    }

    WebDriverWait await() {
        return wait;
    }

    /** Opens a path of the site (e.g. {@code "/sign-up"}) and waits for its main content. */
    void open(String path) {
        driver.get(url(path));
        wait.until(d -> "complete".equals(script("return document.readyState;")));
        mainContent();
    }

    String url(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path).toString();
    }

    /** The path (and query) of the page shown, e.g. {@code /threads/12?page=1}. */
    String currentPath() {
        URI now = URI.create(driver.getCurrentUrl());
        return now.getRawPath() + (now.getRawQuery() == null ? "" : "?" + now.getRawQuery());
    }

    /** The main content of a Haven page; a wait that fails says what the browser shows instead. */
    WebElement mainContent() {
        return new WebDriverWait(driver, WAIT).withMessage(() -> "a Haven page with <main id=\"main\">, but the browser shows "
                + describePage()).until(ExpectedConditions.visibilityOfElementLocated(By.id("main")));
    }

    /** URL, HTTP status, title and the start of the visible text of the page shown, for failure messages. */
    String describePage() {
        try {
            String text = driver.findElement(By.tagName("body")).getText().strip().replaceAll("\\s+", " ");
            return driver.getCurrentUrl() + " (HTTP " + status() + ", title \"" + driver.getTitle() + "\"): "
                    + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        } catch (RuntimeException e) {
            return driver.getCurrentUrl() + " (could not be read: " + e.getClass().getSimpleName() + ")";
        }
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Replaces what a field holds with {@code text}, as a person would (select, type). */
    void type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
    }

    String valueOf(By field) {
        return find(field).getDomProperty("value");
    }

    /** Follows a link and waits until the next page has replaced this one. */
    void follow(By link) {
        leaveWith(find(link));
    }

    /** Presses a button (a form submit) and waits until the next page has replaced this one. */
    void press(By button) {
        leaveWith(wait.until(ExpectedConditions.elementToBeClickable(button)));
    }

    /** A button whose visible text is {@code label}. */
    static By button(String label) {
        return By.xpath("//button[normalize-space()='" + label + "']");
    }

    private void leaveWith(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        wait.until(replaced(page));
        wait.until(d -> "complete".equals(script("return document.readyState;")));
        mainContent();
    }

    /**
     * The document that held {@code old} has been replaced. Like {@code ExpectedConditions.stalenessOf}, but
     * also reads ChromeDriver's "Node with given id does not belong to the document", which it sometimes answers
     * instead of a stale-element error while a navigation is committing.
     */
    private static ExpectedCondition<Boolean> replaced(WebElement old) {
        return new ExpectedCondition<>() {
            @Override
            public Boolean apply(WebDriver d) {
                try {
                    old.isEnabled();
                    return false;
                } catch (StaleElementReferenceException | NoSuchElementException e) {
                    return true;
                } catch (WebDriverException e) {
                    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return true;
                    }
                    throw e;
                }
            }

            @Override
            public String toString() {
                return "the next page to replace this one";
            }
        };
    }

    /**
     * The HTTP status of the page shown, from the Navigation Timing entry ({@code responseStatus}); read through
     * WebDriver's script channel, which works even when the page's own scripts are off.
     */
    Integer status() {
        Object status = ((JavascriptExecutor) driver).executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null;");
        return status == null ? null : ((Number) status).intValue();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves a screenshot and the page source under target/browser-screenshots/ (best effort). */
    void snapshot(String name) {
        String file = name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(file + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(file + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("[browser] screenshot of the failing page: " + png.toAbsolutePath());
        } catch (RuntimeException | IOException e) {
            System.err.println("[browser] could not save a screenshot for " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
