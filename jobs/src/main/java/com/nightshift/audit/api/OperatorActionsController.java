package com.nightshift.audit.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.nightshift.audit.OperatorAction;
import com.nightshift.audit.OperatorActions;

/** {@code GET /api/audit}: what operators did, newest first, a page at a time ({@code before} the last id seen). */
@RestController
class OperatorActionsController {

    private static final int MOST = 200;

    private final OperatorActions actions;

    OperatorActionsController(OperatorActions actions) {
        this.actions = actions;
    }

    @GetMapping("/api/audit")
    List<OperatorAction> page(@RequestParam(required = false) Long before,
                              @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MOST) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to " + MOST + ", was " + limit);
        }
        return actions.page(before, limit);
    }
}
