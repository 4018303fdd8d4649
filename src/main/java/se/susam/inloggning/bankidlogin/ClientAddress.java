package se.susam.inloggning.bankidlogin;

import java.util.List;
import java.util.Set;

/**
 * The user's IP address for BankID's {@code endUserIp}: the TCP peer, unless the peer is one of our
 * own trusted proxies, in which case the nearest address in {@code X-Forwarded-For} that is not a
 * trusted proxy. A header from anyone else is ignored, so a user cannot choose their own endUserIp.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(String remoteAddr, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remoteAddr)) {
            return remoteAddr;
        }
        List<String> hops = List.of(forwardedFor.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!trustedProxies.contains(hop)) {
                return hop.matches("[0-9a-fA-F.:]{2,45}") ? hop : remoteAddr;
            }
        }
        return remoteAddr;
    }
}
