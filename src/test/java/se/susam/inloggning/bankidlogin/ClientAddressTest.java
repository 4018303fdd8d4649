package se.susam.inloggning.bankidlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** endUserIp: the peer, or X-Forwarded-For only when the peer is our own proxy. */
class ClientAddressTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.2", "10.0.0.3");

    @Test
    void ofWhenPeerIsNotATrustedProxyThenForwardedForIsIgnored() {
        assertThat(ClientAddress.of("198.51.100.9", "192.0.2.1", PROXIES)).isEqualTo("198.51.100.9");
    }

    @Test
    void ofWhenPeerIsATrustedProxyThenTheNearestUntrustedHopIsTheUser() {
        assertThat(ClientAddress.of("10.0.0.2", "203.0.113.5, 192.0.2.1, 10.0.0.3", PROXIES)).isEqualTo("192.0.2.1");
    }

    @Test
    void ofWhenForwardedForIsMissingThenThePeer() {
        assertThat(ClientAddress.of("10.0.0.2", null, PROXIES)).isEqualTo("10.0.0.2");
    }

    @Test
    void ofWhenTheForwardedHopIsNotAnAddressThenThePeer() {
        assertThat(ClientAddress.of("10.0.0.2", "<script>", PROXIES)).isEqualTo("10.0.0.2");
    }

    @Test
    void ofWhenIpv6ThenKeptAsSent() {
        assertThat(ClientAddress.of("10.0.0.2", "2001:db8::7", PROXIES)).isEqualTo("2001:db8::7");
    }
}
