package se.susam.inloggning.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/**
 * What a test does in Chromium, in the words of the pages: open a path, click the link or button
 * with this text, fill the field with this label. Finding fields by their label text also checks
 * that every field has one.
 */
public final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final String baseUrl;

    Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public Browser open(String pathAndQuery) {
        driver.get(baseUrl + pathAndQuery);
        return this;
    }

    /** The path of the page shown, without query. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    public String heading() {
        return element("h1").getText();
    }

    /** The text a sighted user sees (closed details and hidden elements left out). */
    public String text() {
        return element("body").getText();
    }

    public String language() {
        return element("html").getDomAttribute("lang");
    }

    /** The first element matching a CSS selector. */
    public WebElement element(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    /**
     * The first visible link, in document order, whose text is exactly {@code text} or that holds
     * an element with exactly that text (a link with a name and a description).
     */
    public WebElement link(String text) {
        String t = literal(text);
        return visible(By.xpath("//a[normalize-space()=" + t + " or .//*[normalize-space()=" + t + "]]"), "link", text);
    }

    public WebElement button(String text) {
        return visible(By.xpath("//button[normalize-space()=" + literal(text) + "]"), "button", text);
    }

    /** The input a {@code <label>} with exactly this text belongs to. */
    public WebElement field(String label) {
        By byText = By.xpath("//label[normalize-space()=" + literal(label) + "]");
        return driver.findElement(By.id(visible(byText, "label", label).getDomAttribute("for")));
    }

    /** Clicks a link to another page and waits until that page has loaded. */
    public Browser clickLink(String text) {
        WebElement link = link(text);
        return loadingNewPage(link::click);
    }

    /** Clicks a button that submits a form and waits until the answer has loaded. */
    public Browser clickButton(String text) {
        WebElement button = button(text);
        return loadingNewPage(button::click);
    }

    public Browser fill(String label, String value) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Waits until the page at {@code path} is shown (a form post answers with a redirect). */
    public Browser waitForPath(String expectedPath) {
        waitUntil(() -> path().equals(expectedPath) && loaded(), () -> "expected " + expectedPath + ", at " + url());
        return this;
    }

    /**
     * Waits until a loaded page has nothing matching {@code cssSelector}: the browser has moved on
     * from a page that changes by itself (to another page, or to another answer at the same address).
     */
    public Browser waitUntilNo(String cssSelector) {
        waitUntil(() -> loaded() && driver.findElements(By.cssSelector(cssSelector)).isEmpty(),
                () -> "still " + cssSelector + " at " + url());
        return this;
    }

    /**
     * Opens a new tab and shows it, as when another app comes to the front; returns the handle of the
     * tab left behind, for {@link #closeTabAndReturnTo}.
     */
    public String openNewTab() {
        String left = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        return left;
    }

    /** Closes the tab shown and shows the one {@link #openNewTab} left. */
    public Browser closeTabAndReturnTo(String tab) {
        driver.close();
        driver.switchTo().window(tab);
        return this;
    }

    /** What is on screen inside the element, as PNG: what a camera pointed at it would see. */
    public byte[] picture(WebElement element) {
        return element.getScreenshotAs(OutputType.BYTES);
    }

    /** Keys sent to whatever has focus, as a keyboard user presses them. */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Holds Shift down while pressing {@code keys} (Shift+Tab moves focus backwards). */
    public Browser pressWithShift(CharSequence... keys) {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(keys).keyUp(Keys.SHIFT).perform();
        return this;
    }

    /** Presses keys that follow a link or submit a form, and waits until the new page has loaded. */
    public Browser pressToLoadNewPage(CharSequence... keys) {
        return loadingNewPage(() -> press(keys));
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** What the user reads on the phone: the newest one-time code the demo outbox sent there. */
    public String codeSentTo(PhoneNumber mobile) {
        return new WebClient(baseUrl).latestCodeSentTo(mobile.e164());
    }

    /** SMS-inloggning step 1, by mouse: ends on the code page. */
    public Browser startSmsLogin(TestRegistry.SmsUser user) {
        open("/login/sms");
        fill("Personnummer", user.personnummer());
        fill("Lösenord", user.masterPassword());
        clickButton("Logga in");
        return waitForPath("/login/sms/kod");
    }

    /** Both steps of SMS-inloggning, by mouse: ends where the login lands (SUS or no access). */
    public Browser loginWithSms(TestRegistry.SmsUser user) {
        startSmsLogin(user);
        fill("Skriv in ditt engångslösen", codeSentTo(user.mobile()));
        return clickButton("Bekräfta engångslösen");
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String javascript, Object... arguments) {
        return (T) driver.executeScript(javascript, arguments);
    }

    /** Shows the page as on a phone {@code width} CSS pixels wide, until the next test. */
    public Browser asPhone(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 2, "mobile", true));
        return this;
    }

    /** Sends a phone's user agent (Safari on an iPhone), so servers treat this as a phone, until the next test. */
    public Browser withPhoneUserAgent() {
        driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "Version/18.0 Mobile/15E148 Safari/604.1"));
        return this;
    }

    /** Switches JavaScript off in this tab, as some workplaces do, until the next test. */
    public Browser withoutJavaScript() {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        return this;
    }

    /** Whether the page needs sideways scrolling at the current width (WCAG 2.1, 1.4.10 Reflow). */
    public boolean scrollsSideways() {
        Boolean wider = script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        return wider;
    }

    /** The whole page, top to bottom, as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    private Browser loadingNewPage(Runnable action) {
        WebElement current = element("html");
        action.run();
        waitUntil(() -> isGone(current), () -> "no new page, still at " + url());
        waitUntil(this::loaded, () -> "page at " + url() + " did not finish loading");
        return this;
    }

    /**
     * Whether the element's page has been replaced. ChromeDriver reports an element of a page that is
     * going away either as stale or, while the old document is being torn down, as an inspector error.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private boolean loaded() {
        return "complete".equals(script("return document.readyState"));
    }

    private void waitUntil(BooleanSupplier condition, Supplier<String> failure) {
        new WebDriverWait(driver, WAIT).withMessage(failure).until(d -> condition.getAsBoolean());
    }

    private WebElement visible(By by, String kind, String text) {
        List<WebElement> found = driver.findElements(by).stream().filter(WebElement::isDisplayed).toList();
        if (found.isEmpty()) {
            throw new NoSuchElementException("No visible " + kind + " \"" + text + "\" on " + url());
        }
        return found.getFirst();
    }

    /** An XPath string literal for any text (XPath 1.0 has no escapes). */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
