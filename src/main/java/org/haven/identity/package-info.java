/**
 * Members, passphrases, sessions and roles. A member is a pseudonym and two hashes (passphrase and
 * recovery code); there is no email, name or address to leak. Sessions keep only a hash of the bearer
 * token. This package resolves who is asking ({@link org.haven.identity.CurrentMember}); other
 * packages ask it, and never read tokens or cookies themselves.
 */
package org.haven.identity;
