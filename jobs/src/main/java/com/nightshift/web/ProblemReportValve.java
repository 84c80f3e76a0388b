package com.nightshift.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.core.Ordered;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before they reach the application, a query with unencoded Chinese characters
 * above all, and its error valve answers them with an HTML page. This valve takes its place and answers with a
 * problem detail; errors the application answers itself are left as they are.
 */
class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status == HttpStatus.BAD_REQUEST.value()
                ? "the request cannot be read: characters other than printable ASCII in the path or query must be "
                        + "percent-encoded as UTF-8 (e.g. curl -G --data-urlencode 'store=...')"
                : "the server could not process the request";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response was already sent: nothing left to answer
        }
    }

    /** Puts the valve in place of the one Spring Boot adds (after Boot's own customizer has run). */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve());
                // or the host adds Tomcat's own valve again as it starts
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
