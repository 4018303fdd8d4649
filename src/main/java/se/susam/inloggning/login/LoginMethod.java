package se.susam.inloggning.login;

import java.util.List;

/**
 * The login methods (inloggningsmetoder) of SPEC §3.2, each with what a relying party is told about
 * it: the assurance level ({@code acr}) and the authentication method references ({@code amr},
 * values from RFC 8176 §2).
 */
public enum LoginMethod {
    SMS("login.method.SMS", false, AssuranceLevel.UNCERTIFIED_LOA2, List.of("pwd", "sms", "mfa")),
    /** Efos staff cards: a smart card with PIN, not certified as Swedish e-legitimation. */
    TJANSTEKORT_FK("login.method.TJANSTEKORT_FK", true, AssuranceLevel.UNCERTIFIED_LOA3, List.of("sc", "pin", "mfa")),
    TJANSTEKORT_AF("login.method.TJANSTEKORT_AF", true, AssuranceLevel.UNCERTIFIED_LOA3, List.of("sc", "pin", "mfa")),
    /** BankID is certified by DIGG at LoA3. */
    BANKID("login.method.BANKID", true, AssuranceLevel.LOA3, List.of("swk", "mfa")),
    MOBILT_BANKID("login.method.MOBILT_BANKID", true, AssuranceLevel.LOA3, List.of("swk", "mfa")),
    /** E-legitimation (Telia, Nordea, …) through an identity broker: certified LoA3 e-IDs. */
    E_LEGITIMATION("login.method.E_LEGITIMATION", true, AssuranceLevel.LOA3, List.of("mfa"));

    private final String messageKey;
    private final boolean staffLogin;
    private final AssuranceLevel assurance;
    private final List<String> amr;

    LoginMethod(String messageKey, boolean staffLogin, AssuranceLevel assurance, List<String> amr) {
        this.messageKey = messageKey;
        this.staffLogin = staffLogin;
        this.assurance = assurance;
        this.amr = amr;
    }

    /** Whether staff get their console roles when logged in with this method (never with SMS). */
    public boolean staffLogin() {
        return staffLogin;
    }

    /** Key of the method's display name in {@code messages*.properties}. */
    public String messageKey() {
        return messageKey;
    }

    /** The level of assurance a login with this method reaches: the ID token's {@code acr}. */
    public AssuranceLevel assurance() {
        return assurance;
    }

    /** The ID token's {@code amr}: how the person authenticated (RFC 8176 values). */
    public List<String> amr() {
        return amr;
    }
}
