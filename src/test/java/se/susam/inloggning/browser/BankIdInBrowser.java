package se.susam.inloggning.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.openqa.selenium.By;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * BankID login in Chromium with the demo simulator as the BankID app, for any browser test that
 * needs someone logged in with BankID (staff on their way to the console, say).
 */
public final class BankIdInBrowser {

    static final String WAITING = "/login/bankid/vantar";
    /** The waiting page's status line: gone once the login is over (SUS, no access, or failed). */
    static final String STILL_WAITING = "#bankid-status";

    /** Demo persons the simulated app offers (README, "Demo logins"): access to SUS. */
    public static final String ANNA = "198001149825";
    /** No access to SUS. */
    public static final String FREDRIK = "197212309897";
    /** Access to SUS, and Kundcenter staff. */
    public static final String CECILIA = "196803059879";

    private BankIdInBrowser() {
    }

    /**
     * Puts Anna, Fredrik and Cecilia Ek in the registry as the demo profile has them (tests run
     * without it), unless an earlier test did.
     */
    public static void addDemoPersons(TestRegistry registry) {
        demoPerson(registry, ANNA, "Anna", "Lindqvist").ifPresent(anna -> grant(registry, anna));
        demoPerson(registry, FREDRIK, "Fredrik", "Ahl");
        demoPerson(registry, CECILIA, "Cecilia", "Ek").ifPresent(cecilia -> {
            grant(registry, cecilia);
            registry.registry().addStaffRole(cecilia.id(), StaffRole.KUNDCENTER, Optional.empty());
        });
    }

    private static Optional<Person> demoPerson(TestRegistry registry, String personnummer, String givenName,
                                               String familyName) {
        Personnummer pnr = new Personnummer(personnummer);
        if (registry.registry().findPerson(pnr).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(registry.registry().addPerson(pnr, givenName, familyName, "demo@example.se"));
    }

    private static void grant(TestRegistry registry, Person person) {
        registry.registry().addGrant(person.id(), registry.organisation(),
                Set.of(Role.SAMVERKANSADMINISTRATOR, Role.INSATSANSVARIG), LocalDate.now().minusYears(1),
                LocalDate.now().plusYears(1), AccessStatus.ACTIVE, Optional.empty());
    }

    /**
     * Logs {@code personnummer} in with BankID on this computer, from the method chooser (opened
     * unless it is shown, so a chooser reached by a redirect keeps where the login was asked for):
     * the autostart link opens the simulated app in a tab of its own, as the real link opens the
     * app in front of the browser; the person identifies there, and the waiting page, polling,
     * moves on by itself. Returns when the page after the login is shown (SUS, the console, the
     * no-access page).
     */
    public static Browser logIn(Browser browser, String personnummer) {
        if (!"/login".equals(browser.path())) {
            browser.open("/login");
        }
        browser.clickLink("BankID");
        browser.clickButton("BankID på den här datorn").waitForPath(WAITING);
        String autostart = browser.link("Starta BankID-appen").getDomAttribute("href");
        String waiting = browser.openNewTab();
        browser.open(autostart);
        identifyInApp(browser, personnummer);
        return browser.closeTabAndReturnTo(waiting).waitUntilNo(STILL_WAITING);
    }

    /**
     * In the simulated app, opened on a QR code or an autostart link already filled in: chooses the
     * demo person with {@code personnummer}, opens the order and identifies.
     */
    static Browser identifyInApp(Browser browser, String personnummer) {
        browser.driver().findElement(By.cssSelector("input[name=person][value='" + personnummer + "']")).click();
        browser.clickButton("Öppna").clickButton("Identifiera");
        return browser;
    }

    /** The QR code shown on the waiting page, read from the screen as the app's camera would. */
    static String scanQr(Browser browser) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(browser.picture(browser.element("#bankid-qr"))));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("the QR code on " + browser.url() + " could not be read", e);
        }
    }
}
