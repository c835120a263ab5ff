package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SenderAddressTests {

    @Test
    void alphanumericSenderIsTon5Npi0() {
        assertThat(SenderAddress.of("ROP", 3, 0)).isEqualTo(new SmppAddress(5, 0, "ROP"));
        assertThat(SenderAddress.of("Oman Police", 3, 0)).isEqualTo(new SmppAddress(5, 0, "Oman Police"));
        assertThat(SenderAddress.of("ROP-1", 3, 0)).isEqualTo(new SmppAddress(5, 0, "ROP-1"));
    }

    @Test
    void internationalNumberIsTon1Npi1WithoutThePlus() {
        assertThat(SenderAddress.of("+96891234567", 3, 0)).isEqualTo(new SmppAddress(1, 1, "96891234567"));
        assertThat(SenderAddress.of("96891234567", 3, 0)).isEqualTo(new SmppAddress(1, 1, "96891234567"));
        assertThat(SenderAddress.of("968912345", 3, 0)).isEqualTo(new SmppAddress(1, 1, "968912345"));
    }

    @Test
    void shortCodeUsesTheOperatorsTonAndNpi() {
        assertThat(SenderAddress.of("90085", 3, 0)).isEqualTo(new SmppAddress(3, 0, "90085"));
        assertThat(SenderAddress.of("90085", 6, 1)).isEqualTo(new SmppAddress(6, 1, "90085"));
        assertThat(SenderAddress.of("12345678", 0, 1)).isEqualTo(new SmppAddress(0, 1, "12345678"));
    }

    @Test
    void rejectsSendersOfNoKindWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> SenderAddress.of("RoyalOmanPolice", 3, 0))
                .withMessageContaining("longer than 11");
        assertThatIllegalArgumentException().isThrownBy(() -> SenderAddress.of("شرطة", 3, 0))
                .withMessageContaining("Latin letters");
        assertThatIllegalArgumentException().isThrownBy(() -> SenderAddress.of("+9689123x", 3, 0))
                .withMessageContaining("international number");
        assertThatIllegalArgumentException().isThrownBy(() -> SenderAddress.of("+96", 3, 0))
                .withMessageContaining("international number");
        assertThatIllegalArgumentException().isThrownBy(() -> SenderAddress.of("0096891234567", 3, 0))
                .withMessageContaining("+<country code>");
        assertThatIllegalArgumentException().isThrownBy(() -> SenderAddress.of("12-34", 3, 0))
                .withMessageContaining("has a letter");
        assertThatIllegalArgumentException().isThrownBy(() -> SenderAddress.of(" ", 3, 0))
                .withMessageContaining("empty");
    }

    @Test
    void destinationIsInternationalDigits() {
        assertThat(SmppAddress.destination("+96891234567")).isEqualTo(new SmppAddress(1, 1, "96891234567"));
        assertThatIllegalArgumentException().isThrownBy(() -> SmppAddress.destination("+968 9123"));
    }
}
