package se.susam.inloggning.login;

/** The login methods (inloggningsmetoder) of SPEC §3.2. */
public enum LoginMethod {
    SMS("login.method.SMS"),
    BANKID("login.method.BANKID"),
    MOBILT_BANKID("login.method.MOBILT_BANKID");

    private final String messageKey;

    LoginMethod(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Key of the method's display name in {@code messages*.properties}. */
    public String messageKey() {
        return messageKey;
    }
}
