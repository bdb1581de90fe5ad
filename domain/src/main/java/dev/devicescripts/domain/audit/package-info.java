/**
 * The audit record of every change (targeting.md 1.5 and 1.6): Intune's audit events for scripts, their assignments
 * and assignment filters, and Entra's directory audits for groups, members, users and devices. Entries are plain
 * values, built here from what a change did and who made it, and written by the stores together with the change.
 */
package dev.devicescripts.domain.audit;
