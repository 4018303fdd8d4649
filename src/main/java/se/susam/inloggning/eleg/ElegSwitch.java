package se.susam.inloggning.eleg;

import org.springframework.stereotype.Component;

import se.susam.inloggning.login.LoginMethod;
import se.susam.inloggning.login.LoginMethodSwitch;

/** E-legitimation is on when at least one broker is configured. */
@Component
class ElegSwitch implements LoginMethodSwitch {

    private final ElegProperties properties;

    ElegSwitch(ElegProperties properties) {
        this.properties = properties;
    }

    @Override
    public LoginMethod method() {
        return LoginMethod.E_LEGITIMATION;
    }

    @Override
    public boolean on() {
        return !properties.providers().isEmpty();
    }
}
