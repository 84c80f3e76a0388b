package com.nightshift.reports.render;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportScope;
import com.nightshift.reports.ReportTemplateException;
import com.nightshift.reports.TemplateFolder;

/**
 * Compiles and fills templates from the classpath with {@link SampleFigures}, in both languages, and writes the
 * files: proof that the packaged jar's ECJ compiler, fonts and charts work, without a database.
 * <pre>
 * java -cp nightshift.jar -Dloader.main=com.nightshift.reports.render.TemplatesCheck \
 *     org.springframework.boot.loader.launch.PropertiesLauncher OUT_DIR store-daily.jrxml=STORE_DAY ...
 * </pre>
 * Exits 1 naming the first template that fails.
 */
public final class TemplatesCheck {

    private static final Locale[] LANGUAGES = {Locale.forLanguageTag("zh-CN"), Locale.ENGLISH};

    private TemplatesCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        ReportEngine engine = new ReportEngine(TemplateFolder.classpath(), ZoneId.of("Asia/Shanghai"),
                BigDecimal.TEN);
        try {
            for (int i = 1; i < args.length; i++) {
                String[] entry = args[i].split("=", 2);
                String name = entry[0].replaceFirst("\\.jrxml$", "");
                ReportDefinition definition = new ReportDefinition(name, entry[0], ReportScope.valueOf(entry[1]));
                for (Locale language : LANGUAGES) {
                    RenderRequest request = SampleFigures.request(definition, language, 42);
                    RenderedReport report = engine.render(request, new SampleFigures(i).figuresFor(request));
                    String file = name + "-" + language.toLanguageTag();
                    Files.write(out.resolve(file + ".pdf"), report.pdf());
                    Files.write(out.resolve(file + ".xlsx"), report.xlsx());
                    System.out.println("rendered " + entry[0] + " " + language.toLanguageTag()
                            + " pdf " + report.pdf().length + " bytes, xlsx " + report.xlsx().length + " bytes");
                }
            }
        } catch (ReportTemplateException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }
}
