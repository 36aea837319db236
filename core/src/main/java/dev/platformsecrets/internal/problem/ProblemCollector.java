package dev.platformsecrets.internal.problem;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one run so that all of them are reported together, then throws once.
 * Not thread-safe; one collector belongs to one operation.
 */
public final class ProblemCollector {

    private final List<Problem> problems = new ArrayList<>();

    /** Adds a problem. */
    public void add(Problem problem) {
        problems.add(problem);
    }

    /** Adds every problem of the list. */
    public void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    /** Adds an error. */
    public void error(Origin origin, KeyPath path, String message) {
        problems.add(Problem.error(origin, path, message));
    }

    /** Adds a warning. */
    public void warning(Origin origin, KeyPath path, String message) {
        problems.add(Problem.warning(origin, path, message));
    }

    /** Whether any collected problem is an error. */
    public boolean hasErrors() {
        for (Problem problem : problems) {
            if (problem.isError()) {
                return true;
            }
        }
        return false;
    }

    /** The problems collected so far, in order. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The warnings collected so far, in order. */
    public List<Problem> warnings() {
        List<Problem> warnings = new ArrayList<>();
        for (Problem problem : problems) {
            if (!problem.isError()) {
                warnings.add(problem);
            }
        }
        return List.copyOf(warnings);
    }

    /** Throws {@link PlatformSecretsException.Invalid} with every problem when any is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new PlatformSecretsException.Invalid(problems());
        }
    }
}
