package se.susam.inloggning.tjanstekort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * A person with a tjänstekort logs in with Chromium: the card's PKCS#12 imported into the NSS
 * database Chromium reads on Linux ({@code $HOME/.pki/nssdb}, with Debian's {@code libnss3-tools}),
 * the test root trusted there for the connector's server certificate, and the managed policy
 * AutoSelectCertificateForUrls answering "Välj certifikat för autentisering" for the certificate
 * connector's address, as AF's IT would set it. Headless Chromium, real TLS, real OCSP.
 */
class TjanstekortBrowserTest extends CertificateLoginContext {

    private static final Path POLICY_DIRECTORY = Path.of("/etc/chromium/policies/managed");

    @Autowired
    TestRegistry registry;

    private ChromeDriver driver;
    private Path policy;

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (policy != null) {
            Files.deleteIfExists(policy);
        }
    }

    private static void run(Path home, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    /** A home directory whose NSS database holds the card and trusts the test root. */
    private static Path homeWithCard(DemoCa.Card card) throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/pk12util")).as("Debian package libnss3-tools (certutil, pk12util)").exists();
        Path home = Files.createTempDirectory("sus-chromium-home");
        Path nssdb = Files.createDirectories(home.resolve(".pki/nssdb"));
        Path p12 = home.resolve("card.p12");
        Files.write(p12, card.pkcs12(TestPki.PASSWORD.toCharArray()));
        Path root = home.resolve("root.pem");
        Files.writeString(root, DemoCa.pem(PKI.root.certificate()));
        String db = "sql:" + nssdb;
        run(home, "certutil", "-N", "-d", db, "--empty-password");
        run(home, "certutil", "-A", "-d", db, "-n", "SUS Test Root", "-t", "C,,", "-i", root.toString());
        run(home, "pk12util", "-i", p12.toString(), "-d", db, "-W", TestPki.PASSWORD);
        return home;
    }

    /** Chromium's managed policy: pick the FK card for the certificate connector, never ask. */
    private Path autoSelectPolicy() throws IOException {
        Files.createDirectories(POLICY_DIRECTORY);
        String rule = "{\\\"pattern\\\":\\\"" + PKI.certificateUrl()
                + "\\\",\\\"filter\\\":{\\\"ISSUER\\\":{\\\"CN\\\":\\\"Försäkringskassan Test Tjänstekort CA\\\"}}}";
        Path file = POLICY_DIRECTORY.resolve("sus-tjanstekort-test-" + PKI.certificatePort + ".json");
        Files.writeString(file, "{\"AutoSelectCertificateForUrls\": [\"" + rule + "\"]}");
        return file;
    }

    @Test
    void fkStaffWhenClickingTjanstekortFkWithTheCardInsertedThenLandsInSus() throws Exception {
        Person person = registry.person("Cecilia", "Kortsson");
        registry.registry().addGrant(person.id(), registry.organisation(), Set.of(Role.INSATSANSVARIG),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), AccessStatus.ACTIVE, Optional.empty());
        Path home = homeWithCard(PKI.fk.card(PKI.fkProfile(person.personnummer())));
        policy = autoSelectPolicy();

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .withEnvironment(Map.of("HOME", home.toString())).build();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(List.of(
                "--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + home.resolve("profile")));
        driver = new ChromeDriver(service, options);

        driver.get(PKI.siteUrl() + "/login");
        driver.findElement(By.partialLinkText("Tjänstekort FK")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlToBe(PKI.siteUrl() + "/sus"));
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Välkommen, Cecilia Kortsson", "Tjänstekort FK");
    }
}
