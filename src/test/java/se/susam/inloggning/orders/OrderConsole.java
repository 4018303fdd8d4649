package se.susam.inloggning.orders;

import static se.susam.inloggning.testsupport.CookieCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.StaffLogins;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * The console's order pages as staff use them in a test: two organisations, a beställare for each,
 * two behörighetsadministratörer and a Kundcenter member, all real registry persons with their
 * staff roles, and MockMvc requests in their sessions.
 */
class OrderConsole {

    private static final Pattern PASSWORD = Pattern.compile("är ([A-Za-z0-9]{8})");

    final MockMvc mvc;
    final TestRegistry registry;
    final JdbcClient jdbc;
    final Organisation orgA;
    final Organisation orgB;
    final Person ordererA;
    final Person ordererB;
    final Person admin;
    final Person otherAdmin;
    final Person kundcenter;

    OrderConsole(MockMvc mvc, TestRegistry registry, JdbcClient jdbc) {
        this.mvc = mvc;
        this.registry = registry;
        this.jdbc = jdbc;
        this.orgA = registry.organisation();
        this.orgB = registry.organisation();
        this.ordererA = staff("Beata", "Beställare", StaffRole.BESTALLARE, orgA);
        this.ordererB = staff("Bo", "Beställare", StaffRole.BESTALLARE, orgB);
        this.admin = staff("Agnes", "Admin", StaffRole.BEHORIGHETSADMINISTRATOR, null);
        this.otherAdmin = staff("Arvid", "Admin", StaffRole.BEHORIGHETSADMINISTRATOR, null);
        this.kundcenter = staff("Karin", "Kundcenter", StaffRole.KUNDCENTER, null);
    }

    Person staff(String given, String family, StaffRole role, Organisation organisation) {
        Person person = registry.person(given, family);
        registry.registry().addStaffRole(person.id(), role, Optional.ofNullable(organisation));
        return person;
    }

    /** The session's console role names of a fixture person. */
    String[] rolesOf(Person person) {
        return registry.registry().staffRolesOf(person.id()).stream().map(StaffRole::name).toArray(String[]::new);
    }

    /** A complete, valid blankett for {@code organisation}: SMS login, Insatsansvarig, a year from today. */
    static Map<String, String> validFields(Organisation organisation, Personnummer personnummer, String mobile) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("personnummer", personnummer.value());
        fields.put("fornamn", "Olle");
        fields.put("efternamn", "Ordersson");
        fields.put("epost", "olle.ordersson@kommun.se");
        fields.put("mobil", mobile);
        fields.put("organisation", Long.toString(organisation.id()));
        fields.put("roller", "INSATSANSVARIG");
        fields.put("metod", "sms");
        fields.put("startdatum", LocalDate.now().toString());
        fields.put("slutdatum", LocalDate.now().plusYears(1).toString());
        return fields;
    }

    MockHttpServletResponse submit(Person orderer, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/console/bestallningar/ny").with(as(orderer)).with(csrf());
        fields.forEach((name, value) -> {
            if (name.equals("roller")) {
                for (String role : value.split(",")) {
                    if (!role.isEmpty()) {
                        request.param("roller", role);
                    }
                }
            } else {
                request.param(name, value);
            }
        });
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Submits a valid order and returns its id (from the redirect to the order). */
    long order(Person orderer, Map<String, String> fields) throws Exception {
        MockHttpServletResponse response = submit(orderer, fields);
        if (response.getStatus() != 302) {
            throw new AssertionError("Order not submitted: " + response.getStatus() + " " + response.getContentAsString());
        }
        String location = response.getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1, location.indexOf('?')));
    }

    long orderFor(Personnummer personnummer, String mobile) throws Exception {
        return order(ordererA, validFields(orgA, personnummer, mobile));
    }

    MockHttpServletResponse open(Person staff, String path) throws Exception {
        return mvc.perform(get(path).with(as(staff))).andReturn().getResponse();
    }

    MockHttpServletResponse postAs(Person staff, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(as(staff)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    MockHttpServletResponse approve(Person staff, long orderId) throws Exception {
        return postAs(staff, "/console/bestallningar/" + orderId + "/godkann");
    }

    org.springframework.test.web.servlet.request.RequestPostProcessor as(Person person) {
        return StaffLogins.staff(person, rolesOf(person));
    }

    String status(long orderId) {
        return jdbc.sql("SELECT status FROM access_order WHERE id = :id").param("id", orderId).query(String.class).single();
    }

    Optional<String> firstPassword(long orderId) {
        return jdbc.sql("SELECT first_password FROM access_order WHERE id = :id").param("id", orderId)
                .query(String.class).optional();
    }

    long ordersOf(Personnummer personnummer) {
        return jdbc.sql("SELECT COUNT(*) FROM access_order WHERE personnummer = :p").param("p", personnummer.value())
                .query(Long.class).single();
    }

    List<Map<String, Object>> audit(String type, Personnummer subject) {
        return jdbc.sql("SELECT * FROM audit_event WHERE event_type = :t AND personnummer = :p ORDER BY id")
                .param("t", type).param("p", subject.value()).query().listOfRows();
    }

    List<String> smsTextsTo(String e164) {
        return jdbc.sql("SELECT text FROM sms_outbox WHERE to_e164 = :to ORDER BY id DESC").param("to", e164)
                .query(String.class).list();
    }

    /** The master password in the newest first-password SMS to {@code e164}. */
    String passwordSentTo(String e164) {
        String text = smsTextsTo(e164).getFirst();
        Matcher m = PASSWORD.matcher(text);
        if (!m.find()) {
            throw new AssertionError("No master password in the SMS");
        }
        return m.group(1);
    }
}
