package se.susam.inloggning.login;

/**
 * Says whether a login method is switched on in this installation (e-legitimation only when a
 * broker is configured). A method no module declares a switch for is on. Relying parties are only
 * offered, and step-up only demands, methods that are on.
 */
public interface LoginMethodSwitch {

    LoginMethod method();

    boolean on();
}
