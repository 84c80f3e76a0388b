package com.nightshift.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Where templates and their label bundles are read from: {@code nightshift.reports.templates-dir} when it is set,
 * otherwise the {@code reports/} folder the jar carries on its classpath. The fonts always come from the jar's
 * font extension.
 */
public final class TemplateFolder {

    /** The label bundles' base name: {@code labels.properties} (Chinese, the default), {@code labels_en...}. */
    public static final String LABELS = "labels";

    private static final String CLASSPATH_FOLDER = "reports/";

    private final Path dir;
    private final ClassLoader bundleLoader;

    private TemplateFolder(Path dir) {
        this.dir = dir;
        try {
            this.bundleLoader = dir == null ? TemplateFolder.class.getClassLoader()
                    : new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("templates folder " + dir + " is not a usable path", e);
        }
    }

    /** The folder configured, or the jar's {@code reports/} when {@code dir} is null. */
    public static TemplateFolder of(Path dir) {
        return new TemplateFolder(dir);
    }

    public static TemplateFolder classpath() {
        return new TemplateFolder(null);
    }

    /** Where {@code template} is, as an operator would look for it. */
    public String describe(String template) {
        return dir == null ? "classpath:" + CLASSPATH_FOLDER + template : dir.resolve(template).toString();
    }

    public boolean exists(String template) {
        if (dir == null) {
            return TemplateFolder.class.getClassLoader().getResource(CLASSPATH_FOLDER + template) != null;
        }
        return Files.isRegularFile(dir.resolve(template));
    }

    /** Opens {@code template}; the caller closes the stream. */
    public InputStream open(String template) {
        try {
            if (dir == null) {
                InputStream in = TemplateFolder.class.getClassLoader()
                        .getResourceAsStream(CLASSPATH_FOLDER + template);
                if (in == null) {
                    throw new ReportTemplateException("Report template " + describe(template) + " does not exist");
                }
                return in;
            }
            return Files.newInputStream(dir.resolve(template));
        } catch (NoSuchFileException e) {
            throw new ReportTemplateException("Report template " + describe(template) + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + describe(template), e);
        }
    }

    /**
     * The labels in {@code language}: {@code labels_en.properties} for English, the base {@code labels.properties}
     * (Chinese) for zh-CN and any language without a bundle of its own. Read as UTF-8.
     */
    public ResourceBundle labels(Locale language) {
        String baseName = dir == null ? CLASSPATH_FOLDER.replace('/', '.') + LABELS : LABELS;
        try {
            return ResourceBundle.getBundle(baseName, language, bundleLoader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new ReportTemplateException("Report labels " + describe(LABELS + ".properties")
                    + " do not exist", e);
        }
    }
}
