package com.nightshift.audit.console;

import java.util.List;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.nightshift.audit.OperatorAction;
import com.nightshift.audit.OperatorActions;
import com.nightshift.config.NightshiftProperties;
import com.nightshift.console.ConsoleController;

/**
 * {@code /console/audit}: what operators did, through the console, the API or the command line, newest first, a
 * page at a time: {@code ?before=} the last id of the page before, as {@code GET /api/audit} pages.
 */
@ConsoleController
class AuditPage {

    static final int PAGE = 50;

    private final OperatorActions actions;
    private final NightshiftProperties properties;

    AuditPage(OperatorActions actions, NightshiftProperties properties) {
        this.actions = actions;
        this.properties = properties;
    }

    @GetMapping("/console/audit")
    String page(@RequestParam(required = false) Long before, Model model) {
        // one more than shown: whether an older page exists, without counting the table
        List<OperatorAction> page = actions.page(before, PAGE + 1);
        List<AuditRow> rows = page.stream().limit(PAGE).map(action -> AuditRow.of(action, properties.zone()))
                .toList();
        model.addAttribute("actions", rows);
        model.addAttribute("older", page.size() > PAGE ? rows.get(rows.size() - 1).id() : null);
        model.addAttribute("first", before == null);
        model.addAttribute("zone", properties.zone().getId());
        return "audit/list";
    }
}
