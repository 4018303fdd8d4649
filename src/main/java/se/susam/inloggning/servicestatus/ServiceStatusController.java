package se.susam.inloggning.servicestatus;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;

/** The public Driftinformation: page, Atom feed (RFC 4287) and JSON. */
@Controller
class ServiceStatusController {

    /** A notice as the JSON endpoint shows it. */
    record NoticeJson(long id, String title, String text, String kind, String affected, boolean susUnavailable,
                      Instant startsAt, Instant endsAt, String status) {
    }

    private final ServiceNotices notices;
    private final ErrorMessages messages;
    private final Clock clock;

    ServiceStatusController(ServiceNotices notices, ErrorMessages messages, Clock clock) {
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/driftinformation")
    String page(Model model) {
        model.addAttribute("current", notices.current());
        model.addAttribute("planned", notices.planned());
        model.addAttribute("past", notices.past(20));
        return "servicestatus/page";
    }

    @GetMapping(path = "/driftinformation.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<NoticeJson> json() {
        List<NoticeJson> all = new ArrayList<>();
        notices.current().forEach(n -> all.add(json(n, "current")));
        notices.planned().forEach(n -> all.add(json(n, "planned")));
        notices.past(20).forEach(n -> all.add(json(n, "past")));
        return all;
    }

    /** The Atom feed: current and planned notices, and the latest past ones. */
    @GetMapping(path = "/driftinformation.atom", produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> atom(Locale locale) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<ServiceNotice> entries = new ArrayList<>(notices.current());
        entries.addAll(notices.planned());
        entries.addAll(notices.past(20));
        entries.sort(Comparator.comparing(ServiceNotice::createdAt).reversed());
        Instant updated = entries.stream().map(ServiceNotice::createdAt).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"sv\">\n")
                .append("  <id>").append(escape(base)).append("/driftinformation</id>\n")
                .append("  <title>").append(escape(messages.text("notices.title", locale))).append("</title>\n")
                .append("  <updated>").append(DateTimeFormatter.ISO_INSTANT.format(updated)).append("</updated>\n")
                .append("  <author><name>Försäkringskassan</name></author>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(base)).append("/driftinformation.atom\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(base))
                .append("/driftinformation\"/>\n");
        for (ServiceNotice notice : entries) {
            xml.append("  <entry>\n")
                    .append("    <id>").append(escape(base)).append("/driftinformation#notis-").append(notice.id())
                    .append("</id>\n")
                    .append("    <title>").append(escape(notice.title())).append("</title>\n")
                    .append("    <updated>").append(DateTimeFormatter.ISO_INSTANT.format(notice.createdAt()))
                    .append("</updated>\n")
                    .append("    <link href=\"").append(escape(base)).append("/driftinformation#notis-")
                    .append(notice.id()).append("\"/>\n")
                    .append("    <category term=\"").append(notice.kind().name()).append("\"/>\n")
                    .append("    <content type=\"text\">").append(escape(notice.body())).append("</content>\n")
                    .append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml.toString());
    }

    /** The page login answers with while a notice marks SUS unavailable. */
    String maintenance(ServiceNotice notice, Model model, Locale locale) {
        model.addAttribute("notice", notice);
        model.addAttribute("error", messages.show(ErrorCode.DRF_MAINTENANCE, null, locale));
        return "servicestatus/maintenance";
    }

    private NoticeJson json(ServiceNotice n, String status) {
        return new NoticeJson(n.id(), n.title(), n.body(), n.kind().name(), n.affected().name(), n.susUnavailable(),
                n.startsAt(), n.endsAt().orElse(null), status);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
