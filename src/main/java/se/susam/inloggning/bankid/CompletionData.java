package se.susam.inloggning.bankid;

/**
 * {@code completionData} of a complete order (RP API v6.0). {@code signature} is BankID's XML
 * signature and {@code ocspResponse} the OCSP answer for the user's certificate, both Base64; we
 * keep them with the audit event as evidence of the login.
 *
 * @param bankIdIssueDate the date the user's BankID was issued (ISO 8601 date)
 * @param risk            {@code low}, {@code moderate} or {@code high}, when asked for with returnRisk
 */
public record CompletionData(User user, Device device, StepUp stepUp, String bankIdIssueDate, String signature,
                             String ocspResponse, String risk) {

    /** Who identified. {@link #toString()} hides the personal number. */
    public record User(String personalNumber, String name, String givenName, String surname) {

        @Override
        public String toString() {
            return "User[personalNumber=" + (personalNumber == null || personalNumber.length() < 8 ? "…"
                    : personalNumber.substring(0, 8) + "-XXXX") + ", name=…]";
        }
    }

    /**
     * The user's device.
     *
     * @param ipAddress the IP address BankID saw the app at
     * @param uhi       BankID's unique hardware identifier of the device
     */
    public record Device(String ipAddress, String uhi) {
    }

    /** Step-up results: {@code mrtd} is true when an ID document was checked. */
    public record StepUp(Boolean mrtd) {
    }

    @Override
    public String toString() {
        return "CompletionData[user=" + user + ", bankIdIssueDate=" + bankIdIssueDate + ", risk=" + risk + "]";
    }
}
