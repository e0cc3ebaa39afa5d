package io.agentcoach.platform.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error report, for requests the container refuses before any servlet runs
 * (an illegal character in the URI, a malformed request line). Writes a problem document instead
 * of Tomcat's HTML page, so even those clients get the one error shape.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String title = status >= 500 ? "Internal error" : "Bad request";
        String detail = status >= 500 ? "Something went wrong on our side. It has been logged; please try again."
                : "The request could not be understood by the server.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"/problems/" + ErrorSlugs.forStatus(status) + "\",\"title\":\"" + title
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response is already committed: nothing more can be said
        }
    }
}
