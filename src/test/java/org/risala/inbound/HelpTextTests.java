package org.risala.inbound;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.risala.inbound.spi.CommandParser;
import org.risala.inbound.spi.HelpLine;
import org.risala.inbound.spi.Language;
import org.risala.inbound.spi.ReplyFitter;
import org.risala.sms.Encoding;
import org.risala.sms.MessageText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HelpTextTests {

    private static final List<HelpLine> SERVICES = List.of(
            new HelpLine("VIO", "مخالفات", "12345AB - unpaid traffic violations", "١٢٣٤٥ أ ب - المخالفات غير المدفوعة"),
            new HelpLine("REG", "تسجيل", "12345AB - registration expiry", "١٢٣٤٥ أ ب - انتهاء التسجيل"),
            new HelpLine("VISA", null, "V2026000123 - visa application status", "V2026000123 - حالة طلب التأشيرة"));

    @Test
    void listsTheServicesInEnglishAsGsmText() {
        String help = new HelpText(SERVICES, 2).help(Language.EN);

        assertThat(help).isEqualTo("""
                Services:
                VIO 12345AB - unpaid traffic violations
                REG 12345AB - registration expiry
                VISA V2026000123 - visa application status""");
        assertThat(MessageText.of(help).encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void listsTheServicesInArabicByTheirAliasOrElseTheirKeyword() {
        String help = new HelpText(SERVICES, 3).help(Language.AR);

        assertThat(help).isEqualTo("""
                الخدمات:
                مخالفات ١٢٣٤٥ أ ب - المخالفات غير المدفوعة
                تسجيل ١٢٣٤٥ أ ب - انتهاء التسجيل
                VISA V2026000123 - حالة طلب التأشيرة""");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void fitsALongListWithThePointerOfTheLanguage(Language language) {
        List<HelpLine> many = IntStream.range(0, 30).mapToObj(i -> new HelpLine("S" + i, "خدمة" + i,
                "12345AB - service number " + i, "١٢٣٤٥ أ ب - الخدمة رقم " + i)).toList();

        String help = new HelpText(many, 2).help(language);

        assertThat(MessageText.of(help).segments()).isLessThanOrEqualTo(2);
        assertThat(help).endsWith(ReplyFitter.pointer(language))
                .startsWith(language == Language.AR ? "الخدمات:\nخدمة0 " : "Services:\nS0 ");
    }

    @Test
    void saysSoWhenNoServiceIsConfigured() {
        HelpText help = new HelpText(List.of(), 1);

        assertThat(help.help(Language.EN)).isEqualTo("No services are available at the moment.");
        assertThat(help.help(Language.AR)).isEqualTo("لا توجد خدمات متاحة حاليا.");
    }

    @Test
    void answersAnUnknownKeywordInBothLanguagesInOneSegment() {
        String reply = new HelpText(SERVICES, 1).unknownCommand();

        assertThat(reply).isEqualTo("Unknown command. Send HELP. / أمر غير معروف. أرسل مساعدة");
        assertThat(MessageText.of(reply).segments()).isEqualTo(1);
    }

    @Test
    void namesInTheUnknownCommandReplyTheHelpKeywordsTheParserRecognises() {
        CommandParser parser = new CommandParser();

        assertThat(parser.parse("HELP").isHelp()).isTrue();
        assertThat(parser.parse(HelpText.UNKNOWN_COMMAND.substring(HelpText.UNKNOWN_COMMAND.lastIndexOf(' ')))
                .isHelp()).isTrue();
    }

    @Test
    void refusesFewerThanOneSegment() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HelpText(SERVICES, 0));
    }

    @Test
    void refusesAServiceWithoutAKeyword() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HelpLine(" ", null, "x", "x"));
    }
}
