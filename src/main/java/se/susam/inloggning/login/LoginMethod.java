package se.susam.inloggning.login;

/** The login methods (inloggningsmetoder) of SPEC §3.2. */
public enum LoginMethod {
    SMS("login.method.SMS", false),
    TJANSTEKORT_FK("login.method.TJANSTEKORT_FK", true),
    TJANSTEKORT_AF("login.method.TJANSTEKORT_AF", true);

    private final String messageKey;
    private final boolean staffLogin;

    LoginMethod(String messageKey, boolean staffLogin) {
        this.messageKey = messageKey;
        this.staffLogin = staffLogin;
    }

    /** Whether staff get their console roles when logged in with this method (never with SMS). */
    public boolean staffLogin() {
        return staffLogin;
    }

    /** Key of the method's display name in {@code messages*.properties}. */
    public String messageKey() {
        return messageKey;
    }
}
