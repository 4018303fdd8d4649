package se.susam.inloggning.errors;

/** Groups error codes by the "Vanliga felmeddelanden" catalogue page they belong to. */
public enum ErrorFamily {
    /** General errors (session, server, maintenance) shown on every catalogue page. */
    GEN,
    /** Personnummer input; shown on every catalogue page where a personnummer is typed. */
    PNR,
    /** Access (behörighet) decisions after a successful login. */
    ACC,
    /** SMS login (masterlösenord and engångslösen). */
    SMS,
    /** Driftinformation: maintenance, and the notice form in the console. */
    DRF,
    /** Login requests from SUS and other services (the OpenID Connect provider). */
    OIDC,
    /** E-legitimation through an identity broker (Telia, Nordea, Freja, …). */
    ELEG,
    /** Tjänstekort (smart-card certificate) login. */
    TJK,
    /** Felanmälan: the incident report form and its receipt. */
    FEL,
    /** BankID and Mobilt BankID (and later other e-legitimationer). */
    BID,
    /** Access orders (the digital blankett 9445) and their approval, in the console. */
    ORD,
    /** Kundcenter's console actions: person search, identity check, new master password, unlock. */
    KC
}
