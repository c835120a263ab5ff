package org.risala.smpp;

/**
 * This node's identity in the cluster, written as the holder of bind leases. It must stay the same across a
 * restart, so that a restarted node takes its own leases back at once instead of waiting for them to expire.
 *
 * @param id from {@code risala.node-id}, by default {@code <hostname>:<server.port>}
 */
public record ClusterNode(String id) {

    public ClusterNode {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("node id is empty");
        }
    }
}
