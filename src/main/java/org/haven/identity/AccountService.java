package org.haven.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.haven.platform.Clock;
import org.haven.web.ApiException;

/**
 * A member's own data: everything they wrote, as one JSON document, and deleting the account, with the
 * choice DESIGN.md gives them: erase their posts, or leave them under "[deleted member]".
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
    static final String CHOOSE = "Choose what becomes of your posts: \"erase\" them, or \"keep\" them under [deleted member].";

    @Inject
    MemberService members;

    @Inject
    MemberRepository repository;

    @Inject
    Event<MemberExport> exports;

    @Inject
    Clock clock;

    /** Everything the member wrote; sections come from each feature that keeps something of theirs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonObject export(Viewer viewer) {
        Member member = repository.byId(viewer.memberId()).orElseThrow(() -> ApiException.notFound("That member"));
        JsonObjectBuilder about = Json.createObjectBuilder()
                .add("pseudonym", member.pseudonym())
                .add("role", member.role().wireName())
                .add("joinedAt", member.createdAt().toString());
        if (member.country() == null) {
            about.addNull("country");
        } else {
            about.add("country", member.country());
        }
        if (member.suspendedAt(clock.now())) {
            about.add(member.suspendedUntil().isBefore(Member.BANNED) ? "suspendedUntil" : "bannedFromWriting",
                    member.suspendedUntil().toString());
        }
        JsonObjectBuilder document = Json.createObjectBuilder()
                .add("about", "Everything Haven keeps that you wrote. Your passphrase and recovery code are kept only as "
                        + "one-way hashes, so they are not here. Haven never kept your address or your email.")
                .add("exportedAt", clock.now().toString())
                .add("member", about);
        exports.fire(new MemberExport(member.id(), document));
        return document.build();
    }

    /** After the passphrase is confirmed (failures count like sign-ins), the account goes, in one transaction. */
    public void delete(Viewer viewer, IdentityRequests.AccountDeletion request, String clientKey) {
        members.confirmPassphrase(viewer, request.passphrase(), "passphrase", clientKey);
        repository.delete(viewer.memberId(), request.erasePosts());
        LOG.info(() -> "member " + viewer.memberId() + " deleted their account"
                + (request.erasePosts() ? " and erased their posts" : ", keeping their posts"));
    }
}
