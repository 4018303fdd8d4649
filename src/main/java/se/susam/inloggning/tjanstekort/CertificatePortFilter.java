package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The certificate connector serves certificate login only (and what its pages need); any other
 * address there is sent to the ordinary site, which never asks for a certificate.
 */
class CertificatePortFilter extends OncePerRequestFilter {

    private final int certificatePort;
    private final URI siteUrl;

    CertificatePortFilter(int certificatePort, URI siteUrl) {
        this.certificatePort = certificatePort;
        this.siteUrl = siteUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getLocalPort() != certificatePort || servedHere(path)) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        response.sendRedirect(siteUrl.resolve(path) + query);
    }

    private static boolean servedHere(String path) {
        return path.startsWith("/tjanstekort/") || path.startsWith("/css/") || path.equals("/favicon.ico")
                || path.equals("/error");
    }
}
