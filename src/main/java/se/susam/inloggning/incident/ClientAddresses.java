package se.susam.inloggning.incident;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a report is counted against for the rate limit. Without configured proxies it is the
 * TCP peer. When the peer is one of {@code sus.incident.trusted-proxies}, {@code X-Forwarded-For}
 * is read from the right (each proxy appends the address it received the request from) and the
 * first address that is not one of ours is the client; anything a client writes further left is
 * never believed. The rest of the application keeps {@code server.forward-headers-strategy} at
 * {@code none} (tjänstekort trusts its proxy by the TCP peer), so this is read here.
 */
@Component
class ClientAddresses {

    /** An IP literal (v4 or v6), optionally with a prefix length; never a host name to look up. */
    private static final Pattern IP_OR_CIDR = Pattern.compile("[0-9a-fA-F:.]+(/\\d{1,3})?");
    private static final int MAX_LENGTH = 45;

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddresses(IncidentProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    /** Whether a setting is an IP address or CIDR range ({@link IpAddressMatcher} would look a name up). */
    static boolean isIpOrCidr(String value) {
        if (value == null || !IP_OR_CIDR.matcher(value).matches()) {
            return false;
        }
        try {
            new IpAddressMatcher(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!trusted(peer) || forwarded == null) {
            return shortened(peer);
        }
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!IP_OR_CIDR.matcher(hop).matches() || hop.contains("/")) {
                return shortened(peer);
            }
            if (!trusted(hop)) {
                return shortened(hop);
            }
        }
        return shortened(peer);
    }

    private boolean trusted(String address) {
        return Optional.ofNullable(address).filter(a -> IP_OR_CIDR.matcher(a).matches())
                .map(a -> trustedProxies.stream().anyMatch(m -> m.matches(a))).orElse(false);
    }

    private static String shortened(String address) {
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
