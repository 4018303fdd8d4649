package se.susam.inloggning.kundcenter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.ShownError;
import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.kundcenter.IdentityCheck.Item;
import se.susam.inloggning.login.SusPrincipal;

/**
 * "Jag har förlorat mitt masterlösenord": the identity check and "Skicka nytt masterlösenord".
 * The form carries what the caller said; "Jämför" shows per item whether it matches the registry,
 * and sending compares everything again on the server and needs every item matching and ticked
 * "Bekräftad" (or a fresh BankID verification of the caller). Nothing the caller said is stored;
 * the audit trail keeps only which items matched.
 */
@Controller
@RequestMapping("/console/personer/{id}/nytt-masterlosenord")
class NewMasterPasswordController {

    static final String IDENTITY_CHECK = "KC_IDENTITY_CHECK";
    static final String BANKID = "KC_BANKID_VERIFY";

    /** One checklist row as the page shows it; {@code match} is null before the first comparison. */
    record Row(String field, String answer, Boolean match, boolean confirmed) {
    }

    private final PersonOverview overview;
    private final AccessRegistry registry;
    private final KundcenterActions actions;
    private final CallerBankId callerBankId;
    private final ConsoleAudit audit;
    private final ErrorMessages messages;
    private final Clock clock;

    NewMasterPasswordController(PersonOverview overview, AccessRegistry registry, KundcenterActions actions,
                                CallerBankId callerBankId, ConsoleAudit audit, ErrorMessages messages, Clock clock) {
        this.overview = overview;
        this.registry = registry;
        this.actions = actions;
        this.callerBankId = callerBankId;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable long id, HttpSession session, Model model) {
        Person person = overview.person(id);
        PhoneNumber mobile = actions.smsMobile(person);
        return render(model, person, mobile, IdentityCheck.empty(), null, List.of(), session);
    }

    @PostMapping
    String submit(@PathVariable long id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "bekraftad", required = false) List<String> confirmed,
                  @RequestParam(name = "atgard", defaultValue = "jamfor") String action,
                  @AuthenticationPrincipal SusPrincipal staff, HttpServletRequest request, HttpSession session,
                  HttpServletResponse response, Model model, Locale locale) {
        Person person = overview.person(id);
        PhoneNumber mobile = actions.smsMobile(person);
        IdentityCheck check = IdentityCheck.fromForm(form::get, confirmed == null ? List.of() : confirmed);
        if ("skicka-bankid".equals(action)) {
            if (callerBankId.isVerified(person, session)) {
                callerBankId.used(person, session);
                actions.sendNewMasterPassword(staff, person, request.getRemoteAddr(), "identitetskontroll: BankID");
                return "redirect:/console/personer/" + id + "?skickat";
            }
            audit.refused(KundcenterActions.NEW_MASTER_PASSWORD, ErrorCode.KC_BANKID_FAILED, staff,
                    person.personnummer(), request.getRemoteAddr(), "identitetskontroll: BankID saknas");
            response.setStatus(ErrorCode.KC_BANKID_FAILED.httpStatus());
            return render(model, person, mobile, IdentityCheck.empty(), null,
                    List.of(messages.show(ErrorCode.KC_BANKID_FAILED, null, locale)), session);
        }
        Map<Item, Boolean> matches = check.compare(
                new IdentityCheck.Registered(person, mobile, registry.grantsOf(person.id())), clock);
        String summary = IdentityCheck.auditSummary(matches);
        List<ShownError> errors = new ArrayList<>();
        for (Item item : Item.values()) {
            if (!matches.get(item)) {
                errors.add(messages.show(item.mismatch, item.field(), locale));
            }
        }
        if ("skicka".equals(action)) {
            for (Item item : Item.values()) {
                if (matches.get(item) && !check.confirmed().contains(item)) {
                    errors.add(messages.show(ErrorCode.KC_NOT_CONFIRMED, "bekraftad-" + item.field(), locale));
                }
            }
            if (errors.isEmpty()) {
                actions.sendNewMasterPassword(staff, person, request.getRemoteAddr(), summary);
                return "redirect:/console/personer/" + id + "?skickat";
            }
            ErrorCode first = ErrorCode.byCode(errors.getFirst().code()).orElseThrow();
            audit.refused(KundcenterActions.NEW_MASTER_PASSWORD, first, staff, person.personnummer(),
                    request.getRemoteAddr(), summary);
            response.setStatus(first.httpStatus());
        } else if (errors.isEmpty()) {
            audit.success(IDENTITY_CHECK, staff, person.personnummer(), request.getRemoteAddr(), summary);
        } else {
            audit.refused(IDENTITY_CHECK, ErrorCode.byCode(errors.getFirst().code()).orElseThrow(), staff,
                    person.personnummer(), request.getRemoteAddr(), summary);
        }
        return render(model, person, mobile, check, matches, errors, session);
    }

    @PostMapping("/bankid")
    String startBankId(@PathVariable long id, @AuthenticationPrincipal SusPrincipal staff, HttpServletRequest request,
                       HttpSession session) {
        Person person = overview.person(id);
        actions.smsMobile(person);
        callerBankId.start(person, session);
        audit.success(BANKID, staff, person.personnummer(), request.getRemoteAddr(), "BankID-legitimering startad");
        return "redirect:/console/personer/" + id + "/nytt-masterlosenord/bankid";
    }

    @GetMapping("/bankid")
    String waitForBankId(@PathVariable long id, @AuthenticationPrincipal SusPrincipal staff,
                         HttpServletRequest request, HttpSession session, HttpServletResponse response, Model model,
                         Locale locale) {
        Person person = overview.person(id);
        CallerBankId.Status status = callerBankId.collect(person, session);
        switch (status) {
            case VERIFIED -> audit.success(BANKID, staff, person.personnummer(), request.getRemoteAddr(),
                    "BankID: samma personnummer");
            case FAILED -> {
                audit.refused(BANKID, ErrorCode.KC_BANKID_FAILED, staff, person.personnummer(),
                        request.getRemoteAddr(), "BankID: ej legitimerad");
                response.setStatus(ErrorCode.KC_BANKID_FAILED.httpStatus());
                model.addAttribute("errors", List.of(messages.show(ErrorCode.KC_BANKID_FAILED, null, locale)));
            }
            case PENDING -> {
            }
        }
        model.addAttribute("person", person);
        model.addAttribute("status", status.name());
        return "kundcenter/bankid";
    }

    private String render(Model model, Person person, PhoneNumber mobile, IdentityCheck check,
                          Map<Item, Boolean> matches, List<ShownError> errors, HttpSession session) {
        List<Row> rows = new ArrayList<>();
        for (Item item : Item.values()) {
            rows.add(new Row(item.field(), check.answer(item), matches == null ? null : matches.get(item),
                    check.confirmed().contains(item)));
        }
        model.addAttribute("person", person);
        model.addAttribute("maskedMobile", MaskedMobile.of(mobile));
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("bankIdVerified", callerBankId.isVerified(person, session));
        return "kundcenter/identity";
    }
}
