package com.nightshift.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a console page throws when it cannot be shown: the console's error page ({@link ErrorPage}) shows its
 * reason as it is, so the reason is written here in the reader's language, from the page's own message bundle.
 */
@Component
public class PageProblems {

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** No such thing (an execution, a schedule, a report): {@code key} says which, in words. */
    public ResponseStatusException notFound(String key, Object... arguments) {
        return of(HttpStatus.NOT_FOUND, key, arguments);
    }

    /** A query value the page cannot use (a hand-edited link): {@code key} says which and why. */
    public ResponseStatusException badRequest(String key, Object... arguments) {
        return of(HttpStatus.BAD_REQUEST, key, arguments);
    }

    private ResponseStatusException of(HttpStatus status, String key, Object[] arguments) {
        // the request's locale, as the console's resolver chose it (Chinese unless ?lang=en or its cookie)
        return new ResponseStatusException(status, messages.getMessage(key, arguments,
                LocaleContextHolder.getLocale()));
    }
}
