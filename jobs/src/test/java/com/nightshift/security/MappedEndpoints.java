package com.nightshift.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint Spring MVC maps, read from its handler mappings (the controllers' and the actuator's), with its
 * path variables filled with values that name nothing: an execution or delivery id that was never recorded, a job
 * or schedule called {@code no-such-...}. So an operator's POST reaches its endpoint and is answered 404, 400 or
 * 409 by the endpoint itself, and starts, stops or sends nothing. Two take no name and do run: resending the
 * failed letters without the period they need (400), and reloading the schedules, from the folder they were
 * loaded from at start, which changes nothing.
 */
final class MappedEndpoints {

    /** An id no test records: the database's sequences are nowhere near it. */
    private static final String UNKNOWN_ID = "987654321";
    /**
     * Spring Boot's error page: open by design, so that any refusal can be rendered; asked directly it only
     * renders an error, and which error is the subject of {@code web.ApiErrorsTest}.
     */
    private static final String ERROR_PAGE = "/error";

    private MappedEndpoints() {
    }

    /** One method on one path, as a client would call it. */
    record Endpoint(String method, String path) {

        /** The API's chain (HTTP Basic, problem details) rather than the console's (form login, session). */
        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/actuator");
        }

        boolean read() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> of(ApplicationContext context) {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods(info)) {
                        Endpoint endpoint = new Endpoint(method, filled(pattern));
                        if (!pattern.equals(ERROR_PAGE) && seen.add(endpoint.toString())) {
                            endpoints.add(endpoint);
                        }
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    /** A mapping for any method (a catch-all page) is asked with a read and with a change. */
    private static List<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(RequestMethod::name).toList();
    }

    static String filled(String pattern) {
        return pattern.replace("/**", "/no-such-page")
                .replaceAll("\\{\\*[^}]+}", "no-such-page")
                .replaceAll("\\{(id|\\w+Id)(:[^}]*)?}", UNKNOWN_ID)
                .replaceAll("\\{(\\w+)(:[^}]*)?}", "no-such-$1");
    }
}
