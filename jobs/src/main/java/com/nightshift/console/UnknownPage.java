package com.nightshift.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** Any console path no page answers (a mistyped or outdated link): the console's "no such page". */
@ConsoleController
class UnknownPage {

    @RequestMapping("/console/**")
    void none() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
