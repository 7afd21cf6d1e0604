package org.haven.discussion;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.haven.web.StrictBoolean;
import org.haven.web.StrictVersion;

/** Request bodies of the discussion API, with the limits every client is held to. */
public final class DiscussionRequests {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;

    private DiscussionRequests() {
    }

    public record NewThread(
            @NotBlank(message = "Give your thread a title.")
            @Size(max = MAX_TITLE, message = "A title has at most 200 characters.")
            String title,
            @NotBlank(message = "Write something in the post.")
            @Size(max = MAX_BODY, message = "A post has at most 20,000 characters.")
            String body,
            @JsonbTypeDeserializer(StrictBoolean.class) Boolean anonymous) {
    }

    public record NewPost(
            @NotBlank(message = "Write something in the reply.")
            @Size(max = MAX_BODY, message = "A post has at most 20,000 characters.")
            String body,
            @JsonbTypeDeserializer(StrictBoolean.class) Boolean anonymous) {
    }

    public record EditPost(
            @NotBlank(message = "A post cannot be empty. To remove it, delete it.")
            @Size(max = MAX_BODY, message = "A post has at most 20,000 characters.")
            String body,
            @NotNull(message = "Send the version of the post you edited.")
            @JsonbTypeDeserializer(StrictVersion.class) Long version) {
    }

    /**
     * A moderator edits a post to take out identifying or method details: the new text, the thread's new title when
     * it is an opening post whose title says too much (optional), the note shown under the post, and the version.
     */
    public record ModeratorEdit(
            @NotBlank(message = "A post cannot be empty. To take it out of view, hide it from the review lane.")
            @Size(max = MAX_BODY, message = "A post has at most 20,000 characters.")
            String body,
            @Size(max = 4 * MAX_TITLE, message = "A title has at most 200 characters.")
            String title,
            @Size(max = 2000, message = "A reason has at most 500 characters.")
            String reason,
            @NotNull(message = "Send the version of the post you edited.")
            @JsonbTypeDeserializer(StrictVersion.class) Long version) {
    }

    /** A moderator moves a thread to another topic (its slug), saying why if they like (kept in the audit log). */
    public record Move(@NotNull(message = "Say which topic the thread moves to.")
            @Size(max = 60, message = "There is no such topic.") String topic,
            @Size(max = 2000, message = "A reason for a move has at most 360 characters.") String reason) {
    }

    /** A moderator locks a thread or opens it again, saying why if they like (kept in the audit log). */
    public record LockChange(@NotNull(message = "Say whether the thread is locked: true or false.")
            @JsonbTypeDeserializer(StrictBoolean.class) Boolean locked,
            // at most 500 characters once cleaned; this only keeps a body of any size from being cleaned at all
            @Size(max = 2000, message = "A reason has at most 500 characters.") String reason) {
    }
}
