package org.risala.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.risala.testing.ApiCalls;
import org.risala.testing.ApiCalls.Response;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The demo back office over a real socket, without a login, as the pull services' HTTP connector calls it. */
@IntegrationTest
class DemoBackOfficeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DemoBackOfficeFaults faults;

    @Autowired
    MeterRegistry registry;

    ApiCalls backOffice;

    @BeforeEach
    void setUp() {
        backOffice = new ApiCalls(port, null);
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    @Test
    void itsRequestsAreNotCountedAmongRisalasOwn() {
        long before = servedOutsideRisalasEndpoints();
        backOffice.get("/demo-backoffice/traffic/violations?plate=12345AB");
        backOffice.get("/demo-backoffice/visas/V2026000123");

        assertThat(servedOutsideRisalasEndpoints()).isEqualTo(before);
    }

    /** http.server.requests of requests no Spring MVC mapping served, which the demo's servlet's would be */
    private long servedOutsideRisalasEndpoints() {
        return registry.find("http.server.requests").tag("uri", "UNKNOWN").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    @Test
    void aPlateWithUnpaidViolationsListsThemWithTheirTotal() {
        LocalDate today = today();
        Response r = backOffice.get("/demo-backoffice/traffic/violations?plate=12345AB");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("plate").asString()).isEqualTo("12345 AB");
        assertThat(json.get("owner").asString()).isEqualTo("Salim bin Hamad Al Harthi");
        assertThat(json.get("unpaidCount").asInt()).isEqualTo(2);
        assertThat(json.get("total").asString()).isEqualTo("35.000 OMR");
        assertThat(json.get("violations")).hasSize(2);

        JsonNode first = json.get("violations").get(0);
        LocalDate firstDate = today.plusDays(-9);
        assertThat(first.get("id").asString()).isEqualTo("TV-" + firstDate.getYear() + "-004127");
        assertThat(first.get("date").asString()).isEqualTo(firstDate.toString());
        assertThat(first.get("place").asString()).isEqualTo("Muscat Expressway");
        assertThat(first.get("offence").asString()).isEqualTo("Speeding (20 km/h over)");
        assertThat(first.get("offenceAr").asString()).isEqualTo("تجاوز السرعة");
        assertThat(first.get("amount").asString()).isEqualTo("15.000 OMR");

        JsonNode second = json.get("violations").get(1);
        LocalDate secondDate = today.plusDays(-37);
        assertThat(second.get("id").asString()).isEqualTo("TV-" + secondDate.getYear() + "-003958");
        assertThat(second.get("date").asString()).isEqualTo(secondDate.toString());
        assertThat(second.get("place").asString()).isEqualTo("Al Khoudh, Seeb");
        assertThat(second.get("offence").asString()).isEqualTo("Parking in a no-parking area");
        assertThat(second.get("offenceAr").asString()).isEqualTo("الوقوف في مكان ممنوع");
        assertThat(second.get("amount").asString()).isEqualTo("20.000 OMR");
    }

    @Test
    void theThirdVehicleHasViolationsInNizwaSoharAndSalalah() {
        Response r = backOffice.get("/demo-backoffice/traffic/violations?plate=4821SM");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("owner").asString()).isEqualTo("Khalid bin Nasser Al Rawahi");
        assertThat(r.json().get("unpaidCount").asInt()).isEqualTo(3);
        assertThat(r.json().get("total").asString()).isEqualTo("95.000 OMR");
        assertThat(r.json().get("violations").valueStream().map(v -> v.get("place").asString() + " "
                + v.get("amount").asString())).containsExactly("Firq roundabout, Nizwa 50.000 OMR",
                "Sohar Corniche 10.000 OMR", "Salalah-Thumrait Road 35.000 OMR");
    }

    @Test
    void aPlateWithoutViolationsHasAnEmptyList() {
        Response r = backOffice.get("/demo-backoffice/traffic/violations?plate=777-r");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("plate").asString()).isEqualTo("777 R");
        assertThat(r.json().get("owner").asString()).isEqualTo("Aisha bint Said Al Balushi");
        assertThat(r.json().get("unpaidCount").asInt()).isZero();
        assertThat(r.json().get("total").asString()).isEqualTo("0.000 OMR");
        assertThat(r.json().get("violations").isArray()).isTrue();
        assertThat(r.json().get("violations")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345AB", "12345 AB", "12345-ab", "١٢٣٤٥ أ ب", "أ ب ١٢٣٤٥"})
    void everyTypedFormOfAPlateFindsTheSameVehicle(String typed) {
        Response byTyped = backOffice.get("/demo-backoffice/traffic/violations?plate=" + query(typed));
        Response registration = backOffice.get("/demo-backoffice/vehicles/registration?plate=" + query(typed));

        assertThat(byTyped.status()).as(byTyped.body()).isEqualTo(200);
        assertThat(byTyped.json().get("plate").asString()).isEqualTo("12345 AB");
        assertThat(byTyped.json().get("unpaidCount").asInt()).isEqualTo(2);
        assertThat(registration.status()).as(registration.body()).isEqualTo(200);
        assertThat(registration.json().get("plate").asString()).isEqualTo("12345 AB");
    }

    @Test
    void aCivilIdFindsItsOwnersViolations() {
        Response r = backOffice.get("/demo-backoffice/traffic/violations?civilId=10234567");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(backOffice.get("/demo-backoffice/traffic/violations?plate=12345AB").json());
    }

    @Test
    void aBlankPlateOrCivilIdCountsAsAbsentAsAServiceWithAlternativeArgumentsSendsBoth() {
        Response byCivilId = backOffice.get("/demo-backoffice/traffic/violations?plate=&civilId=10234567");
        Response byPlate = backOffice.get("/demo-backoffice/traffic/violations?plate=12345AB&civilId=%20");
        Response neither = backOffice.get("/demo-backoffice/traffic/violations?plate=&civilId=");

        assertThat(byCivilId.status()).as(byCivilId.body()).isEqualTo(200);
        assertThat(byCivilId.json().get("plate").asString()).isEqualTo("12345 AB");
        assertThat(byPlate.status()).as(byPlate.body()).isEqualTo(200);
        assertThat(byPlate.json()).isEqualTo(byCivilId.json());
        assertThat(neither.status()).as(neither.body()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo-backoffice/traffic/violations?plate=999ZZ",
            "/demo-backoffice/traffic/violations?civilId=10000000",
            "/demo-backoffice/vehicles/registration?plate=999ZZ", "/demo-backoffice/visas/V2026000000"})
    void anUnknownPlateCivilIdOrApplicationIsNotFound(String path) {
        Response r = backOffice.get(path);

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json()).isEqualTo(ApiCalls.json().readTree("{\"error\":\"not found\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo-backoffice/traffic/violations?plate=hello",
            "/demo-backoffice/traffic/violations", "/demo-backoffice/traffic/violations?plate=12345AB&civilId=1",
            "/demo-backoffice/vehicles/registration?plate=12A34B", "/demo-backoffice/vehicles/registration"})
    void aLookupWithoutOneValidKeyIsABadRequest(String path) {
        Response r = backOffice.get(path);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).isNotBlank();
    }

    @Test
    void registrationStatusIsCountedFromTheApplicationClock() {
        LocalDate today = today();
        Response expiring = backOffice.get("/demo-backoffice/vehicles/registration?plate=12345AB");
        Response valid = backOffice.get("/demo-backoffice/vehicles/registration?plate=777R");
        Response expired = backOffice.get("/demo-backoffice/vehicles/registration?plate=4821SM");

        assertRegistration(expiring, today, "Toyota Land Cruiser", 21, "expiring");
        assertRegistration(valid, today, "Nissan Patrol", 290, "valid");
        assertRegistration(expired, today, "Hyundai Elantra", -12, "expired");
    }

    private static void assertRegistration(Response r, LocalDate today, String make, int daysLeft, String status) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("make").asString()).isEqualTo(make);
        assertThat(r.json().get("daysLeft").asInt()).isEqualTo(daysLeft);
        assertThat(r.json().get("status").asString()).isEqualTo(status);
        assertThat(r.json().get("expiresOn").asString()).isEqualTo(today.plusDays(daysLeft).toString());
    }

    @Test
    void eachVisaApplicationAnswersItsStatusInEnglishAndArabic() {
        assertVisa("V2026000123", "APPROVED", "تمت الموافقة", "Rajesh Kumar Nair", -2);
        assertVisa("V2026000999", "UNDER_REVIEW", "قيد المراجعة", "Maria Santos Reyes", -5);
        assertVisa("V2026000456", "REJECTED", "تم الرفض", "Ahmed Farouk Mansour", -8);
        assertVisa("V2026000789", "DOCUMENTS_REQUIRED", "بانتظار مستندات إضافية", "Li Wei", -1);
    }

    private void assertVisa(String number, String status, String statusAr, String applicant, int updatedDaysFromToday) {
        LocalDate today = today();
        Response r = backOffice.get("/demo-backoffice/visas/" + number.toLowerCase());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("applicationNumber").asString()).isEqualTo(number);
        assertThat(r.json().get("status").asString()).isEqualTo(status);
        assertThat(r.json().get("statusAr").asString()).isEqualTo(statusAr);
        assertThat(r.json().get("applicant").asString()).isEqualTo(applicant);
        assertThat(r.json().get("updatedOn").asString()).isEqualTo(today.plusDays(updatedDaysFromToday).toString());
    }

    @Test
    void aBackOfficeSwitchedDownAnswers503UntilSwitchedBack() {
        Response switched = backOffice.post("/demo-backoffice/faults", Map.of("down", true));
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().get("down").asBoolean()).isTrue();
        assertThat(switched.json().get("delayMillis").asLong()).isZero();

        for (String path : new String[] {"/demo-backoffice/traffic/violations?plate=12345AB",
                "/demo-backoffice/vehicles/registration?plate=12345AB", "/demo-backoffice/visas/V2026000123"}) {
            Response r = backOffice.get(path);
            assertThat(r.status()).as(path).isEqualTo(503);
            assertThat(r.json()).isEqualTo(ApiCalls.json().readTree("{\"error\":\"service unavailable\"}"));
        }

        assertThat(backOffice.post("/demo-backoffice/faults", Map.of("down", false)).json().get("down").asBoolean())
                .isFalse();
        assertThat(backOffice.get("/demo-backoffice/visas/V2026000123").status()).isEqualTo(200);
    }

    @Test
    void aSlowBackOfficeAnswersAfterItsDelay() {
        Response switched = backOffice.post("/demo-backoffice/faults", Map.of("delayMillis", 400));
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().get("delayMillis").asLong()).isEqualTo(400);
        assertThat(faults.delay()).isEqualTo(Duration.ofMillis(400));

        long start = System.nanoTime();
        Response r = backOffice.get("/demo-backoffice/visas/V2026000123");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aFaultLeftOutOfTheSwitchKeepsItsValueAndANegativeDelayIsRefused() {
        backOffice.post("/demo-backoffice/faults", Map.of("delayMillis", 250));
        Response down = backOffice.post("/demo-backoffice/faults", Map.of("down", true));
        assertThat(down.json().get("delayMillis").asLong()).isEqualTo(250);

        Response refused = backOffice.post("/demo-backoffice/faults", Map.of("delayMillis", -1));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).contains("negative");
        assertThat(faults.delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(faults.down()).isTrue();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The back office's "today": Oman's date on the application clock, which other tests may have moved forward. Read
     * just before a call, so only a call straddling midnight in Muscat could see another day.
     */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DemoBackOffice.OMAN);
    }
}
