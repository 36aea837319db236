package dev.platformsecrets.pipeline;

import java.util.Set;

/**
 * The volume names the pipeline worker pod defines for itself, which a mounted Secret must not
 * take: the worker names each Secret volume after its Secret, and two volumes of one name make the
 * pod invalid.
 *
 * <p>The list follows Pachyderm 2.10.7's worker ({@code src/server/pps/server/worker_rc.go}) as the
 * project's chart notes describe it (section 4, "Pipeline spec secrets"): {@code pach-bin} (the
 * worker binary copied in by the init container), {@code pachyderm-worker} (the shared work
 * directory), {@code tmp}, and {@code pachyderm-storage-secret}, the storage backend Secret's
 * volume the sidecar mounts.
 */
final class WorkerVolumes {

    /** The worker's own volume names. */
    public static final Set<String> RESERVED = Set.of("pach-bin", "pachyderm-worker", "tmp", "pachyderm-storage-secret");

    private WorkerVolumes() {
    }

    /** Whether the worker already uses this volume name. */
    public static boolean isReserved(String volumeName) {
        return RESERVED.contains(volumeName);
    }
}
