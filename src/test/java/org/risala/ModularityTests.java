package org.risala;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesRespectTheirDeclaredBoundaries() {
        ApplicationModules.of(RisalaApplication.class).verify();
    }
}
