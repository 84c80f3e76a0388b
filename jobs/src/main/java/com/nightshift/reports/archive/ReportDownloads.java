package com.nightshift.reports.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * An archived report's PDF or Excel file as a download, the same from the API and the console: its type, size and
 * a file name saying which report it is. The file goes as a resource, which Spring opens as it writes the answer
 * and closes once written.
 */
@Component
public class ReportDownloads {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ArchiveFiles files;

    ReportDownloads(ArchiveFiles files) {
        this.files = files;
    }

    /** The PDF; empty when the archive lists a file no longer in the reports folder. */
    public Optional<ResponseEntity<Resource>> pdf(ArchivedReport report) {
        return download(report, report.pdf(), "pdf", MediaType.APPLICATION_PDF);
    }

    /** The Excel file; empty when the archive lists a file no longer in the reports folder. */
    public Optional<ResponseEntity<Resource>> xlsx(ArchivedReport report) {
        return download(report, report.xlsx(), "xlsx", XLSX);
    }

    private Optional<ResponseEntity<Resource>> download(ArchivedReport report, ArchivedReport.ArchivedFile file,
                                                        String extension, MediaType type) {
        Path path = files.resolve(file.path());
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(ResponseEntity.ok()
                .contentType(type)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.downloadName(extension), StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(path)));
    }
}
