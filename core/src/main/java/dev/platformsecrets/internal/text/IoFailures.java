package dev.platformsecrets.internal.text;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The cause of a failed file operation in a few words, for messages: what the operating system
 * said ("No space left on device"), never a file's content (a file system error holds paths and
 * its reason only).
 */
public final class IoFailures {

    private IoFailures() {
    }

    /** Why {@code error} happened: the system's reason, else the exception's kind. */
    public static String reason(IOException error) {
        if (error instanceof NoSuchFileException) {
            return "no such file";
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof FileSystemException fileSystem) {
            return fileSystem.getReason() != null ? fileSystem.getReason() : error.getClass().getSimpleName();
        }
        String message = error.getMessage();
        if (message == null || message.isBlank() || message.length() > 200) {
            return error.getClass().getSimpleName();
        }
        return message.strip();
    }
}
