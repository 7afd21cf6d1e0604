/**
 * The moderation queue. For now its care lane: every post written at CONCERN or above becomes a care item
 * (in the post's own transaction), listed to moderators most severe first, then oldest first. Detection
 * details live only on the item and go with it after the retention period. The review lane, reports,
 * claims and decisions come with the moderation issue.
 */
package org.haven.moderation;
