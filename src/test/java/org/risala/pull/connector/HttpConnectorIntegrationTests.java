package org.risala.pull.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.risala.pull.ReplyTemplate;
import org.risala.testing.IntegrationTest;
import org.risala.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTTP connector as the application builds it, asking the demo back office over a real socket. */
@IntegrationTest
class HttpConnectorIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Connectors connectors;

    @Autowired
    TestClock clock;

    /** the header's placeholder is resolved from the application's environment: an unresolved one would fail */
    @Test
    void theDemoViolationsOfAPlateAreVariablesForTheReply() throws Exception {
        LookupResult result = connectors.build(Definitions.http("GET", violationsUrl())
                .headers(Map.of("X-Client", "${spring.application.name}"))
                .variables(Map.of("owner", "/owner", "unpaidCount", "/unpaidCount", "total", "/total",
                        "violations", "/violations")).build()).lookup(Map.of("plate", "12345AB"));

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Muscat"));
        assertThat(result.found()).isTrue();
        assertThat(result.variables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "plate", "12345AB",
                "owner", "Salim bin Hamad Al Harthi",
                "unpaidCount", "2",
                "total", "35.000 OMR",
                "violations", List.of(
                        Map.of("id", "TV-" + today.minusDays(9).getYear() + "-004127",
                                "date", today.minusDays(9).toString(), "place", "Muscat Expressway",
                                "offence", "Speeding (20 km/h over)", "offenceAr", "تجاوز السرعة",
                                "amount", "15.000 OMR"),
                        Map.of("id", "TV-" + today.minusDays(37).getYear() + "-003958",
                                "date", today.minusDays(37).toString(), "place", "Al Khoudh, Seeb",
                                "offence", "Parking in a no-parking area", "offenceAr", "الوقوف في مكان ممنوع",
                                "amount", "20.000 OMR"))));
        assertThat(new ReplyTemplate("{{plate}}: {{unpaidCount}} unpaid violations, {{total}}."
                + "{{#violations}} {{date}} {{place}} {{amount}};{{/violations}}").render(result.variables()))
                .isEqualTo("12345AB: 2 unpaid violations, 35.000 OMR. " + today.minusDays(9)
                        + " Muscat Expressway 15.000 OMR; " + today.minusDays(37) + " Al Khoudh, Seeb 20.000 OMR;");
    }

    @Test
    void anUnknownPlateIsNotFound() throws Exception {
        assertThat(connectors.build(Definitions.http("GET", violationsUrl()).build())
                .lookup(Map.of("plate", "99999ZZ")).found()).isFalse();
    }

    private String violationsUrl() {
        return "http://127.0.0.1:" + port + "/demo-backoffice/traffic/violations?plate={plate}";
    }
}
