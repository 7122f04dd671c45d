package io.ledgerbridge.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Checks usernames and passwords against the users in LedgerBridge's own database. */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

  @Inject private UserDirectory directory;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return directory
        .verifyPassword(login.getCaller(), login.getPassword().getValue())
        .map(caller -> new CredentialValidationResult(caller.name(), caller.groups()))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
