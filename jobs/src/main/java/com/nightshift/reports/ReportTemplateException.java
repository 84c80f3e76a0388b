package com.nightshift.reports;

/**
 * A report's template, or its catalog entry, is unusable: missing, not valid JRXML, or an expression that does
 * not compile. The message names the file (or entry) and says what is wrong; an operator fixes the template, a
 * retry cannot help. An illegal argument, like a bad job parameter: the command line answers it with its message
 * and exit code 2.
 */
public class ReportTemplateException extends IllegalArgumentException {

    public ReportTemplateException(String message) {
        super(message);
    }

    public ReportTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
