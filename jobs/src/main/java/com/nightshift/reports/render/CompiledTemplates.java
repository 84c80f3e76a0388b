package com.nightshift.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * Compiled templates kept on disk, so that a template is compiled once per version rather than once per process:
 * each morning's {@code run report} is a new process, and compiling costs it 1-3 s per template. A file is named
 * by the template and the SHA-256 of its text and of the JasperReports version, so an edited template or an
 * upgrade compiles afresh; a file that cannot be read back is compiled again and replaced. Only this engine writes
 * the folder (under the data directory), which is why reading its serialized reports back is safe.
 */
final class CompiledTemplates {

    private static final Logger log = LoggerFactory.getLogger(CompiledTemplates.class);
    private static final String ENGINE_VERSION = String.valueOf(
            JasperCompileManager.class.getPackage().getImplementationVersion());

    private final Path dir;

    CompiledTemplates(Path dir) {
        this.dir = dir;
    }

    /** The compiled report saved for exactly this text of {@code template}, if there is one that reads back. */
    Optional<JasperReport> find(String template, byte[] source) {
        Path file = file(template, source);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of((JasperReport) JRLoader.loadObject(in));
        } catch (IOException | JRException | RuntimeException e) {
            // whatever the reason (a file cut short, a class the deserialization filter refuses), compiling works
            log.warn("Compiled report template {} cannot be read back ({}); compiling it again", file, e.toString());
            return Optional.empty();
        }
    }

    /** Saves a compiled report for the next process; a folder that cannot be written only costs that compile. */
    void save(String template, byte[] source, JasperReport report) {
        Path file = file(template, source);
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                JRSaver.saveObject(report, out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | JRException e) {
            log.warn("Cannot keep the compiled report template {} for later runs: {}", file, e.toString());
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                log.debug("Cannot delete {}", temporary, e);
            }
        }
    }

    private Path file(String template, byte[] source) {
        String name = Path.of(template).getFileName().toString().replaceAll("\\.jrxml$", "");
        return dir.resolve(name + "-" + sha256(source).substring(0, 16) + ".jasper");
    }

    private static String sha256(byte[] source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ENGINE_VERSION.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(source));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
