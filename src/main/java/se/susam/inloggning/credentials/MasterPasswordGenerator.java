package se.susam.inloggning.credentials;

import java.security.SecureRandom;

/**
 * Generates master passwords: 8 characters from a CSPRNG, from an alphabet that is in the GSM 03.38
 * default alphabet (one SMS segment, no UCS-2) and easy to read aloud over the phone — no 0/O,
 * 1/l/I, 5/S or 2/Z look-alikes.
 */
public final class MasterPasswordGenerator {

    public static final int LENGTH = 8;
    static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYabcdefghijkmnopqrstuvwxy346789";

    private final SecureRandom random = new SecureRandom();

    public String generate() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(password);
    }
}
