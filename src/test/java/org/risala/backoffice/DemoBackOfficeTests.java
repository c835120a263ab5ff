package org.risala.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.risala.backoffice.DemoBackOffice.RegistrationRecord;
import org.risala.backoffice.DemoBackOffice.TrafficRecord;
import org.risala.backoffice.DemoBackOffice.ViolationRecord;
import org.risala.backoffice.DemoBackOffice.VisaRecord;

class DemoBackOfficeTests {

    /** 21:30 UTC is already the next day in Muscat (UTC+4) */
    private final DemoBackOffice backOffice = new DemoBackOffice(
            Clock.fixed(Instant.parse("2026-12-31T21:30:00Z"), ZoneOffset.UTC));
    private final LocalDate muscatToday = LocalDate.of(2027, 1, 1);

    @Test
    void datesAreCountedFromTodayInOmanAndViolationIdsCarryTheirYear() {
        TrafficRecord traffic = backOffice.violationsOfPlate("12345 AB").orElseThrow();

        assertThat(traffic.violations()).extracting(ViolationRecord::id, ViolationRecord::date).containsExactly(
                tuple("TV-2026-004127", muscatToday.minusDays(9)),
                tuple("TV-2026-003958", muscatToday.minusDays(37)));
        assertThat(backOffice.registration("12345 AB")).contains(new RegistrationRecord("12345 AB",
                "Toyota Land Cruiser", LocalDate.of(2027, 1, 22), 21, "expiring"));
        assertThat(backOffice.visa("V2026000123").map(VisaRecord::updatedOn)).contains(LocalDate.of(2026, 12, 30));
    }

    @Test
    void theTotalIsTheSumOfTheUnpaidViolationsInRialsWithThreeDecimals() {
        assertThat(backOffice.violationsOfPlate("4821 SM").orElseThrow())
                .returns(3, TrafficRecord::unpaidCount)
                .returns("95.000 OMR", TrafficRecord::total);
        assertThat(backOffice.violationsOfPlate("777 R").orElseThrow())
                .returns(0, TrafficRecord::unpaidCount)
                .returns("0.000 OMR", TrafficRecord::total);
    }

    @Test
    void aCivilIdAnswersForItsOwnersVehicle() {
        assertThat(backOffice.violationsOfCivilId(" 10234567 ")).isEqualTo(backOffice.violationsOfPlate("12345 AB"));
        assertThat(backOffice.violationsOfCivilId("10000000")).isEmpty();
    }

    @Test
    void onlyCanonicalPlatesAndKnownApplicationsAreFound() {
        assertThat(backOffice.violationsOfPlate("12345AB")).isEmpty();
        assertThat(backOffice.registration("999 ZZ")).isEmpty();
        assertThat(backOffice.visa("v2026000999").map(VisaRecord::status)).contains("UNDER_REVIEW");
        assertThat(backOffice.visa("V2026000000")).isEmpty();
    }

    @ParameterizedTest(name = "{0} days left is {1}")
    @CsvSource({"-1, expired", "0, expiring", "30, expiring", "31, valid"})
    void aRegistrationIsExpiringFromThirtyDaysBeforeItsEnd(long daysLeft, String status) {
        assertThat(DemoBackOffice.status(daysLeft)).isEqualTo(status);
    }
}
