package com.nightshift.rollup.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nightshift.rollup.RollupRow;
import com.nightshift.rollup.cache.RollupCacheProperties;
import com.nightshift.rollup.cache.RollupReader;

/**
 * {@code GET /api/rollups/{grain}?store=&from=&to=}: one store's rollup rows over a date range, as JSON.
 * Parameters are taken as text and validated by {@link RollupQuery}, so every bad input gets a 400 problem
 * detail naming the parameter (see {@link RollupApiExceptionHandler}).
 */
@RestController
@RequestMapping("/api/rollups")
class RollupController {

    private final RollupReader reader;
    private final int maxRangeDays;

    RollupController(RollupReader reader, RollupCacheProperties properties) {
        this.reader = reader;
        this.maxRangeDays = properties.maxRangeDays();
    }

    @GetMapping("/{grain}")
    List<RollupRow> read(@PathVariable String grain, @RequestParam(required = false) String store,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        RollupQuery request = RollupQuery.parse(grain, store, from, to, maxRangeDays);
        return reader.read(request.grain(), request.store(), request.from(), request.to());
    }
}
