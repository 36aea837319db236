package dev.platformsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

/** The fallback text's indenting loop splits lines exactly as {@link String#lines()} does. */
class FallbackTextProperties {

    @Property(tries = 2000)
    void indentsLikeLinesDoes(@ForAll @Chars({'\n', '\r', ' ', '#'}) @CharRange(from = 'a', to = 'c') String text) {
        StringBuilder out = new StringBuilder();
        FallbackText.indent(text, out);
        String byStream = text.lines().map(line -> "  " + line).collect(Collectors.joining("\n")) + "\n";
        assertThat(out.toString()).isEqualTo(byStream);
    }
}
