package org.risala.inbound.spi;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CommandParserTests {

    private static final String VIOLATIONS = "مخالفات";

    private final CommandParser parser = new CommandParser();

    static Stream<Arguments> latinCommands() {
        return Stream.of(
                arguments("VIO 12345AB", List.of("12345AB")),
                arguments("vio 12345AB", List.of("12345AB")),
                arguments("Vio 12345ab", List.of("12345ab")),
                arguments("   VIO    12345AB   ", List.of("12345AB")),
                arguments("\u00A0VIO\u00A012345AB\u00A0", List.of("12345AB")),
                arguments("VIO\t12345AB\n", List.of("12345AB")),
                arguments("VIO: 12345AB.", List.of("12345AB")),
                arguments("VIO:12345AB", List.of("12345AB")),
                arguments("\"VIO\" (12345AB)!", List.of("12345AB")),
                arguments("VIO 12345-ab", List.of("12345-ab")),
                arguments("VIO 12345 AB", List.of("12345", "AB")),
                arguments("VIO,12345,AB", List.of("12345", "AB")),
                arguments("VIO ; 12345 - AB", List.of("12345", "AB")),
                arguments("VIO ١٢٣٤٥AB", List.of("12345AB")),
                arguments("VIO ۱۲۳۴۵AB", List.of("12345AB")),
                arguments("\u200FVIO\u200E 12345AB\u061C", List.of("12345AB")),
                arguments("VIO،12345؛AB", List.of("12345", "AB")),
                arguments("VIO", List.of()),
                arguments("vio.", List.of()));
    }

    @ParameterizedTest
    @MethodSource("latinCommands")
    void readsALatinKeywordUpperCasedWithItsArguments(String text, List<String> arguments) {
        Command command = parser.parse(text);

        assertThat(command.keyword()).isEqualTo("VIO");
        assertThat(command.arguments()).isEqualTo(arguments);
        assertThat(command.language()).isEqualTo(Language.EN);
    }

    static Stream<Arguments> arabicCommands() {
        return Stream.of(
                arguments("مخالفات ١٢٣٤٥ أ ب", List.of("12345", "أ", "ب")),
                arguments("مخالفات 12345AB", List.of("12345AB")),
                arguments("  مخالفات\u00A0\u00A0١٢٣٤٥  ", List.of("12345")),
                arguments("مخـــالفات ١٢٣٤٥", List.of("12345")),
                arguments("مُخَالَفَات ١٢٣٤٥", List.of("12345")),
                arguments("\u200Fمخالفات\u200F ١٢٣٤٥", List.of("12345")),
                arguments("مخالفات، ١٢٣٤٥؛ أ ب.", List.of("12345", "أ", "ب")),
                arguments("مخالفات: ۱۲۳۴۵", List.of("12345")),
                arguments("ﻣﺨﺎﻟﻔﺎﺕ ١٢٣٤٥", List.of("12345")));
    }

    @ParameterizedTest
    @MethodSource("arabicCommands")
    void readsAnArabicKeywordWhateverTheTatweelDiacriticsAndMarks(String text, List<String> arguments) {
        Command command = parser.parse(text);

        assertThat(command.keyword()).isEqualTo(VIOLATIONS);
        assertThat(command.arguments()).isEqualTo(arguments);
        assertThat(command.language()).isEqualTo(Language.AR);
    }

    @Test
    void dropsDiacriticsAndTatweelInArgumentsToo() {
        assertThat(parser.parse("مخالفات ١٢٣٤٥ أَ بـ").arguments()).containsExactly("12345", "أ", "ب");
    }

    @ParameterizedTest
    @ValueSource(strings = {"مساعدة", "مساعده", "مُسَاعَدَة", "مسـاعدة", " مساعدة. ", "\u200Fمساعدة"})
    void foldsTaMarbutaSoThatHelpIsRecognisedHoweverItEnds(String text) {
        Command command = parser.parse(text);

        assertThat(command.keyword()).isEqualTo("مساعده");
        assertThat(command.isHelp()).isTrue();
        assertThat(command.language()).isEqualTo(Language.AR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help", " Help! "})
    void recognisesHelpInEnglish(String text) {
        Command command = parser.parse(text);

        assertThat(command.isHelp()).isTrue();
        assertThat(command.language()).isEqualTo(Language.EN);
    }

    @Test
    void aServiceKeywordIsNotHelp() {
        assertThat(parser.parse("VIO 12345AB").isHelp()).isFalse();
        assertThat(parser.parse("مخالفات").isHelp()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"أحمد", "إحمد", "آحمد", "ٱحمد", "احمد"})
    void foldsTheAlefFormsOfAKeyword(String text) {
        assertThat(parser.parse(text).keyword()).isEqualTo("احمد");
    }

    @Test
    void foldsAlefMaqsuraToYa() {
        assertThat(parser.parse("فتوى").keyword()).isEqualTo(parser.parse("فتوي").keyword()).isEqualTo("فتوي");
    }

    @Test
    void keepsArgumentsAsWrittenApartFromDigitsAndInvisibleMarks() {
        assertThat(parser.parse("VIO أحمد ab-12").arguments()).containsExactly("أحمد", "ab-12");
    }

    @Test
    void upperCasesWithoutTheDefaultLocale() {
        // in a Turkish locale "vio".toUpperCase() would give "VİO"
        assertThat(parser.parse("visa v2026").keyword()).isEqualTo("VISA");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u00A0\u00A0", "\t\n", "\u200F\u200E", "...", " ، ؛ "})
    void readsAnEmptyOrBlankTextAsTheEmptyCommand(String text) {
        Command command = parser.parse(text);

        assertThat(command).isEqualTo(Command.EMPTY);
        assertThat(command.isEmpty()).isTrue();
        assertThat(command.keyword()).isEmpty();
        assertThat(command.arguments()).isEmpty();
    }

    @Test
    void givesTheLanguageOfTheKeywordNotOfTheArguments() {
        assertThat(parser.parse("VIO ١٢٣٤٥ أ ب").language()).isEqualTo(Language.EN);
        assertThat(parser.parse("مخالفات 12345 AB").language()).isEqualTo(Language.AR);
    }

    @Test
    void joinsTheArgumentsWithSingleSpaces() {
        assertThat(parser.parse("مخالفات  ١٢٣٤٥\u00A0 أ  ب").argumentText()).isEqualTo("12345 أ ب");
    }

    @ParameterizedTest
    @ValueSource(strings = {"مساعدة", "مُسـاعده", "مساعدة:"})
    void canonicalisesAConfiguredAliasAsTheParserReadsTheKeyword(String alias) {
        assertThat(CommandParser.canonicalKeyword(alias)).isEqualTo(parser.parse("مساعده 1").keyword());
    }

    @Test
    void canonicalisesALatinAliasToUpperCase() {
        assertThat(CommandParser.canonicalKeyword(" vio ")).isEqualTo("VIO");
    }

    @Test
    void copiesTheArgumentsOfACommand() {
        List<String> arguments = new java.util.ArrayList<>(List.of("a"));
        Command command = new Command("VIO", arguments, Language.EN);
        arguments.add("b");

        assertThat(command.arguments()).containsExactly("a");
    }
}
