package dev.platformsecrets.store;

import dev.platformsecrets.Problem;
import java.util.List;

/**
 * What a listing found: the readable Secrets, sorted by name, and one problem per stored file
 * that could not be read (damaged, or encrypted with a key that was not given), naming the file.
 *
 * @param secrets the readable Secrets, sorted by name
 * @param problems the unreadable files, as warnings
 */
public record StoreListing(List<StoredSecret> secrets, List<Problem> problems) {

    /** Copies the lists. */
    public StoreListing {
        secrets = List.copyOf(secrets);
        problems = List.copyOf(problems);
    }
}
