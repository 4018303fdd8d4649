package se.susam.inloggning.servicestatus;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

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

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.ShownError;
import se.susam.inloggning.login.SusPrincipal;

/** Kundcenter publishes and ends notices (security: role KUNDCENTER, see WebConfiguration). */
@Controller
@RequestMapping("/console/driftinformation")
class NoticeConsoleController {

    private final ServiceNotices notices;
    private final ErrorMessages messages;
    private final Clock clock;

    NoticeConsoleController(ServiceNotices notices, ErrorMessages messages, Clock clock) {
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        return render(model, new NoticeForm("", "", "", "", false, "", ""));
    }

    @PostMapping
    String publish(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                   @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String affected,
                   @RequestParam(defaultValue = "false") boolean susUnavailable,
                   @RequestParam(defaultValue = "") String startsAt, @RequestParam(defaultValue = "") String endsAt,
                   @AuthenticationPrincipal SusPrincipal staff, HttpServletRequest request,
                   HttpServletResponse response, Model model, Locale locale) {
        NoticeForm form = new NoticeForm(title, body, kind, affected, susUnavailable, startsAt, endsAt);
        return switch (form.check(clock.getZone())) {
            case NoticeForm.Valid valid -> {
                ServiceNotice notice = notices.publish(valid, staff.auditActor(), request.getRemoteAddr());
                yield "redirect:/console/driftinformation?publicerad=" + notice.id();
            }
            case NoticeForm.Invalid invalid -> {
                response.setStatus(400);
                List<ShownError> errors = invalid.errors().stream()
                        .map(e -> messages.show(e.code(), e.field(), locale)).toList();
                model.addAttribute("errors", errors);
                yield render(model, form);
            }
        };
    }

    @PostMapping("/{id}/avsluta")
    String end(@PathVariable long id, @AuthenticationPrincipal SusPrincipal staff, HttpServletRequest request,
               HttpServletResponse response, Model model, Locale locale) {
        if (!notices.endNow(id, staff.auditActor(), request.getRemoteAddr())) {
            response.setStatus(ErrorCode.DRF_ALREADY_ENDED.httpStatus());
            model.addAttribute("errors", List.of(messages.show(ErrorCode.DRF_ALREADY_ENDED, null, locale)));
            return render(model, new NoticeForm("", "", "", "", false, "", ""));
        }
        return "redirect:/console/driftinformation?avslutad=" + id;
    }

    private String render(Model model, NoticeForm form) {
        model.addAttribute("form", form);
        model.addAttribute("current", notices.current());
        model.addAttribute("planned", notices.planned());
        model.addAttribute("kinds", ServiceNotice.Kind.values());
        model.addAttribute("affectedOptions", ServiceNotice.Affected.values());
        return "servicestatus/console";
    }
}
