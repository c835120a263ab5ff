package org.risala.smpp;

/** This node's identity in a cluster sharing one database: who holds a bind lease, who claimed a message. */
public record ClusterNode(String id) {
}
