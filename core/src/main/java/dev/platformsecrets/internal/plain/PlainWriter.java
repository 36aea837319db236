package dev.platformsecrets.internal.plain;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamFactory;

/**
 * Writes plain Java values (maps, lists, strings, booleans, numbers, {@code null}, byte arrays)
 * through a Jackson streaming generator. It makes the generator calls Jackson's databind
 * serializers make for these types, so the text is the one an {@code ObjectMapper} of the same
 * format would write, without the start-up cost of building a mapper (its serializer caches, type
 * factory and java.time module): a CLI run writes a handful of small documents.
 */
public final class PlainWriter {

    private PlainWriter() {
    }

    /**
     * The values written one after the other as root values of one generator (for YAML: one
     * document each), without a pretty printer.
     */
    public static String write(TokenStreamFactory format, List<?> roots) {
        return write(format, ObjectWriteContext.empty(), roots);
    }

    /**
     * The values written as root values of one generator that indents with {@code printer}; pass
     * a fresh printer per call, as printers keep the nesting state.
     */
    public static String write(TokenStreamFactory format, PrettyPrinter printer, List<?> roots) {
        return write(format, new Printing(printer), roots);
    }

    private static String write(TokenStreamFactory format, ObjectWriteContext context, List<?> roots) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = format.createGenerator(context, out)) {
            for (Object root : roots) {
                value(generator, root);
            }
        } catch (JacksonException e) {
            throw new IllegalStateException("writing " + format.getFormatName() + " to memory failed", e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject(map, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeName(String.valueOf(entry.getKey()));
                value(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray(list, list.size());
            for (Object item : list) {
                value(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Number number) {
            number(generator, number);
        } else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        } else {
            throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
        }
    }

    private static void number(JsonGenerator generator, Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            generator.writeNumber(number.intValue());
        } else if (number instanceof Long) {
            generator.writeNumber(number.longValue());
        } else if (number instanceof BigInteger big) {
            generator.writeNumber(big);
        } else if (number instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (number instanceof Float) {
            generator.writeNumber(number.floatValue());
        } else {
            generator.writeNumber(number.doubleValue());
        }
    }

    /** A write context that only supplies a pretty printer. */
    private static final class Printing extends ObjectWriteContext.Base {
        private final PrettyPrinter printer;

        Printing(PrettyPrinter printer) {
            this.printer = printer;
        }

        @Override
        public PrettyPrinter getPrettyPrinter() {
            return printer;
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    }
}
