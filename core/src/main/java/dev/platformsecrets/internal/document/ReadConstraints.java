package dev.platformsecrets.internal.document;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's read constraints for given {@link DocumentLimits}, and the message naming which one a
 * {@link StreamConstraintsException} hit, with its number (never any input text).
 */
final class ReadConstraints {

    private final StreamReadConstraints constraints;

    ReadConstraints(DocumentLimits limits) {
        this.constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxDocumentLength(limits.maxBytes())
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                .maxNameLength(DocumentLimits.MAX_KEY_CHARACTERS)
                .build();
    }

    /** The constraints to give Jackson's factories. */
    StreamReadConstraints jackson() {
        return constraints;
    }

    /** Which constraint {@code error} reports, and its limit; Jackson's own message quotes no input. */
    String describe(StreamConstraintsException error) {
        String message = String.valueOf(error.getOriginalMessage());
        if (message.startsWith("Document nesting depth")) {
            return "nesting depth exceeds the limit of " + constraints.getMaxNestingDepth() + " levels";
        }
        if (message.startsWith("Name length")) {
            return "a key is longer than the limit of " + constraints.getMaxNameLength() + " characters";
        }
        if (message.startsWith("String value length")) {
            return "a string value is longer than the limit of " + constraints.getMaxStringLength() + " characters";
        }
        if (message.startsWith("Number value length")) {
            return "a number is longer than the limit of " + constraints.getMaxNumberLength() + " characters";
        }
        if (message.startsWith("Document length")) {
            return "the document is longer than the limit of " + constraints.getMaxDocumentLength() + " characters";
        }
        if (message.startsWith("Token count")) {
            return "the document holds more tokens than the limit of " + constraints.getMaxTokenCount();
        }
        if (message.startsWith("BigDecimal scale")) {
            return "a number's exponent is out of the range that can be read";
        }
        return "the document exceeds a parser limit (size " + constraints.getMaxDocumentLength()
                + " characters, nesting " + constraints.getMaxNestingDepth() + " levels)";
    }
}
