package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.targeting.GroupScriptLink;
import dev.devicescripts.domain.targeting.ScriptResult;
import dev.devicescripts.domain.targeting.TargetResult;
import dev.devicescripts.domain.targeting.TargetingWarning;

/**
 * Effective targeting (targeting.md section 4, devicescripts' extension): who a script reaches and why, and the
 * reverse. Each answer is computed on read from one snapshot of the tenant. Every one needs the script read
 * permission, a directory read permission and the managed devices read permission; missing any, the caller is
 * refused naming it.
 */
public interface TargetingUseCases {

    /** A script's reached and excluded devices and users, under the script's id (4.2). */
    NavigationListUseCase<TargetResult> effectiveTargets(boolean applyFilters);

    /** Every script's result on one managed device, under the device's id (4.3). */
    NavigationListUseCase<ScriptResult> deviceScripts(boolean applyFilters);

    /** Every script's result on one user, under the user's id or userPrincipalName (4.3). */
    NavigationListUseCase<ScriptResult> userScripts(boolean applyFilters);

    /** The assignments that concern a group, directly or through a group holding it, under the group's id (4.3). */
    NavigationListUseCase<GroupScriptLink> groupScripts();

    /** One script's warnings (4.5), under the script's id. */
    NavigationListUseCase<TargetingWarning> scriptWarnings();

    /** The warnings of every script of the tenant (4.5). */
    ListUseCase<TargetingWarning> tenantWarnings();
}
