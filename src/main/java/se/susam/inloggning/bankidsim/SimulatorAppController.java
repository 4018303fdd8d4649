package se.susam.inloggning.bankidsim;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import se.susam.inloggning.demo.DemoIdentities;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;

/**
 * The page where a tester is the BankID app: read a QR code or follow an autostart link, choose
 * who is holding the phone, then "Identifiera" or "Avbryt"; plus the RP API scenarios.
 */
@Controller
@Profile({"demo", "test"})
@RequestMapping("/dev/bankid/app")
class SimulatorAppController {

    static final String OTHER_PERSON = "annan";

    private final SimulatedBankId bankId;

    SimulatorAppController(SimulatedBankId bankId) {
        this.bankId = bankId;
    }

    @GetMapping
    String app(@RequestParam(name = "autostarttoken", required = false) String autoStartToken, Model model) {
        model.addAttribute("code", autoStartToken == null ? "" : autoStartToken);
        return appPage(model, null);
    }

    @PostMapping("/oppna")
    String open(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String person,
                @RequestParam(defaultValue = "") String personnummer, @RequestParam(defaultValue = "") String fornamn,
                @RequestParam(defaultValue = "") String efternamn, @RequestParam(defaultValue = "open") String action,
                @RequestParam(defaultValue = "") String orderRef, Model model) {
        model.addAttribute("code", code);
        Optional<SimulatedBankId.Person> holder = holder(person, personnummer, fornamn, efternamn);
        if (holder.isEmpty()) {
            return appPage(model, "badPerson");
        }
        SimulatedBankId.Opened opened = "scan".equals(action) ? bankId.scan(orderRef, holder.get())
                : bankId.open(code, holder.get(), "startFailed".equals(action));
        return switch (opened) {
            case SimulatedBankId.Opened.Ok ok -> "redirect:/dev/bankid/app/order/" + ok.order().orderRef();
            case SimulatedBankId.Opened.Refused refused -> appPage(model, refused.reason());
        };
    }

    @GetMapping("/order/{orderRef}")
    String order(@PathVariable String orderRef, Model model) {
        SimulatedBankId.Order order = bankId.order(orderRef)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", order);
        model.addAttribute("collectCalls", bankId.collectCalls(orderRef));
        return "dev/bankid-order";
    }

    @PostMapping("/order/{orderRef}")
    String act(@PathVariable String orderRef, @RequestParam(defaultValue = "") String action, Model model) {
        SimulatedBankId.Action chosen = switch (action) {
            case "identify" -> SimulatedBankId.Action.IDENTIFY;
            case "cancel" -> SimulatedBankId.Action.USER_CANCEL;
            case "certificateErr" -> SimulatedBankId.Action.CERTIFICATE_ERR;
            case "expire" -> SimulatedBankId.Action.EXPIRE;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        Optional<SimulatedBankId.Order> done = bankId.act(orderRef, chosen);
        if (done.isEmpty()) {
            return appPage(model, "notOpen");
        }
        // The app sends the user back to the returnUrl the relying party gave in /auth (same device).
        if (chosen == SimulatedBankId.Action.IDENTIFY && done.get().returnUrl() != null) {
            return "redirect:" + done.get().returnUrl();
        }
        model.addAttribute("order", done.get());
        model.addAttribute("collectCalls", bankId.collectCalls(orderRef));
        return "dev/bankid-order";
    }

    @PostMapping("/scenarier")
    String scenarios(@RequestParam(defaultValue = "false") boolean alreadyInProgress,
                     @RequestParam(defaultValue = "0") int maintenanceCalls,
                     @RequestParam(defaultValue = "0") int slowMillis) {
        bankId.setScenarios(alreadyInProgress, maintenanceCalls, slowMillis);
        return "redirect:/dev/bankid/app?scenarier";
    }

    private String appPage(Model model, String problem) {
        model.addAttribute("persons", DemoIdentities.all());
        model.addAttribute("outstanding", bankId.outstandingOrders());
        model.addAttribute("scenarios", bankId.scenarios());
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("code")) {
            model.addAttribute("code", "");
        }
        return "dev/bankid-app";
    }

    /** The person holding the app: a demo person, or one typed in. */
    private static Optional<SimulatedBankId.Person> holder(String person, String personnummer, String givenName,
                                                           String surname) {
        if (!OTHER_PERSON.equals(person)) {
            List<DemoIdentities.Identity> all = DemoIdentities.all();
            return all.stream().filter(i -> i.personnummer().equals(person)).findFirst()
                    .map(i -> new SimulatedBankId.Person(i.personnummer(), i.givenName(), i.familyName()));
        }
        try {
            Personnummer parsed = Personnummer.parse(personnummer);
            return Optional.of(new SimulatedBankId.Person(parsed.value(),
                    givenName.isBlank() ? "Test" : givenName.strip(), surname.isBlank() ? "Testsson" : surname.strip()));
        } catch (SusException e) {
            return Optional.empty();
        }
    }
}
