/**
 * The moderation queue. Its care lane: every post written at CONCERN or above, and every post a member is worried
 * about, becomes a care item (in the post's own transaction), listed to moderators most severe first, then oldest
 * first, and announced live. Its review lane: posts members reported for other reasons. Moderators claim items
 * and decide on them, and every action goes to the audit log. Detection details live only on the item and go with
 * it after the retention period. Watched words, sanctions and the dashboard come with the moderation issue.
 */
package org.haven.moderation;
