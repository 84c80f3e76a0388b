package com.nightshift.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import com.nightshift.web.Problems;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals of the login as the rest of the API refuses: RFC 9457 problem details. A wrong password is logged with
 * the name tried and where from, so that someone guessing shows in the log, and counted ({@link FailedLogins}).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The request attribute with the name a Basic login tried, set by {@link LoginThrottleFilter}. */
    static final String TRIED_NAME = ProblemResponses.class.getName() + ".triedName";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final JsonMapper json;
    private final FailedLogins failedLogins;

    ProblemResponses(JsonMapper json, FailedLogins failedLogins) {
        this.json = json;
        this.failedLogins = failedLogins;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof BadCredentialsException && request.getAttribute(TRIED_NAME) instanceof String name) {
            failedLogins.failed(name);
            log.warn("Failed login as '{}' to {} {} from {}", name, request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr());
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"nightshift\"");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Login required", "log in with a user of "
                + "nightshift.security.users (HTTP Basic): " + e.getMessage()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String user = request.getUserPrincipal() == null ? "this user" : request.getUserPrincipal().getName();
        write(response, Problems.of(HttpStatus.FORBIDDEN, "Operator role required", user + " may read but not "
                + request.getMethod() + " " + request.getRequestURI() + ": that takes the operator role"));
    }

    void tooManyFailures(HttpServletResponse response, String name, Duration wait) throws IOException {
        long seconds = FailedLogins.wholeSeconds(wait);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", "too many wrong "
                + "passwords for '" + name + "' in a row: try again in " + seconds + " s"));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
