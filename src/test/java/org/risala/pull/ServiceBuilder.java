package org.risala.pull;

import org.risala.records.Normalisations;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Valid service definitions for tests, changed one part at a time. They answer at the short code 99999 only, so a
 * service a test leaves behind never shows in the HELP of the default short code that other tests read.
 */
public final class ServiceBuilder {

    public static final String TEST_SHORT_CODE = "99999";

    private final String keyword;
    private List<String> aliases = List.of();
    private List<String> shortCodes = List.of(TEST_SHORT_CODE);
    private Bilingual help = new Bilingual("1234 - a test service", "1234 - خدمة تجريبية");
    private List<ArgumentDefinition> arguments = List.of(new ArgumentDefinition("number",
            Normalisations.DIGITS, "[0-9]{4}", new Bilingual("a number, e.g. 1234", "رقم، مثل: 1234")));
    private ConnectorDefinition connector = connector(ConnectorType.STATIC, null, Map.of());
    private ReplyTemplates replies = new ReplyTemplates(
            new Bilingual("Number {{number}}: {{answer}}.", "الرقم {{number}}: {{answer}}."),
            new Bilingual("Nothing for {{number}}.", "لا شيء للرقم {{number}}."),
            new Bilingual("Send the keyword followed by {{usage}}", "أرسل الكلمة ثم {{usage}}"),
            new Bilingual("Try again later.", "حاول لاحقا."));
    private Integer maxSegments;
    private Boolean alternatives;

    private ServiceBuilder(String keyword) {
        this.keyword = keyword;
    }

    public static ServiceBuilder service(String keyword) {
        return new ServiceBuilder(keyword);
    }

    /** a keyword no other test uses, of letters only */
    public static String uniqueKeyword(String prefix) {
        StringBuilder letters = new StringBuilder(prefix);
        long n = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('A' + (n % 26)));
            n /= 26;
        }
        return letters.toString();
    }

    public static ConnectorDefinition connector(ConnectorType type, String url, Map<String, String> headers) {
        return new ConnectorDefinition(type, null, url, headers, null, Map.of(), null, null, null, null,
                type == ConnectorType.STATIC ? Map.of("answer", "42") : Map.of(), Duration.ofSeconds(2), null, null);
    }

    public ServiceBuilder aliases(String... aliases) {
        this.aliases = List.of(aliases);
        return this;
    }

    public ServiceBuilder shortCodes(String... shortCodes) {
        this.shortCodes = List.of(shortCodes);
        return this;
    }

    public ServiceBuilder help(Bilingual help) {
        this.help = help;
        return this;
    }

    public ServiceBuilder arguments(ArgumentDefinition... arguments) {
        this.arguments = List.of(arguments);
        return this;
    }

    public ServiceBuilder connector(ConnectorDefinition connector) {
        this.connector = connector;
        return this;
    }

    public ServiceBuilder found(String en, String ar) {
        this.replies = new ReplyTemplates(new Bilingual(en, ar), replies.notFound(), replies.invalid(),
                replies.unavailable());
        return this;
    }

    public ServiceBuilder replies(ReplyTemplates replies) {
        this.replies = replies;
        return this;
    }

    public ServiceBuilder maxSegments(Integer maxSegments) {
        this.maxSegments = maxSegments;
        return this;
    }

    public ServiceBuilder alternatives(boolean alternatives) {
        this.alternatives = alternatives;
        return this;
    }

    public ServiceDefinition build() {
        return new ServiceDefinition(keyword, aliases, shortCodes, help, arguments, connector, replies, maxSegments,
                null, alternatives);
    }
}
