package com.nightshift.reports.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.DeliveryRecord;
import com.nightshift.delivery.DeliveryState;
import com.nightshift.delivery.Letter;
import com.nightshift.recipients.Recipient;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.archive.ArchiveFiles;
import com.nightshift.reports.archive.ArchivedReport;
import com.nightshift.reports.archive.ReportArchive;

/**
 * Bursting into letters: ONE letter per recipient per delivery key ({@code report:daily:<date>},
 * {@code report:weekly:<week>}) carrying every report they get for it, in their language. Against the ledger:
 * nothing recorded yet makes revision 0; figures changed since a letter that was delivered, failed or is uncertain
 * make the next revision (a correction of the last letter delivered, if any); anything else (unchanged, or still
 * on its way) plans nothing new.
 */
@Component
class LetterPlanner {

    /** States after which a changed content is sent as a new revision. */
    private static final Set<DeliveryState> DONE_WITH = EnumSet.of(DeliveryState.DELIVERED, DeliveryState.FAILED,
            DeliveryState.UNCERTAIN);

    private final ReportArchive archive;
    private final Deliveries deliveries;
    private final LetterContents contents;
    private final LetterComposer composer;

    LetterPlanner(ReportArchive archive, Deliveries deliveries, LetterContents contents, ArchiveFiles files,
                  NightshiftProperties properties) {
        this.archive = archive;
        this.deliveries = deliveries;
        this.contents = contents;
        this.composer = new LetterComposer(files, properties.zone());
    }

    static String deliveryKey(ReportPeriod period) {
        return "report:" + (period.weekly() ? "weekly" : "daily") + ":" + period.key();
    }

    /** The letters of this run that the ledger does not hold yet; their keys are every key of the run. */
    Planned plan(ReportRun.Plan run) {
        // key -> email -> reports, in a stable order so that equal content gives an equal letter
        Map<String, Map<String, List<ArchivedReport>>> byKey = new TreeMap<>();
        Map<String, ReportPeriod> periods = new TreeMap<>();
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (PlannedReport report : run.reports()) {
            String key = deliveryKey(report.period());
            periods.put(key, report.period());
            for (Recipient recipient : run.directory().receiving(report.subject())) {
                recipients.putIfAbsent(recipient.email(), recipient);
                ArchivedReport archived = archive.latest(report.definition().name(), report.subject().name(),
                        report.period().key(), recipient.language().toLanguageTag()).orElseThrow(() ->
                        new IllegalStateException(report.label() + " in " + recipient.language().toLanguageTag()
                                + " is not in the archive, though the render step has finished"));
                byKey.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(recipient.email(),
                        email -> new ArrayList<>()).add(archived);
            }
        }
        List<Letter> letters = new ArrayList<>();
        int corrections = 0;
        for (Map.Entry<String, Map<String, List<ArchivedReport>>> key : byKey.entrySet()) {
            for (Map.Entry<String, List<ArchivedReport>> letter : key.getValue().entrySet()) {
                List<ArchivedReport> reports = letter.getValue().stream()
                        .sorted(Comparator.comparing(ArchivedReport::reportName).thenComparing(ArchivedReport::subject))
                        .toList();
                Recipient recipient = recipients.get(letter.getKey());
                Optional<Letter> planned = letter(key.getKey(), periods.get(key.getKey()), recipient, reports);
                if (planned.isPresent()) {
                    letters.add(planned.get());
                    corrections += planned.get().revision() > 0 ? 1 : 0;
                }
            }
        }
        return new Planned(List.copyOf(byKey.keySet()), letters, corrections);
    }

    /**
     * The letter to plan for one recipient and key, if any. A new revision carries what the latest one carried,
     * with this run's reports in place of theirs: a run narrowed to one store changes nothing of the others', so
     * it plans one only when that store's figures changed, and a later full run finds the same content. It is
     * planned when the content changed since the latest revision and that one is done with: delivered (then it is
     * a correction of it), or FAILED or UNCERTAIN (then the recipient gets the current figures, as a correction
     * of the last letter that reached them, if any). A letter still on its way is left to arrive.
     */
    private Optional<Letter> letter(String key, ReportPeriod period, Recipient recipient,
                                    List<ArchivedReport> reports) {
        Optional<DeliveryRecord> latest = deliveries.latest(key, recipient.email());
        if (latest.isEmpty()) {
            String digest = contentDigest(reports);
            contents.record(key, recipient.email(), 0, reports);
            return Optional.of(composer.compose(recipient, key, 0, period, reports, null, digest));
        }
        if (!DONE_WITH.contains(latest.get().state())) {
            return Optional.empty();
        }
        Map<String, ArchivedReport> carried = new LinkedHashMap<>(sentIn(key, recipient, latest.get()));
        reports.forEach(report -> carried.put(LetterComposer.key(report), report));
        List<ArchivedReport> letterReports = carried.values().stream()
                .sorted(Comparator.comparing(ArchivedReport::reportName).thenComparing(ArchivedReport::subject))
                .toList();
        String digest = contentDigest(letterReports);
        if (digest.equals(latest.get().contentDigest())) {
            return Optional.empty();
        }
        Map<String, ArchivedReport> previous = latest.get().state() == DeliveryState.DELIVERED
                ? sentIn(key, recipient, latest.get())
                : deliveries.latestDelivered(key, recipient.email()).map(delivered -> sentIn(key, recipient,
                        delivered)).orElse(null);
        int revision = latest.get().revision() + 1;
        contents.record(key, recipient.email(), revision, letterReports);
        return Optional.of(composer.compose(recipient, key, revision, period, letterReports, previous, digest));
    }

    private Map<String, ArchivedReport> sentIn(String key, Recipient recipient, DeliveryRecord letter) {
        return contents.of(key, recipient.email(), letter.revision()).stream()
                .collect(Collectors.toMap(LetterComposer::key, Function.identity(), (a, b) -> b));
    }

    /** From the figures of the reports a letter carries: equal figures, equal digest, whatever the files. */
    static String contentDigest(List<ArchivedReport> reports) {
        String figures = reports.stream()
                .map(report -> report.reportName() + "\t" + report.subject() + "\t" + report.periodKey() + "\t"
                        + report.figuresDigest())
                .sorted().collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(figures.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** @param keys every delivery key of the run, planned now or before */
    record Planned(List<String> keys, List<Letter> letters, int corrections) {
    }
}
