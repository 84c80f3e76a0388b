package com.nightshift.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every API or console request that changes something (any method but GET, HEAD and OPTIONS) once it has
 * been answered, whatever the answer: a refused stop is as much an operator's action as a done one. The console's
 * forms post to the API's paths under {@code /console/} and answer with a redirect either way, so a form says
 * what the API would have answered in {@link OperatorActions#ANSWERED_STATUS} and
 * {@link OperatorActions#ANSWERED_OUTCOME}, and the record of an action reads the same whichever way it came.
 * Requests the login refused never reach it (they are logged as failed logins). A record that cannot be written is
 * logged, and the operator's action stands.
 */
@Configuration(proxyBeanMethods = false)
class OperatorActionRecorder implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OperatorActionRecorder.class);
    private static final String API = "/api/";
    private static final String CONSOLE = "/console/";

    private final OperatorActions actions;

    OperatorActionRecorder(OperatorActions actions) {
        this.actions = actions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(API + "**", CONSOLE + "**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String resource = path.startsWith(API) ? path.substring(API.length())
                : path.startsWith(CONSOLE) ? path.substring(CONSOLE.length()) : path;
        boolean answered = request.getAttribute(OperatorActions.ANSWERED_STATUS) instanceof Integer;
        int status = answered ? (Integer) request.getAttribute(OperatorActions.ANSWERED_STATUS) : response.getStatus();
        String outcome = answered ? (String) request.getAttribute(OperatorActions.ANSWERED_OUTCOME)
                : response.getHeader("Location");
        String user = request.getUserPrincipal() == null ? OperatorActions.ANONYMOUS
                : request.getUserPrincipal().getName();
        try {
            actions.record(user, action(resource), target(resource), status, outcome, request.getRemoteAddr());
        } catch (RuntimeException e) {
            log.warn("Cannot record {}'s {} {} ({}): {}", user, method, path, status, e.getMessage());
        }
    }

    /** The verb a path ends in ({@code schedules/x/pause}); a POST to {@code jobs/rollup/executions} starts. */
    static String action(String resource) {
        String last = resource.substring(resource.lastIndexOf('/') + 1);
        return "executions".equals(last) ? "start" : last;
    }

    /** What the verb acts on: the path before it ({@code schedules/x}, {@code jobs/rollup}). */
    static String target(String resource) {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }
}
