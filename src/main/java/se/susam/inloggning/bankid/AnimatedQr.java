package se.susam.inloggning.bankid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The animated QR code of RP API v6.0 ("QR codes"): every second the code shows
 * {@code bankid.<qrStartToken>.<seconds>.<qrAuthCode>}, where {@code seconds} is the whole seconds
 * since the order was started and {@code qrAuthCode} is HMAC-SHA256, keyed with the UTF-8 bytes of
 * {@code qrStartSecret}, over the decimal {@code seconds}, in lower-case hex. A photo of an old code
 * is useless, and the secret never leaves the relying party's server.
 */
public final class AnimatedQr {

    private static final String PREFIX = "bankid.";

    private AnimatedQr() {
    }

    /** The QR text to show {@code seconds} after the order was started. */
    public static String qrData(String qrStartToken, String qrStartSecret, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative");
        }
        return PREFIX + qrStartToken + "." + seconds + "." + authCode(qrStartSecret, seconds);
    }

    /** {@code qrAuthCode}: HMAC-SHA256(qrStartSecret, seconds) in lower-case hex. */
    public static String authCode(String qrStartSecret, long seconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(qrStartSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(Long.toString(seconds).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A scanned QR text taken apart; {@link #parse} refuses anything not of BankID's form. */
    public record Scanned(String qrStartToken, long seconds, String authCode) {

        public static java.util.Optional<Scanned> parse(String qrData) {
            if (qrData == null) {
                return java.util.Optional.empty();
            }
            String[] parts = qrData.strip().split("\\.", -1);
            if (parts.length != 4 || !"bankid".equals(parts[0]) || parts[1].isEmpty()
                    || !parts[2].matches("\\d{1,9}") || !parts[3].matches("[0-9a-f]{64}")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Scanned(parts[1], Long.parseLong(parts[2]), parts[3]));
        }

        /** True when the code was made with {@code qrStartSecret} (constant-time comparison). */
        public boolean isSignedWith(String qrStartSecret) {
            return MessageDigest.isEqual(AnimatedQr.authCode(qrStartSecret, seconds).getBytes(StandardCharsets.US_ASCII),
                    authCode.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
