package se.susam.inloggning.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which address the rate limit counts: the TCP peer, or the client named by our own proxies. */
class ClientAddressesTest {

    private static ClientAddresses behind(String... proxies) {
        return new ClientAddresses(new IncidentProperties(5, Duration.ofHours(1), ZoneId.of("Europe/Stockholm"),
                List.of(proxies)));
    }

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void addressWhenNoProxyConfiguredThenTheTcpPeerAndForwardedForIgnored() {
        assertThat(behind().of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void addressWhenPeerIsNotATrustedProxyThenTheHeaderIsNotBelieved() {
        assertThat(behind("10.0.0.0/8").of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void addressWhenBehindTrustedProxiesThenTheFirstUntrustedFromTheRight() {
        ClientAddresses addresses = behind("10.0.0.0/8");

        assertThat(addresses.of(from("10.0.0.2", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.0.0.2", "203.0.113.9, 10.0.0.5"))).isEqualTo("203.0.113.9");
    }

    @Test
    void addressWhenClientWritesItsOwnForwardedForThenItsRealAddressStillCounts() {
        assertThat(behind("10.0.0.0/8").of(from("10.0.0.2", "192.0.2.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void addressWhenHeaderHoldsNoAddressThenTheProxyItself() {
        assertThat(behind("10.0.0.0/8").of(from("10.0.0.2", "unknown"))).isEqualTo("10.0.0.2");
        assertThat(behind("10.0.0.0/8").of(from("10.0.0.2", null))).isEqualTo("10.0.0.2");
    }

    @Test
    void settingWhenNotAnAddressThenRejected() {
        assertThat(ClientAddresses.isIpOrCidr("10.0.0.0/8")).isTrue();
        assertThat(ClientAddresses.isIpOrCidr("2001:db8::/32")).isTrue();
        assertThat(ClientAddresses.isIpOrCidr("proxy.example.se")).isFalse();
        assertThat(ClientAddresses.isIpOrCidr("10.0.0.0/99")).isFalse();
    }
}
