package se.susam.inloggning.bankid;

import java.util.Objects;

/**
 * The body of {@code POST /phone/auth} (RP API v6.0): identifies the person on a phone call.
 *
 * @param personalNumber        the caller's personnummer, 12 digits (required)
 * @param callInitiator         {@code user} (the person called us) or {@code RP} (we called them)
 * @param requirement           conditions for the order, or {@code null}
 * @param userVisibleData       Base64 of the UTF-8 text the app shows, or {@code null}
 * @param userNonVisibleData    Base64 of data not shown, or {@code null}
 * @param userVisibleDataFormat {@code plaintext} or {@code simpleMarkdownV1}, or {@code null}
 */
public record PhoneAuthRequest(String personalNumber, String callInitiator, Requirement requirement,
                               String userVisibleData, String userNonVisibleData, String userVisibleDataFormat) {

    public PhoneAuthRequest {
        Objects.requireNonNull(personalNumber, "personalNumber");
        if (!"user".equals(callInitiator) && !"RP".equals(callInitiator)) {
            throw new IllegalArgumentException("callInitiator must be \"user\" or \"RP\"");
        }
        if (requirement != null && requirement.isEmpty()) {
            requirement = null;
        }
    }

    @Override
    public String toString() {
        return "PhoneAuthRequest[personalNumber=************, callInitiator=" + callInitiator + "]";
    }
}
