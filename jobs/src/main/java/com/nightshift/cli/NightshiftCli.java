package com.nightshift.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nightshift} command line: {@code demo}, {@code generate}, {@code migrate}, {@code jobs}, {@code run},
 * {@code executions}, {@code stop}, {@code restart}, {@code serve}, {@code schedules}, {@code hash-password} and {@code help}. Arguments of
 * the form {@code --some.setting=value} (a dotted name) are engine settings, passed to Spring like any other
 * property source; everything else is the command and its options.
 */
@Command(name = "nightshift",
        description = "Batch reporting and scheduled maintenance engine for store chains.",
        subcommands = {DemoCommand.class, GenerateCommand.class, MigrateCommand.class, JobsCommand.class,
                RunCommand.class, ExecutionsCommand.class, StopCommand.class, RestartCommand.class,
                ServeCommand.class, SchedulesCommand.class, HashPasswordCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Engine settings are given as --name=value with a dotted name, e.g. "
                + "--spring.datasource.url=jdbc:postgresql://db/chain, or as environment variables."})
public final class NightshiftCli implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(NightshiftCli.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = execute(args, System.out, System.err);
        System.exit(exitCode);
    }

    /** Runs one command line and returns its exit code; never throws. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        List<String> springArguments = new ArrayList<>();
        List<String> commandArguments = new ArrayList<>();
        for (String arg : args) {
            (isEngineSetting(arg) ? springArguments : commandArguments).add(arg);
        }
        CliSession session = new CliSession(List.copyOf(springArguments), outWriter, errWriter);
        CommandLine commandLine = new CommandLine(new NightshiftCli(), new SessionFactory(session))
                .setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler((e, ignored) -> usageError(e, errWriter))
                .setExecutionExceptionHandler((e, ignored, result) -> failure(e, session, errWriter));
        addHelpOption(commandLine);
        commandLine.getSubcommands().get("run").getCommandSpec().usageMessage()
                .footerHeading("%nJobs:%n").footer(KnownJobs.help());
        try {
            return commandLine.execute(commandArguments.toArray(String[]::new));
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Without a command there is nothing to do: show what there is, and fail so a script notices. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    /** {@code -h}/{@code --help} on every command, so that no command can forget it. */
    private static void addHelpOption(CommandLine commandLine) {
        CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help and exit.").build());
        }
        commandLine.getSubcommands().values().forEach(NightshiftCli::addHelpOption);
    }

    static boolean isEngineSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).contains(".");
    }

    private static int usageError(CommandLine.ParameterException e, PrintWriter err) {
        String command = e.getCommandLine().getCommandName();
        String message = e instanceof CommandLine.UnmatchedArgumentException unmatched
                && e.getCommandLine().getCommandSpec().parent() == null
                ? "unknown command '" + unmatched.getUnmatched().get(0) + "'"
                : e.getMessage();
        String hint = "nightshift".equals(command) ? "nightshift help" : "nightshift help " + command;
        err.println("nightshift: " + message + " (see '" + hint + "')");
        return ExitCodes.USAGE;
    }

    private static int failure(Exception e, CliSession session, PrintWriter err) {
        FailureReport report = FailureReport.of(e, LogFile.of(session.springArguments()));
        if (report.exitCode() != ExitCodes.USAGE) {
            logToFileOnly(report.line(), e);
        }
        report.line().lines().forEach(line -> err.println("nightshift: " + line));
        return report.exitCode();
    }

    /**
     * The operator sees one line; whoever reads the log afterwards needs the whole story. The console of a
     * server command shows warnings, so the stack trace would follow that line there: the command is over,
     * and the console appender (Boot's "CONSOLE") is detached while it is logged. It is attached again after,
     * for whatever else runs in this JVM (tests run many commands in one).
     */
    private static void logToFileOnly(String line, Exception e) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            log.error("Command failed: {}", line, e);
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
        if (console != null) {
            root.detachAppender(console);
        }
        try {
            log.error("Command failed: {}", line, e);
        } finally {
            if (console != null) {
                root.addAppender(console);
            }
        }
    }

    /** Builds each command with the session it needs. */
    private record SessionFactory(CliSession session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliSession.class).newInstance(session);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
