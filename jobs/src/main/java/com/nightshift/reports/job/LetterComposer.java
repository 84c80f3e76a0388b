package com.nightshift.reports.job;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

import com.nightshift.delivery.Attachment;
import com.nightshift.delivery.Letter;
import com.nightshift.recipients.Recipient;
import com.nightshift.reports.Headline;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.ReportSubject;
import com.nightshift.reports.archive.ArchiveFiles;
import com.nightshift.reports.archive.ArchivedReport;

/**
 * Writes one letter in its recipient's language ({@code letters_<language>.properties} beside this class): the
 * subject names the period and how many reports it carries, the body lists each report with its headline figures
 * (or, for a correction, the figures that changed, old and new), and the PDF and XLSX of each are attached.
 */
final class LetterComposer {

    private static final String BUNDLE = "com.nightshift.reports.job.letters";
    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ArchiveFiles files;
    private final ZoneId zone;

    LetterComposer(ArchiveFiles files, ZoneId zone) {
        this.files = files;
        this.zone = zone;
    }

    /**
     * @param previous for a correction, the reports the recipient was sent before (by report and subject);
     *                 null for an original
     */
    Letter compose(Recipient recipient, String deliveryKey, int revision, ReportPeriod period,
                   List<ArchivedReport> reports, Map<String, ArchivedReport> previous, String contentDigest) {
        Locale language = recipient.language();
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String when = period.weekly() ? period.key() : date(period.from(), language);
        String subject = format(texts, language, period.weekly() ? "subject.weekly" : "subject.daily", when,
                reports.size());
        StringBuilder body = new StringBuilder(format(texts, language, "greeting", recipient.name())).append("\n\n");
        if (previous != null) {
            subject = format(texts, language, "subject.correction", subject);
            body.append(texts.getString("intro.correction")).append("\n");
            for (ArchivedReport report : reports) {
                changes(texts, language, report, previous.get(key(report))).forEach(line ->
                        body.append("  ").append(line).append("\n"));
            }
            body.append("\n");
        }
        body.append(period.weekly()
                ? format(texts, language, "intro.weekly", period.key(), date(period.from(), language),
                        date(period.to(), language))
                : format(texts, language, "intro.daily", when)).append("\n");
        for (ArchivedReport report : reports) {
            body.append("  ").append(format(texts, language, "report.line", reportName(texts, report),
                    subjectName(texts, report), report.headline().orders(), amount(report.headline().net(),
                            language))).append("\n");
        }
        ArchivedReport oldest = reports.stream()
                .min(Comparator.comparing(report -> report.dataAsOf().asOf())).orElseThrow();
        body.append("\n").append(format(texts, language, "footer", DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(language)
                .format(oldest.dataAsOf().asOf().atZoneSameInstant(zone)))).append("\n");
        return new Letter(deliveryKey, revision, recipient.id(), recipient.email(), recipient.name(), subject,
                body.toString(), attachments(reports), contentDigest);
    }

    /** How reports are matched between two letters of one key: the same report about the same subject. */
    static String key(ArchivedReport report) {
        return report.reportName() + "\n" + report.subject();
    }

    private List<String> changes(ResourceBundle texts, Locale language, ArchivedReport now, ArchivedReport before) {
        String name = reportName(texts, now);
        String subject = subjectName(texts, now);
        if (before == null) {
            return List.of(format(texts, language, "change.new", name, subject));
        }
        List<String> lines = new ArrayList<>();
        Headline old = before.headline();
        Headline current = now.headline();
        change(lines, texts, language, name, subject, "figure.orders", old, current, Headline::orders, false);
        change(lines, texts, language, name, subject, "figure.lines", old, current, Headline::lines, false);
        change(lines, texts, language, name, subject, "figure.quantity", old, current, Headline::quantity, false);
        change(lines, texts, language, name, subject, "figure.gross", old, current, Headline::gross, true);
        change(lines, texts, language, name, subject, "figure.refunds", old, current, Headline::refunds, true);
        change(lines, texts, language, name, subject, "figure.net", old, current, Headline::net, true);
        return lines;
    }

    private static void change(List<String> lines, ResourceBundle texts, Locale language, String name,
                               String subject, String figure, Headline old, Headline current,
                               Function<Headline, Object> value, boolean money) {
        Object before = value.apply(old);
        Object after = value.apply(current);
        boolean same = money ? ((BigDecimal) before).compareTo((BigDecimal) after) == 0 : before.equals(after);
        if (!same) {
            lines.add(format(texts, language, "change.line", name, subject, texts.getString(figure),
                    money ? amount((BigDecimal) before, language) : String.format(language, "%,d", (Long) before),
                    money ? amount((BigDecimal) after, language) : String.format(language, "%,d", (Long) after)));
        }
    }

    private List<Attachment> attachments(List<ArchivedReport> reports) {
        List<Attachment> attachments = new ArrayList<>();
        for (ArchivedReport report : reports) {
            String name = String.join("_", report.reportName(), ArchiveFiles.segment(report.subject()),
                    report.periodKey());
            attachments.add(new Attachment(name + ".pdf", PDF, files.resolve(report.pdf().path())));
            attachments.add(new Attachment(name + ".xlsx", XLSX, files.resolve(report.xlsx().path())));
        }
        return attachments;
    }

    private static String reportName(ResourceBundle texts, ArchivedReport report) {
        return text(texts, "report." + report.reportName(), report.reportName());
    }

    private static String subjectName(ResourceBundle texts, ArchivedReport report) {
        return report.subject().equals(ReportSubject.CHAIN) ? text(texts, "subject.chain", report.subject())
                : report.subject();
    }

    /** A report added by configuration alone has no label here: it is named as in the catalog. */
    private static String text(ResourceBundle texts, String key, String otherwise) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }

    private static String format(ResourceBundle texts, Locale language, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), language).format(arguments);
    }

    private static String date(LocalDate date, Locale language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(date);
    }

    /** Yuan with two decimals and thousands separators: ¥12,345.00. */
    static String amount(BigDecimal amount, Locale language) {
        return "¥" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(language)).format(amount);
    }
}
