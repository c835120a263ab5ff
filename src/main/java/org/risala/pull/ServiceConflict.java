package org.risala.pull;

/**
 * An edit made on a version of a service that is no longer the current one (someone else saved it meanwhile), or
 * the creation of a service that exists already. Nothing was changed; reload the service and make the edit again.
 */
public class ServiceConflict extends RuntimeException {

    public ServiceConflict(String message) {
        super(message);
    }
}
