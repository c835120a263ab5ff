package org.risala.backoffice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.risala.backoffice.DemoCatalogue.Vehicle;
import org.risala.backoffice.DemoCatalogue.Violation;
import org.risala.backoffice.DemoCatalogue.VisaApplication;

/** The answers of the three directorates, as their JSON documents, with dates worked out from today. */
final class DemoBackOffice {

    /** a registration that ends within this many days is reported as expiring */
    static final int EXPIRING_WITHIN_DAYS = 30;

    /** the directorates' "today" is Oman's, whatever zone the application clock is in */
    static final ZoneId OMAN = ZoneId.of("Asia/Muscat");

    record ViolationRecord(String id, LocalDate date, String place, String offence, String offenceAr,
                           String amount) {
    }

    record TrafficRecord(String plate, String owner, int unpaidCount, String total,
                         List<ViolationRecord> violations) {
    }

    record RegistrationRecord(String plate, String make, LocalDate expiresOn, long daysLeft, String status) {
    }

    record VisaRecord(String applicationNumber, String status, String statusAr, String applicant,
                      LocalDate updatedOn) {
    }

    private final Clock clock;

    DemoBackOffice(Clock clock) {
        this.clock = clock;
    }

    /** {@code plate} in the canonical form of {@link org.risala.records.PlateNumber#display}; empty for an unknown one */
    Optional<TrafficRecord> violationsOfPlate(String plate) {
        return vehicle(plate).map(this::traffic);
    }

    Optional<TrafficRecord> violationsOfCivilId(String civilId) {
        return DemoCatalogue.VEHICLES.stream().filter(v -> v.civilId().equals(civilId.strip())).findFirst()
                .map(this::traffic);
    }

    /** {@code plate} in the canonical form of {@link org.risala.records.PlateNumber#display} */
    Optional<RegistrationRecord> registration(String plate) {
        LocalDate today = today();
        return vehicle(plate).map(v -> {
            LocalDate expiresOn = today.plusDays(v.registrationDaysLeft());
            return new RegistrationRecord(v.plate(), v.make(), expiresOn, v.registrationDaysLeft(),
                    status(v.registrationDaysLeft()));
        });
    }

    /** the application number in either case */
    Optional<VisaRecord> visa(String applicationNumber) {
        String number = applicationNumber.strip().toUpperCase(Locale.ROOT);
        LocalDate today = today();
        return DemoCatalogue.VISA_APPLICATIONS.stream().filter(a -> a.number().equals(number)).findFirst()
                .map(a -> visa(a, today));
    }

    /** a registration ending today is still valid today, so it is expiring, not expired */
    static String status(long daysLeft) {
        if (daysLeft < 0) {
            return "expired";
        }
        return daysLeft <= EXPIRING_WITHIN_DAYS ? "expiring" : "valid";
    }

    private static Optional<Vehicle> vehicle(String plate) {
        return DemoCatalogue.VEHICLES.stream().filter(v -> v.plate().equals(plate)).findFirst();
    }

    private TrafficRecord traffic(Vehicle vehicle) {
        LocalDate today = today();
        List<Violation> unpaid = DemoCatalogue.VIOLATIONS.stream().filter(v -> v.plate().equals(vehicle.plate()))
                .toList();
        List<ViolationRecord> violations = unpaid.stream().map(v -> {
            LocalDate date = today.minusDays(v.daysAgo());
            return new ViolationRecord("TV-%d-%06d".formatted(date.getYear(), v.serial()), date, v.place(),
                    v.offence(), v.offenceAr(), omr(v.amount()));
        }).toList();
        BigDecimal total = unpaid.stream().map(Violation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TrafficRecord(vehicle.plate(), vehicle.owner(), unpaid.size(), omr(total), violations);
    }

    private static VisaRecord visa(VisaApplication application, LocalDate today) {
        return new VisaRecord(application.number(), application.status().name(), application.status().arabic,
                application.applicant(), today.minusDays(application.updatedDaysAgo()));
    }

    /** the rial has 1000 baisa, so amounts always carry three decimals */
    private static String omr(BigDecimal amount) {
        return amount.setScale(3, RoundingMode.UNNECESSARY).toPlainString() + " OMR";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), OMAN);
    }
}
