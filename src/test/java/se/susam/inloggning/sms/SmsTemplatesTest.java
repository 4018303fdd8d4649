package se.susam.inloggning.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.identity.PhoneNumber;

class SmsTemplatesTest {

    private static final PhoneNumber MOBILE = new PhoneNumber("+46701740605");
    private final SmsTemplates templates = new SmsTemplates(new SmsProperties.Templates(
            "Ditt masterlösenord till SUS är {password}", "Nytt masterlösenord till SUS: {password}"));

    @Test
    void masterPasswordWhenFirstThenOrdinarySmsWithThePassword() {
        SmsMessage message = templates.masterPassword(MOBILE, "Kaxe4Rpt");

        assertThat(message.to()).isEqualTo(MOBILE);
        assertThat(message.text()).isEqualTo("Ditt masterlösenord till SUS är Kaxe4Rpt");
        assertThat(message.flash()).isFalse();
    }

    @Test
    void newMasterPasswordThenFlashSms() {
        SmsMessage message = templates.newMasterPassword(MOBILE, "Mj7tLnq3");

        assertThat(message.text()).isEqualTo("Nytt masterlösenord till SUS: Mj7tLnq3");
        assertThat(message.flash()).isTrue();
    }
}
