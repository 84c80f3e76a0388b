package com.nightshift.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The jobs the demo runs, in order, with their parameters. Each capability adds its job here. */
public final class DemoPlan {

    private DemoPlan() {
    }

    public static Map<String, Map<String, String>> jobs(LocalDate lastDate) {
        return new LinkedHashMap<>();
    }
}
