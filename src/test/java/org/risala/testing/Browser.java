package org.risala.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
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
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for all browser tests of a JVM:
 * starting it costs seconds, so it is started on first use and quit when the JVM ends. Tests share it one after
 * the other; {@link #signOut()} gives the next test a browser without a session.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static WebDriver driver;

    private Browser() {
    }

    public static synchronized WebDriver driver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    public static void open(int port, String path) {
        driver().get("http://localhost:" + port + path);
    }

    /** signs in through the login form, after dropping any earlier session */
    public static void signIn(int port, String username, String password) {
        signOut();
        open(port, "/login");
        WebDriver d = driver();
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys(password);
        String form = d.getCurrentUrl();
        d.findElement(By.cssSelector("form button[type=submit]")).click();
        // a click does not always wait for the navigation it starts; the next page is /login?error or the target
        waitUntil(ExpectedConditions.not(ExpectedConditions.urlToBe(form)));
    }

    /** for what the implicit wait of findElement does not cover: a new URL, or new text in an element that exists */
    public static <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), Duration.ofSeconds(5)).until(condition);
    }

    /**
     * Waits until the element has left the page, e.g. replaced by the next page after a click. Chromium reports an
     * element of a page that is just being replaced not always as stale but sometimes as "does not belong to the
     * document"; both mean it is gone.
     */
    public static void waitUntilGone(WebElement element) {
        waitUntil(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException e) {
                return true;
            }
        });
    }

    public static void signOut() {
        driver().manage().deleteAllCookies();
    }

    public static WebElement find(By by) {
        return driver().findElement(by);
    }

    public static String pageSource() {
        return driver().getPageSource();
    }

    private static WebDriver start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("risala-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // elements of a page that is still loading are waited for; absence checks use findElements on a loaded page
        chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            chrome.quit();
            delete(profile);
        }, "browser-shutdown"));
        return chrome;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
