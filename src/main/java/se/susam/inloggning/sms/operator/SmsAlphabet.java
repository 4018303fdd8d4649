package se.susam.inloggning.sms.operator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The two alphabets an SMS can be written in, and how much of each fits one segment: the GSM 7-bit
 * default alphabet (3GPP TS 23.038 §6.2.1, 160 septets) when every character is in it, otherwise
 * UCS-2 (70 characters). Swedish letters (å, ä, ö, é) are in the GSM alphabet.
 */
public enum SmsAlphabet {
    GSM_7(160),
    UCS_2(70);

    /** TS 23.038 §6.2.1 default alphabet, indexed by code; 0x1B is the escape to the extension table. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final byte ESCAPE = 0x1B;
    /** TS 23.038 §6.2.1.1 extension table: characters sent as escape + code, two septets each. */
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private final int singleSegment;

    SmsAlphabet(int singleSegment) {
        this.singleSegment = singleSegment;
    }

    /** GSM 7-bit if every character is in the default alphabet or its extension, otherwise UCS-2. */
    public static SmsAlphabet of(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || (BASIC.indexOf(c) < 0 && EXTENSION_CHARS.indexOf(c) < 0)) {
                return UCS_2;
            }
        }
        return GSM_7;
    }

    /** Whether the text, in the alphabet it needs, fits one SMS segment (no concatenation). */
    public static boolean fitsOneSegment(String text) {
        SmsAlphabet alphabet = of(text);
        return alphabet.units(text) <= alphabet.singleSegment;
    }

    /** Units the segment limit counts: septets for GSM 7-bit (extension characters take two), UTF-16 units for UCS-2. */
    public int units(String text) {
        if (this == UCS_2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += EXTENSION_CHARS.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    /** Most units in one segment: 160 or 70. */
    public int singleSegment() {
        return singleSegment;
    }

    /**
     * The text as octets: GSM 7-bit unpacked, one septet per octet as SMPP 3.4 §5.2.19 carries it in
     * {@code short_message}; UCS-2 as big-endian UTF-16.
     *
     * @throws IllegalArgumentException if a character is not in this alphabet
     */
    public byte[] encode(String text) {
        if (this == UCS_2) {
            return text.getBytes(StandardCharsets.UTF_16BE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int extension = EXTENSION_CHARS.indexOf(c);
            int basic = BASIC.indexOf(c);
            if (extension >= 0) {
                out.write(ESCAPE);
                out.write(EXTENSION_CODES[extension]);
            } else if (basic >= 0 && c != ESCAPE) {
                out.write(basic);
            } else {
                throw new IllegalArgumentException("Character U+%04X is not in the GSM 7-bit alphabet".formatted((int) c));
            }
        }
        return out.toByteArray();
    }
}
