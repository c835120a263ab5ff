package org.risala.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PassportNormalisationTests {

    @ParameterizedTest
    @CsvSource({"a1234567, A1234567", "'A 123 4567', A1234567", "0123-4567, 01234567", "'\u200FK٩٨٧٦٥', K98765"})
    void lettersAndDigitsUpperCasedWithoutSeparators(String typed, String passport) {
        assertThat(Normalisations.PASSPORT.normalise(typed)).contains(passport);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCDEFG", "A123", "A1234567890123", "A12.4567", "جواز123456"})
    void anythingElseIsNoPassport(String typed) {
        assertThat(Normalisations.PASSPORT.normalise(typed)).isEmpty();
    }
}
