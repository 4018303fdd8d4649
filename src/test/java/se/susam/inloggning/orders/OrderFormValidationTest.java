package se.susam.inloggning.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletResponse;

import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * Blankett 9445 checks every field: each rule answers HTTP 400 with its own ORD code next to the
 * field and in the error summary, shows everything typed again, and writes no order.
 */
@DatabaseTest
class OrderFormValidationTest extends OrderConsoleTestSupport {

    static Stream<Arguments> invalidFields() {
        LocalDate today = LocalDate.now();
        return Stream.of(
                Arguments.of("personnummer", "", "ORD-001", "Ange personnumret för den som ska få behörighet."),
                Arguments.of("personnummer", "1980-01-14", "ORD-002", "Personnumret ska bestå av 12 siffror"),
                Arguments.of("personnummer", "198013149825", "ORD-003", "Personnumret innehåller inget giltigt datum."),
                Arguments.of("personnummer", "198001149826", "ORD-004", "Personnumret är inte giltigt."),
                Arguments.of("personnummer", "209901149825", "ORD-005", "ett datum som inte har inträffat än"),
                Arguments.of("fornamn", " ", "ORD-006", "Ange förnamn."),
                Arguments.of("fornamn", "O".repeat(101), "ORD-007", "Förnamnet får vara högst 100 tecken."),
                Arguments.of("efternamn", "", "ORD-008", "Ange efternamn."),
                Arguments.of("efternamn", "O".repeat(101), "ORD-009", "Efternamnet får vara högst 100 tecken."),
                Arguments.of("epost", "", "ORD-010", "Ange e-postadress."),
                Arguments.of("epost", "olle@kommun", "ORD-011", "Ange en e-postadress i rätt format"),
                Arguments.of("mobil", "08-123 456 78", "ORD-012", "Ange ett svenskt mobilnummer"),
                Arguments.of("mobil", "+47 412 34 567", "ORD-012", "Ange ett svenskt mobilnummer"),
                Arguments.of("mobil", "", "ORD-013", "SMS-inloggning kräver ett mobilnummer."),
                Arguments.of("metod", "", "ORD-014", "Välj inloggningsmetod."),
                Arguments.of("organisation", "999999999", "ORD-015", "Du kan bara beställa behörighet för din egen organisation."),
                Arguments.of("roller", "", "ORD-016", "Välj minst en behörighetsroll."),
                Arguments.of("roller", "SAMVERKANSADMINISTRATOR,DELTAGARANSVARIG", "ORD-017",
                        "Samverkansadministratör och Deltagaransvarig kan inte kombineras."),
                Arguments.of("startdatum", "15/1 2027", "ORD-018", "Ange startdatum i formatet ÅÅÅÅ-MM-DD."),
                Arguments.of("startdatum", today.minusDays(1).toString(), "ORD-019", "Startdatumet kan inte ligga bakåt i tiden."),
                Arguments.of("slutdatum", "", "ORD-020", "Ange slutdatum i formatet ÅÅÅÅ-MM-DD."),
                Arguments.of("slutdatum", today.minusDays(1).toString(), "ORD-021", "Slutdatumet kan inte vara före startdatumet."),
                Arguments.of("slutdatum", today.plusYears(3).plusDays(1).toString(), "ORD-022", "Behörigheten kan gälla i högst 3 år."));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" → {2}")
    @MethodSource("invalidFields")
    void submitWhenAFieldIsInvalidThen400WithItsCodeTheTypedValuesKeptAndNothingWritten(String field, String value,
                                                                                         String code, String message)
            throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        Map<String, String> fields = OrderConsole.validFields(console.orgA, person, "070-174 06 50");
        fields.put("fornamn", "Olle Typad");
        fields.put(field, value);

        MockHttpServletResponse response = console.submit(console.ordererA, fields);

        assertThat(response.getStatus()).isEqualTo(400);
        String page = response.getContentAsString();
        assertThat(page).contains(code, message, "class=\"error-summary\"", "tabindex=\"-1\"");
        assertThat(page).contains("id=\"" + field + "-error\"", "href=\"#" + field + "\"");
        if (!field.equals("fornamn")) {
            assertThat(page).contains("value=\"Olle Typad\"");
        }
        if (!field.equals("epost")) {
            assertThat(page).contains("value=\"olle.ordersson@kommun.se\"");
        }
        if (Stream.of("personnummer", "fornamn", "efternamn", "epost", "mobil", "startdatum", "slutdatum")
                .anyMatch(field::equals)) {
            assertThat(page).contains("value=\"" + value + "\"");
        }
        assertThat(console.ordersOf(person)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_order WHERE ordered_by = :p")
                .param("p", console.ordererA.id()).query(Long.class).single()).isZero();
        assertThat(registry.registry().findPerson(person)).isEmpty();
    }

    @Test
    void submitWhenInvalidThenTheFieldPointsToItsErrorForScreenReaders() throws Exception {
        Map<String, String> fields = OrderConsole.validFields(console.orgA, TestRegistry.uniquePersonnummer(), "");

        String page = console.submit(console.ordererA, fields).getContentAsString();

        assertThat(page).containsPattern("id=\"mobil\"[^>]*aria-describedby=\"mobil-hint mobil-error\"[^>]*aria-invalid=\"true\"");
        assertThat(page).contains("<title>Fel: Beställning användare i SUS</title>", "<label for=\"mobil\">Mobilnummer</label>");
    }

    @Test
    void submitWhenEverythingIsValidThenPendingOrderAndAudited() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();

        long id = console.order(console.ordererA, OrderConsole.validFields(console.orgA, person, "070-174 06 51"));

        assertThat(console.status(id)).isEqualTo("PENDING");
        MockHttpServletResponse page = console.open(console.ordererA, "/console/bestallningar/" + id + "?skickad");
        assertThat(page.getContentAsString()).contains("Inskickad – väntar på godkännande", "Olle Ordersson",
                "Insatsansvarig", "+46701740651");
        assertThat(console.audit("ORDER_VIEW", person)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "SUCCESS"));
        assertThat(console.audit("ORDER_SUBMITTED", person)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("outcome", "SUCCESS");
            assertThat((String) row.get("actor")).contains("Beata Beställare").doesNotContain(
                    console.ordererA.personnummer().value());
            assertThat((String) row.get("details")).contains("INSATSANSVARIG", "SMS på").doesNotContain("1740651");
        });
    }

    @Test
    void submitWhenTheSameOrderIsPendingThenDuplicateRefusedAndNothingWritten() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        Map<String, String> fields = OrderConsole.validFields(console.orgA, person, "070-174 06 52");
        long first = console.order(console.ordererA, fields);

        MockHttpServletResponse again = console.submit(console.ordererA, fields);

        assertThat(again.getStatus()).isEqualTo(400);
        assertThat(again.getContentAsString()).contains("ORD-023",
                "Det finns redan en likadan beställning för den här personen som väntar på godkännande.");
        assertThat(console.ordersOf(person)).isEqualTo(1);
        assertThat(console.status(first)).isEqualTo("PENDING");
    }

    @Test
    void submitWhenAChangedOrderForTheSamePersonThenTheOlderPendingOneIsSuperseded() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long first = console.order(console.ordererA, OrderConsole.validFields(console.orgA, person, "070-174 06 53"));

        long second = console.order(console.ordererA, OrderConsole.validFields(console.orgA, person, "070-174 06 54"));

        assertThat(console.status(first)).isEqualTo("SUPERSEDED");
        assertThat(console.status(second)).isEqualTo("PENDING");
        assertThat(console.open(console.ordererA, "/console/bestallningar/" + first).getContentAsString())
                .contains("Ersatt av en nyare beställning", "ersatt av beställning " + second);
        assertThat(console.audit("ORDER_SUPERSEDED", person)).hasSize(1);
    }

    @Test
    void submitWhenInEnglishThenEnglishMessages() throws Exception {
        Map<String, String> fields = OrderConsole.validFields(console.orgA, TestRegistry.uniquePersonnummer(), "");
        fields.put("lang", "en");

        assertThat(console.submit(console.ordererA, fields).getContentAsString())
                .contains("Enter the mobile number. SMS login needs a mobile number.", "ORD-013");
    }
}
