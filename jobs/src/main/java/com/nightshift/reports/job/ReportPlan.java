package com.nightshift.reports.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import com.nightshift.recipients.Recipient;
import com.nightshift.recipients.RecipientDirectory;
import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.ReportScope;
import com.nightshift.reports.ReportSubject;

/**
 * Bursting: the reports a run renders, one per subject in the request's scope that somebody receives. A store's
 * daily report is rendered for every store of the recipients file (narrowed by {@code store=} or
 * {@code region=}), a region's weekly report for every region somebody receives, the chain's if head office is
 * in the file. A report nobody receives is not rendered.
 */
final class ReportPlan {

    private ReportPlan() {
    }

    static List<PlannedReport> of(ReportRequest request, RecipientDirectory directory) {
        List<PlannedReport> planned = new ArrayList<>();
        for (ReportDefinition definition : request.reports()) {
            ReportPeriod period = definition.scope().weekly() ? ReportPeriod.week(request.week())
                    : ReportPeriod.day(request.date());
            for (ReportSubject subject : subjects(definition, request, directory)) {
                List<Recipient> receiving = directory.receiving(subject);
                if (receiving.isEmpty()) {
                    continue;
                }
                List<Locale> languages = receiving.stream().map(Recipient::language).distinct()
                        .sorted(Comparator.comparing(Locale::toLanguageTag)).toList();
                List<String> regionStores = subject.scope() == ReportScope.REGION_WEEK
                        ? directory.storesOf(subject.name()) : List.of();
                planned.add(new PlannedReport(definition, subject, period, regionStores, languages));
            }
        }
        return planned;
    }

    private static List<ReportSubject> subjects(ReportDefinition definition, ReportRequest request,
                                                RecipientDirectory directory) {
        return switch (definition.scope()) {
            case STORE_DAY -> stores(request, directory).stream().map(ReportSubject::store).toList();
            case REGION_WEEK -> request.store() != null ? List.of()
                    : request.region() != null ? List.of(ReportSubject.region(request.region()))
                    : new TreeSet<>(directory.regions().keySet()).stream().map(ReportSubject::region).toList();
            case CHAIN_WEEK -> request.store() != null || request.region() != null ? List.of()
                    : List.of(ReportSubject.chain());
        };
    }

    private static TreeSet<String> stores(ReportRequest request, RecipientDirectory directory) {
        TreeSet<String> stores = new TreeSet<>();
        if (request.store() != null) {
            stores.add(request.store());
        } else if (request.region() != null) {
            stores.addAll(directory.storesOf(request.region()));
        } else {
            directory.regions().values().forEach(stores::addAll);
            directory.recipients().forEach(recipient -> stores.addAll(recipient.stores()));
        }
        return stores;
    }
}
