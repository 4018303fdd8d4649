package se.susam.inloggning.login;

/** The login methods (inloggningsmetoder) of SPEC §3.2. */
public enum LoginMethod {
    SMS("login.method.SMS", false);

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
