package se.susam.inloggning.orders;

import java.util.Arrays;
import java.util.Optional;

/**
 * The login method the employer chooses on the order (SPEC §3.3). What the grant stores is only
 * whether SMS login is on: e-legitimation, BankID and tjänstekort need no order of their own.
 */
enum LoginChoice {
    SMS("sms"),
    ELEG("e-legitimation");

    private final String param;

    LoginChoice(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    static Optional<LoginChoice> fromParam(String value) {
        return Arrays.stream(values()).filter(c -> c.param.equals(value)).findFirst();
    }
}
