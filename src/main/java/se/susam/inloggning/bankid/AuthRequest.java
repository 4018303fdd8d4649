package se.susam.inloggning.bankid;

import java.util.Objects;

/**
 * The body of {@code POST /auth} (RP API v6.0).
 *
 * @param endUserIp             the user's IP address as our server sees it (required)
 * @param requirement           conditions for the order, or {@code null}
 * @param userVisibleData       Base64 of the UTF-8 text the app shows, or {@code null}
 * @param userNonVisibleData    Base64 of data not shown to the user, or {@code null}
 * @param userVisibleDataFormat {@code plaintext} or {@code simpleMarkdownV1}, or {@code null}
 * @param returnUrl             where the app sends the user on the same device, or {@code null}
 * @param returnRisk            true: {@code completionData.risk} is returned
 * @param web                   facts about the browser, or {@code null}
 */
public record AuthRequest(String endUserIp, Requirement requirement, String userVisibleData,
                          String userNonVisibleData, String userVisibleDataFormat, String returnUrl,
                          Boolean returnRisk, Web web) {

    public AuthRequest {
        Objects.requireNonNull(endUserIp, "endUserIp");
        if (requirement != null && requirement.isEmpty()) {
            requirement = null;
        }
    }
}
