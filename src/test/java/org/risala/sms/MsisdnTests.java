package org.risala.sms;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MsisdnTests {

    @ParameterizedTest
    @ValueSource(strings = {"96891234567", "0096891234567", "+968 91234567", "+096891234567", "+968912",
            "+1234567890123456", "+9689123456a", " +96891234567", ""})
    void rejectsAnythingThatIsNotE164WithAPlus(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Msisdn(value));
    }

    @Test
    void rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Msisdn(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+96891234567", "+1234567", "+123456789012345"})
    void acceptsSevenToFifteenDigitsAfterThePlus(String value) {
        assertThat(Msisdn.of(value).e164()).isEqualTo(value);
    }

    @Test
    void givesTheDigitsWithoutThePlusForSmpp() {
        assertThat(Msisdn.of("+96891234567").digits()).isEqualTo("96891234567");
    }

    @ParameterizedTest
    @CsvSource({
            "+96891234567,   +96891****67",
            "+96871234599,   +96871****99",
            "+447911123456,  +4479******56",
            "+12025550123,   +1202*****23",
            "+1234567,       +1234*67",
            "+9681234567,    +9681****67"})
    void masksTheMiddleDigits(String e164, String masked) {
        assertThat(Msisdn.of(e164).masked()).isEqualTo(masked);
    }

    @Test
    void toStringIsMaskedSoALogNeverLeaksTheNumber() {
        Msisdn msisdn = Msisdn.of("+96891234567");

        assertThat(msisdn.toString()).isEqualTo("+96891****67").doesNotContain("2345");
        assertThat("sent to " + msisdn).isEqualTo("sent to +96891****67");
    }

    @Test
    void isEqualByValue() {
        assertThat(Msisdn.of("+96891234567")).isEqualTo(new Msisdn("+96891234567"))
                .isNotEqualTo(Msisdn.of("+96891234568"));
    }

    @Test
    void aStoredNumberThatIsNoE164IsHiddenWhole() {
        assertThat(Msisdn.masked("+96891234567")).isEqualTo("+96891****67");
        assertThat(Msisdn.masked("0091234567")).isEqualTo("••••");
    }
}
