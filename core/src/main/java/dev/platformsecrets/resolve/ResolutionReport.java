package dev.platformsecrets.resolve;

import dev.platformsecrets.Origin;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.plain.PlainWriter;
import dev.platformsecrets.internal.text.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The masked views of a {@link Resolution}: a table with one line per rule, and the
 * {@code explain -o json} document of DESIGN.md section 5. Neither ever contains a value.
 */
public final class ResolutionReport {

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> HEADER = List.of("KEY", "SECRET", "DECISION", "REFERENCE", "ORIGIN");

    private ResolutionReport() {
    }

    /** One line per rule: key, Secret, decision, referenced {@code name/key}, origin; then the warnings. */
    public static String table(Resolution resolution) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RuleOutcome outcome : resolution.outcomes()) {
            Decision decision = outcome.decision();
            rows.add(List.of(outcome.rule().key(), outcome.rule().secret().orElse("(plaintext)"), decision.source(),
                    decision.reference().map(ref -> ref.name() + "/" + ref.key()).orElse("-"),
                    decision.origin().map(Origin::render).orElse("-")));
        }
        return TextTable.render(rows);
    }

    /** The {@code explain -o json} document: rules, decisions and the run's warnings. */
    public static String json(Resolution resolution) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("rules", resolution.tableName());
        List<Object> decisions = new ArrayList<>();
        for (RuleOutcome outcome : resolution.outcomes()) {
            Decision decision = outcome.decision();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", outcome.rule().key());
            entry.put("secret", outcome.rule().secret().orElse(null));
            entry.put("source", decision.source());
            entry.put("reference", decision.reference().map(ref -> {
                Map<String, Object> reference = new LinkedHashMap<>();
                reference.put("name", ref.name());
                reference.put("key", ref.key());
                return (Object) reference;
            }).orElse(null));
            entry.put("origin", decision.origin().map(Origin::render).orElse(null));
            decisions.add(entry);
        }
        document.put("decisions", decisions);
        document.put("problems", problems(resolution.warnings()));
        return PlainWriter.write(JSON, new DefaultPrettyPrinter(), List.of(document)) + "\n";
    }

    /**
     * The {@code explain -o json} document of a run that failed: no decisions, and every problem
     * (errors and warnings) in {@code problems}.
     *
     * @param rules the name of the rule table that was asked for
     * @param problems every problem of the run
     */
    public static String failureJson(String rules, List<Problem> problems) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("rules", rules);
        document.put("decisions", List.of());
        document.put("problems", problems(problems));
        return PlainWriter.write(JSON, new DefaultPrettyPrinter(), List.of(document)) + "\n";
    }

    /** Problems as the {@code problems} array of the JSON document. */
    static List<Object> problems(List<Problem> problems) {
        List<Object> out = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("severity", problem.severity().label());
            entry.put("path", problem.path().render());
            entry.put("origin", problem.origin().isUnknown() ? null : problem.origin().render());
            entry.put("message", problem.message());
            out.add(entry);
        }
        return out;
    }
}
