package dev.platformsecrets.pipeline;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.util.List;

/**
 * The outcome of checking a pipeline spec's secret references: every problem found, errors and
 * warnings, in spec order.
 *
 * @param problems the problems: reading warnings, then the spec checks in entry order, then the store
 *     checks in entry order
 */
public record CheckReport(List<Problem> problems) {

    /** Copies the list. */
    public CheckReport {
        problems = List.copyOf(problems);
    }

    /** Whether any problem is an error; a spec with errors must not be rendered. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The warnings alone. */
    public List<Problem> warnings() {
        return problems.stream().filter(problem -> !problem.isError()).toList();
    }

    /** Throws {@link PlatformSecretsException.Invalid} with every problem when any is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new PlatformSecretsException.Invalid(problems);
        }
    }
}
