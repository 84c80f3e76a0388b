package com.nightshift.recipients;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who receives the reports.
 *
 * @param file the recipients file: a path, or a {@code classpath:} or {@code file:} location (the demo uses the
 *             bundled {@code classpath:reports/demo-recipients.yml}); README "The recipients file" has its shape
 */
@ConfigurationProperties("nightshift.recipients")
public record RecipientsProperties(String file) {
}
