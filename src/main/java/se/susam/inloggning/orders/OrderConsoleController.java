package se.susam.inloggning.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.access.Role;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.ShownError;
import se.susam.inloggning.login.SusPrincipal;

/**
 * The orders in the console: the list, blankett 9445, and one order with the administrator's
 * decision. Security lets any staff role into {@code /console}; each action here checks its own
 * role and organisation ({@link OrderDesk}). Bad input shows the form again with HTTP 400.
 */
@Controller
@RequestMapping("/console/bestallningar")
class OrderConsoleController {

    private final OrderDesk desk;
    private final OrderApproval approval;
    private final ConsoleStaff.Directory staffDirectory;
    private final ErrorMessages messages;
    private final Clock clock;

    OrderConsoleController(OrderDesk desk, OrderApproval approval, ConsoleStaff.Directory staffDirectory,
                           ErrorMessages messages, Clock clock) {
        this.desk = desk;
        this.approval = approval;
        this.staffDirectory = staffDirectory;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SusPrincipal principal, HttpServletRequest request, Model model) {
        ConsoleStaff staff = staffDirectory.of(principal);
        if (!staff.orderer()) {
            desk.requireAdministrator(staff, "ORDER_LIST", request.getRemoteAddr());
        }
        model.addAttribute("staff", staff);
        model.addAttribute("own", desk.ofOwnOrganisation(staff));
        model.addAttribute("queue", staff.administrator() ? desk.queue() : List.of());
        model.addAttribute("decided", staff.administrator() ? desk.recentlyDecided() : List.of());
        return "orders/list";
    }

    @GetMapping("/ny")
    String blank(@AuthenticationPrincipal SusPrincipal principal, HttpServletRequest request, Model model) {
        ConsoleStaff staff = staffDirectory.of(principal);
        desk.requireOrderer(staff, "ORDER_FORM", request.getRemoteAddr());
        return form(model, staff, OrderForm.blank(staff.ordersFor().orElseThrow(), LocalDate.now(clock)),
                List.of());
    }

    @PostMapping("/ny")
    String submit(OrderForm form, @AuthenticationPrincipal SusPrincipal principal, HttpServletRequest request,
                  HttpServletResponse response, Model model, Locale locale) {
        ConsoleStaff staff = staffDirectory.of(principal);
        return switch (desk.submit(form, staff, request.getRemoteAddr())) {
            case OrderDesk.Submitted submitted -> "redirect:/console/bestallningar/" + submitted.orderId() + "?skickad";
            case OrderDesk.Refused refused -> {
                response.setStatus(refused.problems().getFirst().code().httpStatus());
                yield form(model, staff, form, shown(refused.problems(), locale));
            }
        };
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SusPrincipal principal, HttpServletRequest request,
                  Model model, Locale locale) {
        ConsoleStaff staff = staffDirectory.of(principal);
        return detail(model, staff, desk.open(id, staff, request.getRemoteAddr()), List.of(), "", locale);
    }

    @PostMapping("/{id}/godkann")
    String approve(@PathVariable long id, @AuthenticationPrincipal SusPrincipal principal,
                   HttpServletRequest request) {
        approval.approve(id, staffDirectory.of(principal), request.getRemoteAddr());
        return "redirect:/console/bestallningar/" + id + "?godkand";
    }

    @PostMapping("/{id}/avsla")
    String reject(@PathVariable long id, @RequestParam(name = "skal", defaultValue = "") String reason,
                  @AuthenticationPrincipal SusPrincipal principal, HttpServletRequest request,
                  HttpServletResponse response, Model model, Locale locale) {
        ConsoleStaff staff = staffDirectory.of(principal);
        Optional<OrderForm.Problem> problem = desk.reject(id, reason, staff, request.getRemoteAddr());
        if (problem.isPresent()) {
            response.setStatus(problem.get().code().httpStatus());
            return detail(model, staff, desk.view(id, staff, request.getRemoteAddr()), shown(List.of(problem.get()),
                    locale), reason, locale);
        }
        return "redirect:/console/bestallningar/" + id + "?avslagen";
    }

    @PostMapping("/{id}/nytt-losenord")
    String newFirstPassword(@PathVariable long id, @AuthenticationPrincipal SusPrincipal principal,
                            HttpServletRequest request) {
        approval.sendNewFirstPassword(id, staffDirectory.of(principal), request.getRemoteAddr());
        return "redirect:/console/bestallningar/" + id + "?losenord";
    }

    private String form(Model model, ConsoleStaff staff, OrderForm form, List<ShownError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("organisation", staff.ordersFor().orElseThrow());
        model.addAttribute("roles", Role.values());
        model.addAttribute("methods", LoginChoice.values());
        model.addAttribute("errors", errors);
        model.addAttribute("invalid", errors.stream().map(ShownError::field).toList());
        model.addAttribute("maxYears", OrderForm.MAX_YEARS);
        return "orders/form";
    }

    private String detail(Model model, ConsoleStaff staff, AccessOrder order, List<ShownError> errors, String reason,
                          Locale locale) {
        model.addAttribute("order", order);
        model.addAttribute("staff", staff);
        model.addAttribute("mayDecide", staff.administrator() && order.status() == OrderStatus.PENDING
                && order.orderedBy() != staff.personId());
        model.addAttribute("ownOrder", order.orderedBy() == staff.personId());
        model.addAttribute("errors", errors);
        model.addAttribute("invalid", errors.stream().map(ShownError::field).toList());
        model.addAttribute("reason", reason);
        model.addAttribute("reasonMax", OrderDesk.REASON_MAX);
        model.addAttribute("smsFailed", order.firstPassword().orElse(null) == FirstPassword.FAILED
                ? messages.show(ErrorCode.ORD_FIRST_SMS_FAILED, null, locale) : null);
        model.addAttribute("smsFailedRemedy", messages.text(ErrorCode.ORD_FIRST_SMS_FAILED.remedyKey(), locale));
        return "orders/detail";
    }

    private List<ShownError> shown(List<OrderForm.Problem> problems, Locale locale) {
        return problems.stream().map(p -> messages.show(p.code(), p.field(), locale, p.arguments())).toList();
    }
}
