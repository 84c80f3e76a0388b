package com.nightshift.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Which part of the console a page belongs to, for the menu to mark: the path's first part after
 * {@code /console/} ({@code /console/executions/42} is in "executions", {@code /console/reports/deliveries} in
 * "reports").
 */
@ControllerAdvice(annotations = ConsoleController.class)
class ConsoleSection {

    private static final String CONSOLE = "/console/";

    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(CONSOLE)) {
            return "";
        }
        String rest = path.substring(CONSOLE.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
