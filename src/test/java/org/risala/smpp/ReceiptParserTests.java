package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.risala.smpp.ReceiptParser.Receipt;
import org.risala.smpp.ReceiptParser.Tlvs;

class ReceiptParserTests {

    private static final Instant ARRIVED = Instant.parse("2026-05-01T10:00:00Z");

    private final ReceiptParser parser = new ReceiptParser(ZoneId.of("Asia/Muscat"));

    private Receipt parse(String text) {
        return parser.parse(text, Tlvs.NONE, ARRIVED).orElseThrow();
    }

    @Test
    void readsTheStandardTextWithDatesInMuscatTime() {
        Receipt receipt = parse("id:1715004 sub:001 dlvrd:001 submit date:2605011402 done date:2605011403 "
                + "stat:DELIVRD err:000 text:Your code is 1234");

        assertThat(receipt.id()).isEqualTo("1715004");
        assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
        assertThat(receipt.errorCode()).isEqualTo("000");
        assertThat(receipt.submittedAt()).isEqualTo(Instant.parse("2026-05-01T10:02:00Z"));
        assertThat(receipt.doneAt()).isEqualTo(Instant.parse("2026-05-01T10:03:00Z"));
    }

    @Test
    void acceptsUpperCaseKeysAndDatesWithSeconds() {
        Receipt receipt = parse("ID:00AB12 SUB:001 DLVRD:000 SUBMIT DATE:260501140255 DONE DATE:260501140359 "
                + "STAT:UNDELIV ERR:0C1");

        assertThat(receipt.id()).isEqualTo("00AB12");
        assertThat(receipt.state()).isEqualTo(ReceiptState.UNDELIVERED);
        assertThat(receipt.errorCode()).isEqualTo("0C1");
        assertThat(receipt.doneAt()).isEqualTo(Instant.parse("2026-05-01T10:03:59Z"));
    }

    @Test
    void datesFollowTheConfiguredZone() {
        Receipt receipt = new ReceiptParser(ZoneId.of("UTC"))
                .parse("id:1 done date:2605011403 stat:DELIVRD", Tlvs.NONE, ARRIVED).orElseThrow();

        assertThat(receipt.doneAt()).isEqualTo(Instant.parse("2026-05-01T14:03:00Z"));
    }

    @Test
    void mapsEveryStat() {
        assertThat(parse("id:1 stat:ACCEPTD").state()).isEqualTo(ReceiptState.ACCEPTED);
        assertThat(parse("id:1 stat:EXPIRED").state()).isEqualTo(ReceiptState.EXPIRED);
        assertThat(parse("id:1 stat:DELETED").state()).isEqualTo(ReceiptState.DELETED);
        assertThat(parse("id:1 stat:REJECTD").state()).isEqualTo(ReceiptState.REJECTED);
        assertThat(parse("id:1 stat:ENROUTE").state()).isEqualTo(ReceiptState.ENROUTE);
        assertThat(parse("id:1 stat:delivered").state()).isEqualTo(ReceiptState.DELIVERED);
        assertThat(parse("id:1 stat:UNKNOWN").state()).isEqualTo(ReceiptState.UNKNOWN);
    }

    @Test
    void unknownOrMissingStatIsUnknown() {
        assertThat(parse("id:1 stat:SENTOK").state()).isEqualTo(ReceiptState.UNKNOWN);
        assertThat(parse("id:1 err:000").state()).isEqualTo(ReceiptState.UNKNOWN);
    }

    @Test
    void missingOrBrokenDoneDateFallsBackToArrival() {
        assertThat(parse("id:1 stat:DELIVRD").doneAt()).isEqualTo(ARRIVED);
        assertThat(parse("id:1 done date:2613451403 stat:DELIVRD").doneAt()).isEqualTo(ARRIVED);
        assertThat(parse("id:1 submit date:26050114 stat:DELIVRD").submittedAt()).isNull();
    }

    @Test
    void theFreeTextCannotOverrideTheFields() {
        Receipt receipt = parse("id:42 stat:UNDELIV err:001 text:stat:DELIVRD id:99");

        assertThat(receipt.id()).isEqualTo("42");
        assertThat(receipt.state()).isEqualTo(ReceiptState.UNDELIVERED);
    }

    @Test
    void anEmptyIdIsNotReadFromTheNextField() {
        assertThat(parser.parse("id: sub:001 stat:DELIVRD", Tlvs.NONE, ARRIVED)).isEmpty();
    }

    @Test
    void tlvsWinOverTheText() {
        Tlvs tlvs = new Tlvs("1A2B3C", 5, "3:11");

        Receipt receipt = parser.parse("id:1715004 stat:DELIVRD err:000", tlvs, ARRIVED).orElseThrow();

        assertThat(receipt.id()).isEqualTo("1A2B3C");
        assertThat(receipt.state()).isEqualTo(ReceiptState.UNDELIVERED);
        assertThat(receipt.errorCode()).isEqualTo("3:11");
    }

    @Test
    void tlvsAloneAreEnough() {
        Receipt receipt = parser.parse("", new Tlvs("77", 2, null), ARRIVED).orElseThrow();

        assertThat(receipt.id()).isEqualTo("77");
        assertThat(receipt.state()).isEqualTo(ReceiptState.DELIVERED);
        assertThat(receipt.doneAt()).isEqualTo(ARRIVED);
    }

    @Test
    void messageStateValuesFollowSmpp34() {
        assertThat(ReceiptParser.fromMessageState(1)).isEqualTo(ReceiptState.ENROUTE);
        assertThat(ReceiptParser.fromMessageState(2)).isEqualTo(ReceiptState.DELIVERED);
        assertThat(ReceiptParser.fromMessageState(3)).isEqualTo(ReceiptState.EXPIRED);
        assertThat(ReceiptParser.fromMessageState(4)).isEqualTo(ReceiptState.DELETED);
        assertThat(ReceiptParser.fromMessageState(5)).isEqualTo(ReceiptState.UNDELIVERED);
        assertThat(ReceiptParser.fromMessageState(6)).isEqualTo(ReceiptState.ACCEPTED);
        assertThat(ReceiptParser.fromMessageState(7)).isEqualTo(ReceiptState.UNKNOWN);
        assertThat(ReceiptParser.fromMessageState(8)).isEqualTo(ReceiptState.REJECTED);
        assertThat(ReceiptParser.fromMessageState(42)).isEqualTo(ReceiptState.UNKNOWN);
    }

    @Test
    void textWithoutAnyIdIsNoReceipt() {
        assertThat(parser.parse("hello there", Tlvs.NONE, ARRIVED)).isEmpty();
        assertThat(parser.parse(null, Tlvs.NONE, ARRIVED)).isEmpty();
    }
}
