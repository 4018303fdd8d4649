package se.susam.inloggning.servicestatus;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While a current notice marks SUS unavailable, every login page and SUS itself answer 503 with the
 * notice and {@code Retry-After}; the support pages, Driftinformation and the console stay up so
 * users can read why and Kundcenter can end the notice. The banners are {@link NoticeBanners}.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class Maintenance implements WebMvcConfigurer {

    /** Thrown by the interceptor; rendered by {@link #render}. */
    static final class UnavailableException extends RuntimeException {
        private final transient ServiceNotice notice;

        UnavailableException(ServiceNotice notice) {
            super("SUS unavailable: notice " + notice.id());
            this.notice = notice;
        }
    }

    private final ServiceNotices notices;
    private final ServiceStatusController pages;

    Maintenance(ServiceNotices notices, ServiceStatusController pages) {
        this.notices = notices;
        this.pages = pages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                notices.susUnavailable().ifPresent(notice -> {
                    throw new UnavailableException(notice);
                });
                return true;
            }
        }).addPathPatterns("/login", "/login/**", "/sus", "/sus/**");
    }

    @ExceptionHandler(UnavailableException.class)
    String render(UnavailableException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "300");
        return pages.maintenance(e.notice, model, locale);
    }
}
