package se.susam.inloggning.bankid;

/**
 * The {@code web} object of {@code /auth} (RP API v6.0): what BankID's risk assessment knows of the
 * browser that started the order.
 *
 * @param referringDomain  the domain of the page that started the order, e.g. {@code sus.susam.se}
 * @param userAgent        the browser's User-Agent header
 * @param deviceIdentifier a stable, non-personal identifier of the browser (we use a hash of a
 *                         long-lived cookie), so BankID can tell a known device from a new one
 */
public record Web(String referringDomain, String userAgent, String deviceIdentifier) {
}
