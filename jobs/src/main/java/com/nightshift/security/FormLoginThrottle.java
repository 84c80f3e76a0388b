package com.nightshift.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's login form, logged and slowed as the API's Basic login is ({@link FailedLogins}, counted per name
 * across both): a wrong password is logged with the name tried and the address, and counted; while a name must
 * wait, its form is answered at once, without its password being checked, by the form again saying how many
 * seconds to wait ({@code /login?wait=N}). A redirect rather than a bare 429, so that the person at the browser
 * reads why in their language.
 */
final class FormLoginThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

    /** The parameter of the login page that says how many seconds a name must wait. */
    static final String WAIT = "wait";
    private static final Logger log = LoggerFactory.getLogger(FormLoginThrottle.class);

    private final String loginPage;
    private final RequestMatcher loginPost;
    private final FailedLogins failedLogins;

    FormLoginThrottle(String loginPage, FailedLogins failedLogins) {
        this.loginPage = loginPage;
        this.loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPage);
        this.failedLogins = failedLogins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !loginPost.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = Optional.ofNullable(request.getParameter("username"))
                .flatMap(failedLogins::waitFor);
        if (wait.isPresent()) {
            response.sendRedirect(request.getContextPath() + loginPage + "?" + WAIT + "="
                    + FailedLogins.wholeSeconds(wait.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String name = request.getParameter("username");
        if (exception instanceof BadCredentialsException && name != null) {
            failedLogins.failed(name);
            log.warn("Failed console login as '{}' from {}", name, request.getRemoteAddr());
        }
        response.sendRedirect(request.getContextPath() + loginPage + "?error");
    }
}
