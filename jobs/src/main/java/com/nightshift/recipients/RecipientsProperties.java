package com.nightshift.recipients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who receives the reports.
 *
 * @param file the recipients file: a path, or a {@code classpath:} or {@code file:} location; README "The
 *             recipients file" shows how to write one
 */
@ConfigurationProperties("nightshift.recipients")
public record RecipientsProperties(String file) {

    /** The bundled demo chain's recipients, the {@code demo} command's default. */
    public static final String DEMO_FILE = "classpath:reports/demo-recipients.yml";
}
