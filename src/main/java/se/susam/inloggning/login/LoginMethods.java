package se.susam.inloggning.login;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/** The login methods switched on here (see {@link LoginMethodSwitch}), in the enum's order. */
@Component
public class LoginMethods {

    private final List<LoginMethodSwitch> switches;

    LoginMethods(List<LoginMethodSwitch> switches) {
        this.switches = List.copyOf(switches);
    }

    public List<LoginMethod> available() {
        return Arrays.stream(LoginMethod.values())
                .filter(method -> switches.stream().filter(s -> s.method() == method).allMatch(LoginMethodSwitch::on))
                .toList();
    }
}
