package se.susam.inloggning.bankid;

/**
 * BankID's recommended user messages ("RFA", RP guidelines, "Recommended user messages"), in
 * BankID's own Swedish and English words, and which one to show for each status, hint code and
 * error. A hint code BankID adds later falls back to RFA21 while pending and RFA22 when failed.
 */
public enum Rfa {
    RFA1("Starta BankID-appen.", "Start your BankID app."),
    RFA2("Du verkar inte ha BankID-appen. Installera den och skaffa ett BankID.",
            "You don't seem to have the BankID app. Install the app and get a BankID."),
    RFA3("Åtgärden avbröts. Försök igen.", "The action was cancelled. Please try again."),
    RFA4("En identifiering eller underskrift pågår redan för ditt personnummer. Försök igen.",
            "An identification or signing is already in progress for your personal identity number. Please try again."),
    RFA5("Något gick fel. Försök igen.", "Something went wrong. Please try again."),
    RFA6("Åtgärden avbröts.", "The action was cancelled."),
    RFA8("BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Försök sedan igen.",
            "The BankID app is not responding. Please check that it's started and that you have internet access. Then try again."),
    RFA9("Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.",
            "Enter your security code in the BankID app and select Identify or Sign."),
    RFA13("Försöker starta BankID-appen.", "Trying to start your BankID app."),
    RFA15A("Söker efter BankID. Säkerställ att du har ett giltigt BankID på den här datorn. "
            + "Om du har ett BankID på kort, sätt in kortet i kortläsaren.",
            "Searching for BankID. Make sure you have a valid BankID on this computer. "
                    + "If you have a BankID on card, please insert the card into your card reader."),
    RFA15B("Söker efter BankID. Säkerställ att du har ett giltigt BankID på den här enheten.",
            "Searching for BankID. Make sure you have a valid BankID on this device."),
    RFA16("Ditt BankID är för gammalt eller spärrat. Använd ett annat BankID eller skaffa ett nytt hos din bank.",
            "Your BankID is blocked or too old. Please use another BankID or get a new one from your bank."),
    RFA17A("Du verkar inte ha BankID-appen. Installera den och skaffa ett BankID hos din bank.",
            "You don't seem to have the BankID app. Please install it and get a BankID from your bank."),
    RFA17B("Misslyckades att läsa av QR-koden. Starta BankID-appen och läs av QR-koden. "
            + "Kontrollera att BankID-appen är uppdaterad. Om du inte har BankID-appen måste du installera den "
            + "och skaffa ett BankID hos din bank.",
            "Failed to scan the QR code. Start the BankID app and scan the QR code. Check that the BankID app "
                    + "is up to date. If you don't have the BankID app, you need to install it and get a BankID "
                    + "from your bank."),
    RFA18("Starta BankID-appen", "Start the BankID app"),
    RFA19("Vill du använda BankID på den här datorn eller ett Mobilt BankID?",
            "Would you like to use BankID on this computer, or a Mobile BankID?"),
    RFA20("Vill du använda BankID på den här enheten eller på en annan enhet?",
            "Would you like to use BankID on this device, or on another device?"),
    RFA21("Identifiering eller underskrift pågår.", "Identification or signing in progress."),
    RFA22("Okänt fel. Försök igen.", "Unknown error. Please try again."),
    RFA23("Fotografera och läs av din ID-handling med BankID-appen.",
            "Process your machine-readable travel document using the BankID app.");

    private final String swedish;
    private final String english;

    Rfa(String swedish, String english) {
        this.swedish = swedish;
        this.english = english;
    }

    public String swedish() {
        return swedish;
    }

    public String english() {
        return english;
    }

    /** The text in {@code language} ("en" for English, Swedish otherwise). */
    public String text(String language) {
        return "en".equals(language) ? english : swedish;
    }

    /**
     * The message for a collect answer.
     *
     * @param autoStarted  the app was started from this device (autostart), not by QR code
     * @param mobileDevice the browser is on a phone or tablet
     */
    public static Rfa forCollect(CollectResponse.Status status, String hintCode, boolean autoStarted,
                                 boolean mobileDevice) {
        HintCode hint = HintCode.of(hintCode).orElse(null);
        return switch (status) {
            case COMPLETE -> RFA21;
            case PENDING -> hint == null ? RFA21 : switch (hint) {
                case OUTSTANDING_TRANSACTION -> autoStarted ? RFA13 : RFA1;
                case NO_CLIENT -> RFA1;
                case STARTED -> mobileDevice ? RFA15B : RFA15A;
                case USER_SIGN -> RFA9;
                case USER_MRTD -> RFA23;
                default -> RFA21;
            };
            case FAILED -> hint == null ? RFA22 : switch (hint) {
                case EXPIRED_TRANSACTION -> RFA8;
                case CERTIFICATE_ERR -> RFA16;
                case USER_CANCEL, USER_DECLINED_CALL -> RFA6;
                case CANCELLED -> RFA3;
                case START_FAILED -> autoStarted ? RFA17A : RFA17B;
                default -> RFA22;
            };
        };
    }

    /** The message for an error answer. */
    public static Rfa forError(RpErrorCode errorCode) {
        return switch (errorCode) {
            case ALREADY_IN_PROGRESS -> RFA4;
            case INTERNAL_ERROR, MAINTENANCE, TOO_MANY_REQUESTS, TRANSPORT, REQUEST_TIMEOUT -> RFA5;
            default -> RFA22;
        };
    }
}
