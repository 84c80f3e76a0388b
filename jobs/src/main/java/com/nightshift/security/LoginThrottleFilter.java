package com.nightshift.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before its password is checked, a Basic login whose name must still wait after wrong passwords
 * ({@link FailedLogins}): 429 with Retry-After, as a problem detail. Notes the name tried for the login's refusal,
 * which counts it.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final FailedLogins failedLogins;
    private final ProblemResponses problems;

    LoginThrottleFilter(FailedLogins failedLogins, ProblemResponses problems) {
        this.failedLogins = failedLogins;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> name = basicName(request.getHeader("Authorization"));
        name.ifPresent(tried -> request.setAttribute(ProblemResponses.TRIED_NAME, tried));
        Optional<Duration> wait = name.flatMap(failedLogins::waitFor);
        if (wait.isPresent()) {
            problems.tooManyFailures(response, name.get(), wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name of a Basic login; empty for anything else, which the login itself refuses or ignores. */
    private static Optional<String> basicName(String header) {
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
