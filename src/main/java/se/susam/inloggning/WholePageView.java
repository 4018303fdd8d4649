package se.susam.inloggning;

import java.io.PrintWriter;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * A Thymeleaf page sent whole, with its length. Thymeleaf renders a page into a buffer
 * ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing: false}), writes it to
 * the response and then flushes it. The flush sent the response before it was complete, so Tomcat
 * could not tell its length: every page went out chunked, in two writes to the socket (the page,
 * then the five bytes that end a chunked body), and the browser was woken for each. Without the
 * flush, Tomcat sends a page that fits its response buffer (8 KiB) with a {@code Content-Length}
 * in one write when the request ends; a larger page fills the buffer and goes out chunked as before.
 */
public class WholePageView extends ThymeleafView {

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        super.render(model, request, new Unflushed(response));
    }

    /** The response, whose writer's {@code flush} and {@code flushBuffer} wait for the request's end. */
    private static final class Unflushed extends HttpServletResponseWrapper {

        private PrintWriter writer;

        Unflushed(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws java.io.IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter(), false) {
                    @Override
                    public void flush() {
                        // The servlet container sends the response when the request ends.
                    }
                };
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // As flush() above.
        }
    }
}
