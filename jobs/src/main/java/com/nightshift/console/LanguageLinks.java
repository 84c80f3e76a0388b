package com.nightshift.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The menu's links to the page in each language, keeping the page's own query: a reader who switches language on
 * a filtered list ({@code ?job=rollup&status=FAILED}) or a later page of it stays there. Only {@code lang} is
 * replaced. The links are relative ({@code ?job=...&lang=en}), so they hold behind a proxy that changes the host;
 * the query is kept as the browser sent it, already encoded. Pages rendered without a console controller (the
 * error page after a failure) fall back to the page's path without its query.
 */
@ControllerAdvice(annotations = ConsoleController.class)
class LanguageLinks {

    record Links(String chinese, String english) {
    }

    @ModelAttribute("languageLinks")
    Links languageLinks(HttpServletRequest request) {
        return new Links(in(request, "zh_CN"), in(request, "en"));
    }

    private static String in(HttpServletRequest request, String language) {
        return UriComponentsBuilder.newInstance().query(request.getQueryString())
                .replaceQueryParam(ConsoleWebConfiguration.LANGUAGE_PARAMETER, language).build().toUriString();
    }
}
