package com.nightshift.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import com.nightshift.config.BusinessCalendar;
import com.nightshift.orders.GenerateRequest;
import com.nightshift.orders.GenerateSummary;
import com.nightshift.orders.OrderGenerator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Add synthetic order lines to the orders table of the configured database.")
final class GenerateCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    EmbeddedOption embedded = new EmbeddedOption();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--orders", required = true, paramLabel = "N", description = "Order lines to add.")
    long lines;

    @Option(names = "--days", defaultValue = "90", paramLabel = "D",
            description = "Business dates to spread them over, ending with --until (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--stores", defaultValue = "100", paramLabel = "S", description = "Stores (default: ${DEFAULT-VALUE}).")
    int stores;

    @Option(names = "--seed", paramLabel = "X", description = "Seed; the same seed and options give the same lines (default: random).")
    Long seed;

    @Option(names = "--until", paramLabel = "yyyy-MM-dd", converter = DateConverter.class, description = "Last business date (default: yesterday).")
    LocalDate until;

    GenerateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        // Checked before anything starts; yesterday is only known, in the chain's zone, once the engine is up.
        GenerateRequest checked = request(until != null ? until : LocalDate.now());
        try (Engine engine = session.startEngine(EngineMode.ONE_SHOT, embedded.asked)) {
            GenerateRequest request = until != null ? checked
                    : request(engine.bean(BusinessCalendar.class).yesterday(), checked.seed());
            session.out().printf("Generating %,d order lines for %d stores over %d days (%s to %s), seed %d%n",
                    request.lines(), request.stores(), request.days(), request.firstDate(), request.lastDate(),
                    request.seed());
            GenerateSummary summary = engine.bean(OrderGenerator.class).generate(request);
            session.out().printf("Added %,d lines in %,d orders (%,d completed, %,d refunded, %,d cancelled), "
                            + "amount %s, in %.1f s (%,.0f lines/s)%n",
                    summary.lines(), summary.orders(), summary.completedLines(), summary.refundedLines(),
                    summary.cancelledLines(), summary.amount().toPlainString(), summary.took().toMillis() / 1000.0,
                    summary.linesPerSecond());
            return ExitCodes.OK;
        }
    }

    private GenerateRequest request(LocalDate lastDate) {
        return request(lastDate, seed != null ? seed : System.nanoTime());
    }

    private GenerateRequest request(LocalDate lastDate, long chosenSeed) {
        try {
            return new GenerateRequest(lines, days, stores, chosenSeed, lastDate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
