package se.susam.inloggning.kundcenter;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.credentials.LoginThrottle;
import se.susam.inloggning.credentials.MasterPasswordGenerator;
import se.susam.inloggning.credentials.MasterPasswords;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.login.PersonSessions;
import se.susam.inloggning.login.SusPrincipal;
import se.susam.inloggning.sms.SmsGateway;
import se.susam.inloggning.sms.SmsSendException;
import se.susam.inloggning.sms.SmsTemplates;

/**
 * Kundcenter's two changes to a person's login: unlocking, and a new master password.
 *
 * <p>A new master password is stored, the lock cleared, the flash SMS sent and the action audited
 * in one transaction, the SMS last: if the gateway refuses it the transaction rolls back, so the
 * person keeps the old master password rather than a new one they never received. Only after the
 * commit are the person's sessions ended (they live in the session store, and ending them cannot be
 * rolled back). The password exists only in this method: it is hashed, put in the SMS and dropped.
 */
@Component
class KundcenterActions {

    static final String UNLOCK = "KC_UNLOCK";
    static final String NEW_MASTER_PASSWORD = "KC_NEW_MASTER_PASSWORD";

    private final AccessRegistry registry;
    private final MasterPasswords masterPasswords;
    private final MasterPasswordGenerator generator = new MasterPasswordGenerator();
    private final LoginThrottle throttle;
    private final SmsGateway gateway;
    private final SmsTemplates templates;
    private final PersonSessions sessions;
    private final PersonOverview overview;
    private final ConsoleAudit audit;
    private final TransactionTemplate transaction;

    KundcenterActions(AccessRegistry registry, MasterPasswords masterPasswords, LoginThrottle throttle,
                      SmsGateway gateway, SmsTemplates templates, PersonSessions sessions, PersonOverview overview,
                      ConsoleAudit audit, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.masterPasswords = masterPasswords;
        this.throttle = throttle;
        this.gateway = gateway;
        this.templates = templates;
        this.sessions = sessions;
        this.overview = overview;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The mobile number a new master password goes to, or KC-002 if the person has no SMS login. */
    PhoneNumber smsMobile(Person person) {
        return registry.smsLoginMobile(person.id()).orElseThrow(() -> new SusException(ErrorCode.KC_NO_SMS_LOGIN));
    }

    /** Clears the failure counter and both kinds of lock. */
    void unlock(SusPrincipal staff, Person person, String clientIp) {
        PersonOverview.Lock before = overview.lock(person);
        transaction.executeWithoutResult(status -> {
            throttle.reset(person.personnummer());
            audit.success(UNLOCK, staff, person.personnummer(), clientIp, lockChange(before));
        });
    }

    /**
     * Sends a new master password as a flash SMS to the registered number only.
     *
     * @param verification how the caller's identity was checked, for the audit trail
     * @return the number it went to
     * @throws SusException KC-002 without SMS login, KC-009 if the gateway refused (nothing changed)
     */
    PhoneNumber sendNewMasterPassword(SusPrincipal staff, Person person, String clientIp, String verification) {
        PhoneNumber mobile = smsMobile(person);
        String password = generator.generate();
        String hash = masterPasswords.hash(password);
        PersonOverview.Lock before = overview.lock(person);
        int sessionCount = sessions.count(person.id());
        String details = verification + "; " + lockChange(before) + "; sessioner avslutade " + sessionCount;
        try {
            transaction.executeWithoutResult(status -> {
                masterPasswords.setHash(person.id(), hash);
                throttle.reset(person.personnummer());
                gateway.send(templates.newMasterPassword(mobile, password));
                audit.success(NEW_MASTER_PASSWORD, staff, person.personnummer(), clientIp, details);
            });
        } catch (SmsSendException refused) {
            audit.refused(NEW_MASTER_PASSWORD, ErrorCode.KC_SMS_FAILED, staff, person.personnummer(), clientIp,
                    verification + "; SMS kunde inte skickas, det gamla masterlösenordet gäller");
            throw new SusException(ErrorCode.KC_SMS_FAILED);
        }
        sessions.endAll(person.id(), Optional.empty());
        return mobile;
    }

    private static String lockChange(PersonOverview.Lock before) {
        String state = switch (before.key()) {
            case "kc.lock.temporary" -> "tillfälligt låst";
            case "kc.lock.permanent" -> "låst";
            default -> "olåst";
        };
        return state + "→olåst, misslyckade " + before.failures() + "→0";
    }
}
