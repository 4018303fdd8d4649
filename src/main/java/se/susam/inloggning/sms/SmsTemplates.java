package se.susam.inloggning.sms;

import se.susam.inloggning.identity.PhoneNumber;

/**
 * The SMS texts of {@code sus.sms.templates}, filled in. Start-up has already checked that each
 * fits one SMS with the 8-character master password in it.
 */
public class SmsTemplates {

    private final SmsProperties.Templates templates;

    SmsTemplates(SmsProperties.Templates templates) {
        this.templates = templates;
    }

    /** The first master password, an ordinary SMS, when access with SMS login is granted (SPEC §3.4). */
    public SmsMessage masterPassword(PhoneNumber to, String masterPassword) {
        return new SmsMessage(to, fill(templates.masterPassword(), masterPassword), false);
    }

    /**
     * A new master password ordered through Kundcenter: a flash SMS, shown on the screen and not
     * kept in the phone (the seed: "vi av säkerhetsskäl skickar ett så kallat flash-SMS").
     */
    public SmsMessage newMasterPassword(PhoneNumber to, String masterPassword) {
        return new SmsMessage(to, fill(templates.newMasterPassword(), masterPassword), true);
    }

    private static String fill(String template, String masterPassword) {
        return template.replace(SmsProperties.Templates.PASSWORD, masterPassword);
    }
}
