package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.directory.User;

/**
 * The directory's users, as Graph's {@code /users} serves them. A key is a user's object id or its
 * userPrincipalName.
 */
public interface UserUseCases extends ListUseCase<User>, MemberOfUseCase {
    User create(Caller caller, NewUser user);

    User get(Caller caller, String key);

    void update(Caller caller, String key, UserPatch patch);

    /** The user leaves every group. */
    void delete(Caller caller, String key);

    /**
     * A user as a client creates it; null where the client sent nothing.
     *
     * @param password the passwordProfile's password: required, checked, never kept
     */
    record NewUser(Boolean accountEnabled, String displayName, String mailNickname, String userPrincipalName,
                   String mail, String password) {
    }

    record UserPatch(Change<Boolean> accountEnabled, Change<String> displayName, Change<String> mailNickname,
                     Change<String> userPrincipalName, Change<String> mail) {
    }
}
