package com.nightshift.reports.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nightshift.config.NightshiftProperties;

/**
 * The archive's files under {@code <nightshift.data-dir>/reports}: each written under a temporary name in its
 * folder and then moved into place, so a reader (or a mail attaching it) never sees half a file, and a crash
 * leaves at most a temporary file behind.
 */
@Component
public class ArchiveFiles {

    private final Path root;

    ArchiveFiles(NightshiftProperties properties) {
        this.root = properties.reportsDir();
    }

    /** The file at a path relative to the reports folder. */
    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    ArchivedReport.ArchivedFile write(String relativePath, byte[] content) {
        Path target = root.resolve(relativePath);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report file " + target, e);
        }
        return new ArchivedReport.ArchivedFile(relativePath, sha256(content), content.length);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * A name as a single path segment: path separators, characters Windows refuses (the folder may be copied
     * there) and control characters become '_'; Chinese and emoji stay. A name that had to change also carries
     * the start of its SHA-256, so that two names which clean to the same text ("A/B", "A_B") never share a file.
     */
    public static String segment(String name) {
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        safe = safe.isBlank() || safe.startsWith(".") ? "_" + safe : safe;
        return safe.equals(name) ? safe
                : safe + "~" + sha256(name.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }
}
