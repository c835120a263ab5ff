package org.risala.backoffice;

import java.math.BigDecimal;
import java.util.List;

/**
 * The demo records of the three directorates. Dates are kept as offsets from today so that the demo tells the same
 * story on whatever day it runs: 12345 AB's registration is always about to expire, 4821 SM's always lapsed.
 * Each owner has one vehicle, so a civil ID names one set of violations.
 */
final class DemoCatalogue {

    /** a registered vehicle; {@code registrationDaysLeft} is negative once the registration has expired */
    record Vehicle(String plate, String make, String owner, String civilId, int registrationDaysLeft) {
    }

    /** an unpaid traffic violation; paid ones are not kept, as the traffic directorate only answers for open fines */
    record Violation(String plate, int serial, int daysAgo, String place, String offence, String offenceAr,
                     BigDecimal amount) {
    }

    record VisaApplication(String number, VisaStatus status, String applicant, int updatedDaysAgo) {
    }

    enum VisaStatus {
        APPROVED("تمت الموافقة"),
        UNDER_REVIEW("قيد المراجعة"),
        REJECTED("تم الرفض"),
        DOCUMENTS_REQUIRED("بانتظار مستندات إضافية");

        final String arabic;

        VisaStatus(String arabic) {
            this.arabic = arabic;
        }
    }

    static final List<Vehicle> VEHICLES = List.of(
            new Vehicle("12345 AB", "Toyota Land Cruiser", "Salim bin Hamad Al Harthi", "10234567", 21),
            new Vehicle("777 R", "Nissan Patrol", "Aisha bint Said Al Balushi", "10765432", 290),
            new Vehicle("4821 SM", "Hyundai Elantra", "Khalid bin Nasser Al Rawahi", "10998877", -12));

    static final List<Violation> VIOLATIONS = List.of(
            new Violation("12345 AB", 4127, 9, "Muscat Expressway", "Speeding (20 km/h over)", "تجاوز السرعة",
                    new BigDecimal("15.000")),
            new Violation("12345 AB", 3958, 37, "Al Khoudh, Seeb", "Parking in a no-parking area",
                    "الوقوف في مكان ممنوع", new BigDecimal("20.000")),
            new Violation("4821 SM", 2210, 4, "Firq roundabout, Nizwa", "Running a red light",
                    "تجاوز الإشارة الضوئية الحمراء", new BigDecimal("50.000")),
            new Violation("4821 SM", 1876, 51, "Sohar Corniche", "Seat belt not fastened", "عدم ربط حزام الأمان",
                    new BigDecimal("10.000")),
            new Violation("4821 SM", 1203, 88, "Salalah-Thumrait Road", "Speeding (35 km/h over)", "تجاوز السرعة",
                    new BigDecimal("35.000")));

    static final List<VisaApplication> VISA_APPLICATIONS = List.of(
            new VisaApplication("V2026000123", VisaStatus.APPROVED, "Rajesh Kumar Nair", 2),
            new VisaApplication("V2026000999", VisaStatus.UNDER_REVIEW, "Maria Santos Reyes", 5),
            new VisaApplication("V2026000456", VisaStatus.REJECTED, "Ahmed Farouk Mansour", 8),
            new VisaApplication("V2026000789", VisaStatus.DOCUMENTS_REQUIRED, "Li Wei", 1));

    private DemoCatalogue() {
    }
}
