package com.nightshift.reports;

/**
 * A report's template, or its catalog entry, is unusable: missing, not valid JRXML, or an expression that does
 * not compile. The message names the file (or entry) and says what is wrong; an operator fixes the template, a
 * retry cannot help.
 */
public class ReportTemplateException extends RuntimeException {

    public ReportTemplateException(String message) {
        super(message);
    }

    public ReportTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
