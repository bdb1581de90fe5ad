package dev.devicescripts.adapter.http.graph;

/**
 * The service inside Graph that answers a request. The directory (Entra ID: groups, users, devices) and Intune answer
 * differently: their error codes, page sizes and query rules are their own, and a client depends on each's.
 */
public enum GraphService {
    INTUNE,
    DIRECTORY
}
