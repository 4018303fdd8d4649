package se.susam.inloggning.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import se.susam.inloggning.login.LoginSessionEnded;

/**
 * When a session ends (logout here or at a relying party, the absolute timeout, a new login, or idling
 * out of the session store), every
 * relying party that session reached and that registered a {@code backchannel-logout-uri} gets a
 * logout token (OpenID Connect Back-Channel Logout 1.0 §2.4): signed like ID tokens, typed
 * {@code logout+jwt}, with {@code sub}, {@code sid} and the back-channel logout event, no nonce.
 */
@Component
class BackChannelLogout {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final SessionClients sessionClients;
    private final RelyingParties relyingParties;
    private final LogoutDeliveries deliveries;
    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final Clock clock;

    BackChannelLogout(SessionClients sessionClients, RelyingParties relyingParties, LogoutDeliveries deliveries,
                      JwtEncoder encoder, SigningKeys keys, Clock clock) {
        this.sessionClients = sessionClients;
        this.relyingParties = relyingParties;
        this.deliveries = deliveries;
        this.encoder = encoder;
        this.keys = keys;
        this.clock = clock;
    }

    @EventListener
    void on(LoginSessionEnded ended) {
        tell(LoginFacts.sidOf(ended.sessionId()), ended.endedAt());
    }

    /** Sessions that ended by idling (or were removed from the store) are announced within a minute or so. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void endedWithoutNotice() {
        sessionClients.endedSids().forEach(sid -> tell(sid, clock.instant()));
    }

    private void tell(String sid, Instant now) {
        boolean any = false;
        for (SessionClients.Reached reached : sessionClients.takeAll(sid)) {
            var uri = relyingParties.backchannelLogoutUri(reached.clientId());
            if (uri.isPresent()) {
                deliveries.enqueue(reached.clientId(), uri.get(), logoutToken(reached, sid, now));
                any = true;
            }
        }
        if (any) {
            Thread.ofVirtual().name("backchannel-logout").start(deliveries::deliverDue);
        }
    }

    private String logoutToken(SessionClients.Reached reached, String sid, Instant now) {
        Map<String, Object> events = new HashMap<>();
        events.put(EVENT, new HashMap<>());
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(reached.issuer()).audience(List.of(reached.clientId()))
                .issuedAt(now).expiresAt(now.plusSeconds(120)).id(UUID.randomUUID().toString())
                .subject(reached.subject()).claim("sid", sid).claim("events", events).build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").keyId(keys.currentKid()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
