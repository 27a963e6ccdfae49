// Forum writes (MSG-4). Callers have checked forum.use / moderation rights.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";

export async function createTopic(
  organisationId: number,
  authorId: number,
  title: string,
  body: string,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const topic = await tx.forumTopic.create({ data: { organisationId, authorId, title }, select: { id: true } });
    await tx.forumPost.create({ data: { organisationId, topicId: topic.id, authorId, body } });
    return topic.id;
  });
}

/** Adds a post; false when the topic does not exist in the organisation. */
export async function addPost(
  organisationId: number,
  topicId: number,
  authorId: number,
  body: string,
): Promise<boolean> {
  const topic = await db.forumTopic.findUnique({
    where: { organisationId_id: { organisationId, id: topicId } },
    select: { id: true },
  });
  if (!topic) return false;
  await db.forumPost.create({ data: { organisationId, topicId, authorId, body } });
  return true;
}

/** Hides or shows a post, remembering who hid it; audited. False when the post does not exist. */
export async function setPostHidden(
  organisationId: number,
  postId: number,
  hidden: boolean,
  moderatorId: number,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.forumPost.updateMany({
      where: { organisationId, id: postId },
      data: { hidden, hiddenById: hidden ? moderatorId : null },
    });
    if (count === 0) return false;
    const action = hidden ? "forum.post.hide" : "forum.post.show";
    await auditChange(tx, { organisationId, userId: moderatorId }, action, ["ForumPost", postId]);
    return true;
  });
}

/** Appoints or removes a moderator (ADMIN); false when the user is not in the organisation. */
export async function setModerator(
  organisationId: number,
  userId: number,
  appoint: boolean,
  adminId: number,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { organisationId_id: { organisationId, id: userId } },
      select: { id: true },
    });
    if (!user) return false;
    if (appoint) {
      await tx.forumModerator.upsert({
        where: { organisationId_userId: { organisationId, userId } },
        create: { organisationId, userId },
        update: {},
      });
    } else {
      await tx.forumModerator.deleteMany({ where: { organisationId, userId } });
    }
    const action = appoint ? "forum.moderator.appoint" : "forum.moderator.remove";
    await auditChange(tx, { organisationId, userId: adminId }, action, ["User", userId]);
    return true;
  });
}
