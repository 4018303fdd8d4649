package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The certificate header is believed only from the configured proxy addresses (the TCP peer,
 * {@code getRemoteAddr()}); from anyone else it is removed before anything can read it, so a
 * client cannot log in by sending a certificate it has no key for.
 */
class ProxyCertificateHeaderFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ProxyCertificateHeaderFilter.class);

    private final String header;
    private final List<IpAddressMatcher> trustedProxies;

    ProxyCertificateHeaderFilter(CertificateLoginProperties.Proxy proxy) {
        this.header = proxy.header();
        this.trustedProxies = proxy.trustedAddresses().stream().map(ProxyCertificateHeaderFilter::matcher).toList();
    }

    private static IpAddressMatcher matcher(String address) {
        if (!address.matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) {
            throw new IllegalStateException("sus.certificate-login.proxy.trusted-addresses: '" + address
                    + "' is not an IP address or CIDR range");
        }
        try {
            return new IpAddressMatcher(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sus.certificate-login.proxy.trusted-addresses: '" + address
                    + "' is not an IP address or CIDR range", e);
        }
    }

    boolean fromTrustedProxy(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        return trustedProxies.stream().anyMatch(m -> m.matches(peer));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(header) == null || fromTrustedProxy(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Dropped the {} header from {}, which is not a trusted proxy", header, request.getRemoteAddr());
        chain.doFilter(new WithoutHeader(request, header), response);
    }

    /** The request as if the header had never been sent. */
    private static final class WithoutHeader extends HttpServletRequestWrapper {

        private final String hidden;

        WithoutHeader(HttpServletRequest request, String hidden) {
            super(request);
            this.hidden = hidden;
        }

        @Override
        public String getHeader(String name) {
            return hidden.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden.equalsIgnoreCase(name)).toList());
        }
    }
}
