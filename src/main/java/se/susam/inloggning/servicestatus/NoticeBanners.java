package se.susam.inloggning.servicestatus;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the current notices in the model of the pages that show their banners: the start page, the
 * login chooser and the pages of the SMS, BankID and tjänstekort logins. Only their controllers' requests pay for it; every request
 * did, the JSON and the redirecting ones too.
 */
@ControllerAdvice(basePackages = {"se.susam.inloggning.site", "se.susam.inloggning.smslogin",
        "se.susam.inloggning.bankidlogin", "se.susam.inloggning.tjanstekort"})
class NoticeBanners {

    private final ServiceNotices notices;

    NoticeBanners(ServiceNotices notices) {
        this.notices = notices;
    }

    @ModelAttribute("currentNotices")
    List<ServiceNotice> currentNotices() {
        return notices.currentForBanners();
    }
}
