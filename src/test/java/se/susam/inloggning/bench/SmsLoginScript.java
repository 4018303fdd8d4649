package se.susam.inloggning.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.susam.inloggning.demo.BenchPopulation;

/**
 * One complete SMS login as a person does it, both steps, timing each request: the password page,
 * "Logga in", the code page, reading the SMS (the outbox, filtered to the person's number, without
 * the browser's cookies: the phone is not the browser), "Bekräfta engångslösen", and the SUS start
 * page. Each request's answer is checked; the first unexpected one ends the login with
 * {@link StepFailed}. One script is one virtual user: it keeps one connection alive between logins.
 */
final class SmsLoginScript implements Closeable {

    /** The requests of one login, in order. */
    enum Step {
        PASSWORD_PAGE("GET  /login/sms"),
        PASSWORD_SUBMIT("POST /login/sms"),
        CODE_PAGE("GET  /login/sms/kod"),
        READ_SMS("GET  /dev/sms/outbox.json?to="),
        CODE_SUBMIT("POST /login/sms/kod"),
        SUS_PAGE("GET  /sus");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** A login that did not end in SUS: the step and what came back instead. */
    static final class StepFailed extends Exception {

        final Step step;

        StepFailed(Step step, String what) {
            super(step.label + ": " + what, null, false, false);
            this.step = step;
        }
    }

    private static final Pattern OTP = Pattern.compile("Your OTP: (\\d{6})");

    private final HttpConnection connection;

    SmsLoginScript(URI server) {
        this.connection = new HttpConnection(server);
    }

    @Override
    public void close() {
        connection.close();
    }

    /**
     * Logs {@code user} in with a fresh browser; {@code stepNanos} receives each request's duration.
     *
     * @throws StepFailed at the first answer that is not the one a successful login gets
     */
    void login(BenchPopulation.BenchUser user, long[] stepNanos) throws StepFailed {
        BenchBrowser browser = new BenchBrowser(connection);
        expect(Step.PASSWORD_PAGE, call(Step.PASSWORD_PAGE, stepNanos, () -> browser.get("/login/sms")), 200, null);
        expect(Step.PASSWORD_SUBMIT, call(Step.PASSWORD_SUBMIT, stepNanos, () -> browser.post("/login/sms",
                "personnummer", user.personnummer().value(), "password", BenchPopulation.MASTER_PASSWORD)),
                302, "/login/sms/kod");
        expect(Step.CODE_PAGE, call(Step.CODE_PAGE, stepNanos, () -> browser.get("/login/sms/kod")), 200, null);
        BenchBrowser.Page outbox = call(Step.READ_SMS, stepNanos, () -> readSms(user));
        expect(Step.READ_SMS, outbox, 200, null);
        Matcher code = OTP.matcher(outbox.body());
        if (!code.find()) {
            throw new StepFailed(Step.READ_SMS, "no one-time code in the outbox");
        }
        expect(Step.CODE_SUBMIT, call(Step.CODE_SUBMIT, stepNanos,
                () -> browser.post("/login/sms/kod", "code", code.group(1))), 302, "/sus");
        BenchBrowser.Page sus = call(Step.SUS_PAGE, stepNanos, () -> browser.get("/sus"));
        expect(Step.SUS_PAGE, sus, 200, null);
        if (!sus.body().contains("Lasttest Person " + user.index() + "<")) {
            throw new StepFailed(Step.SUS_PAGE, "SUS start page without the person's name");
        }
    }

    private BenchBrowser.Page readSms(BenchPopulation.BenchUser user) throws IOException {
        HttpConnection.Response response = connection.exchange("GET",
                "/dev/sms/outbox.json?to=" + BenchBrowser.encode(user.mobile().e164()), List.of(), null);
        return new BenchBrowser.Page(response.status(), response.body(), response.header("location"));
    }

    private interface Request {
        BenchBrowser.Page send() throws IOException;
    }

    /** Times one request; a request that breaks also drops the connection, whatever state it is in. */
    private BenchBrowser.Page call(Step step, long[] stepNanos, Request request) throws StepFailed {
        long start = System.nanoTime();
        try {
            return request.send();
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw new StepFailed(step, e.getClass().getSimpleName());
        } finally {
            stepNanos[step.ordinal()] = System.nanoTime() - start;
        }
    }

    private static void expect(Step step, BenchBrowser.Page page, int status, String redirectPath)
            throws StepFailed {
        if (page.status() != status) {
            throw new StepFailed(step, "HTTP " + page.status() + errorCode(page.body()));
        }
        if (redirectPath != null && !page.location().endsWith(redirectPath)) {
            throw new StepFailed(step, "redirect to " + page.location());
        }
    }

    /** The product's error code on an error page ("SMS-013"), so a failure says which rule refused. */
    private static String errorCode(String body) {
        Matcher m = Pattern.compile("\\b([A-Z]{3}-\\d{3})\\b").matcher(body);
        return m.find() ? " " + m.group(1) : "";
    }
}
