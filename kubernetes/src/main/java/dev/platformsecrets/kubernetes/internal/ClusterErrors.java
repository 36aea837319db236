package dev.platformsecrets.kubernetes.internal;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Maps what the fabric8 client throws to the library's exceptions, by HTTP status and operation,
 * with messages that name the context, namespace and Secret. The server's own text is never
 * used (an admission webhook's message may quote anything, values included), nor is fabric8's
 * exception kept as a cause, since its message carries that text.
 */
public final class ClusterErrors {

    /** What the store was doing when the error came. */
    public enum Operation {
        /** Reading one Secret. */
        GET("read"),
        /** Listing the namespace. */
        LIST("list the Secrets of the namespace"),
        /** Creating a Secret. */
        CREATE("create"),
        /** Replacing a Secret. */
        REPLACE("replace"),
        /** Deleting a Secret. */
        DELETE("delete");

        private final String verb;

        Operation(String verb) {
            this.verb = verb;
        }
    }

    private ClusterErrors() {
    }

    /**
     * The library's exception for a failed operation on Secret {@code name} ({@code ""} for a
     * listing): 404 NotFound, 409 AlreadyExists on create and Conflict on replace, 422 Invalid,
     * anything else (401, 403, 5xx, no connection, timeouts) StorageFailure.
     */
    public static PlatformSecretsException map(KubernetesClientException error, Operation operation,
            ClusterConnection connection, String name) {
        Origin origin = connection.origin();
        String what = name.isEmpty() ? operation.verb : operation.verb + " secret \"" + name + "\"";
        int code = error.getCode();
        Optional<String> reason = Optional.ofNullable(error.getStatus()).map(Status::getReason).filter(r -> !r.isEmpty());
        if (code <= 0) {
            return new PlatformSecretsException.StorageFailure(origin, "cannot " + what + ": " + transportProblem(error, connection), null);
        }
        switch (code) {
            case 401:
                return new PlatformSecretsException.StorageFailure(origin, "cannot " + what
                        + ": the API server refused the credentials of the context (401 Unauthorized)", null);
            case 403:
                return new PlatformSecretsException.StorageFailure(origin, "cannot " + what
                        + ": forbidden (403): the context's user may not, or an admission webhook refused it", null);
            case 404:
                return new PlatformSecretsException.NotFound(origin, KeyPath.root(), name.isEmpty() || namespaceMissing(error)
                        ? "namespace \"" + connection.namespace() + "\" not found"
                        : "secret \"" + name + "\" not found");
            case 409:
                if (operation == Operation.CREATE) {
                    return new PlatformSecretsException.AlreadyExists(origin, KeyPath.root(), "secret \"" + name + "\" already exists");
                }
                return new PlatformSecretsException.Conflict(List.of(Problem.error(origin, KeyPath.root(), "secret \"" + name
                        + "\" was changed by someone else after it was read; nothing was written, read it again and retry")));
            case 422:
                return new PlatformSecretsException.Invalid(invalid(error, origin, name));
            default:
                String kind = code >= 500 ? "the API server failed" : "the API server refused the request";
                return new PlatformSecretsException.StorageFailure(origin, "cannot " + what + ": " + kind + " ("
                        + code + reason.map(r -> " " + r).orElse("") + ")", null);
        }
    }

    /** The simple name of the innermost cause, for messages that must not quote anything. */
    public static String rootCauseName(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private static String transportProblem(Throwable error, ClusterConnection connection) {
        String server = "the API server " + connection.server();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                    || cause instanceof InterruptedIOException) {
                return server + " did not answer in time";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return server + " is not reachable (connection refused)";
            }
            if (cause instanceof UnknownHostException) {
                return server + " is not reachable (unknown host)";
            }
            if (cause instanceof SSLException) {
                return "the TLS handshake with " + server + " failed";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return server + " is not reachable (" + rootCauseName(error) + ")";
    }

    private static boolean namespaceMissing(KubernetesClientException error) {
        return Optional.ofNullable(error.getStatus()).map(Status::getDetails).map(StatusDetails::getKind)
                .filter("namespaces"::equals).isPresent();
    }

    /**
     * A 422's causes by field and reason only: a field's message may quote the refused value,
     * and an admission webhook's message may say anything.
     */
    private static List<Problem> invalid(KubernetesClientException error, Origin origin, String name) {
        List<Problem> problems = new ArrayList<>();
        List<StatusCause> causes = Optional.ofNullable(error.getStatus()).map(Status::getDetails)
                .map(StatusDetails::getCauses).orElse(List.of());
        for (StatusCause cause : causes) {
            String field = Optional.ofNullable(cause.getField()).orElse("");
            String reason = Optional.ofNullable(cause.getReason()).orElse("FieldValueInvalid");
            problems.add(Problem.error(origin, KeyPath.root(), "secret \"" + name + "\" was refused by the API server: "
                    + (field.isEmpty() ? "" : field + ": ") + reason));
        }
        if (problems.isEmpty()) {
            problems.add(Problem.error(origin, KeyPath.root(), "secret \"" + name + "\" was refused by the API server (422 Invalid)"));
        }
        return problems;
    }
}
