package se.susam.inloggning.login;

/** The login methods (inloggningsmetoder) of SPEC §3.2. */
public enum LoginMethod {
    SMS("login.method.SMS"),
    TJANSTEKORT_FK("login.method.TJANSTEKORT_FK"),
    TJANSTEKORT_AF("login.method.TJANSTEKORT_AF");

    private final String messageKey;

    LoginMethod(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Key of the method's display name in {@code messages*.properties}. */
    public String messageKey() {
        return messageKey;
    }
}
