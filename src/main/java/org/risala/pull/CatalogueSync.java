package org.risala.pull;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalogue in step: seeds it from the configuration once every bean exists (before the SMPP links start
 * and citizens' commands can arrive), then looks for other nodes' changes every refresh interval.
 */
@Component
class CatalogueSync implements SmartInitializingSingleton, SchedulingConfigurer {

    private final ServiceCatalogue catalogue;
    private final CatalogueProperties properties;

    CatalogueSync(ServiceCatalogue catalogue, CatalogueProperties properties) {
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        catalogue.seed(properties.services());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(catalogue::refresh, properties.refreshInterval());
    }
}
