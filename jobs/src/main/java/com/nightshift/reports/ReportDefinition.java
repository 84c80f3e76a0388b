package com.nightshift.reports;

/**
 * One report the engine renders: a JasperReports template in the templates folder and the scope whose figures
 * fill it. Configured under {@code nightshift.reports.catalog.<name>}, so a new report over the existing
 * figures is a template and one entry of configuration.
 *
 * @param name     the report's name, as {@code report=NAME} selects it
 * @param template the JRXML file, relative to the templates folder
 * @param scope    the figures it is filled with and who receives it
 */
public record ReportDefinition(String name, String template, ReportScope scope) {
}
