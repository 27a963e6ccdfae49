// Forum reads (MSG-4): one topic list per organisation, posts, moderators. Bound to the organisation.
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { compareRu } from "@/lib/org/collation";

export type TopicItem = {
  id: number;
  title: string;
  authorName: string;
  createdAt: Date;
  posts: number;
  lastPostAt: Date | null;
};

export async function topicsOf(organisationId: number): Promise<TopicItem[]> {
  const rows = await db.forumTopic.findMany({
    where: { organisationId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      createdAt: true,
      author: { select: NAME_FIELDS },
      _count: { select: { posts: { where: { hidden: false } } } },
      posts: { where: { hidden: false }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  return rows
    .map((t) => ({
      id: t.id,
      title: t.title,
      authorName: fullName(t.author),
      createdAt: t.createdAt,
      posts: t._count.posts,
      lastPostAt: t.posts[0]?.createdAt ?? null,
    }))
    .sort((a, b) => (b.lastPostAt ?? b.createdAt).getTime() - (a.lastPostAt ?? a.createdAt).getTime());
}

export type PostItem = {
  id: number;
  body: string;
  authorName: string;
  createdAt: Date;
  hidden: boolean;
  hiddenByName: string | null;
};
export type TopicView = { id: number; title: string; posts: PostItem[] };

export async function topicOf(organisationId: number, topicId: number): Promise<TopicView | null> {
  const t = await db.forumTopic.findUnique({
    where: { organisationId_id: { organisationId, id: topicId } },
    select: {
      id: true,
      title: true,
      posts: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        select: {
          id: true,
          body: true,
          hidden: true,
          hiddenById: true,
          createdAt: true,
          author: { select: NAME_FIELDS },
        },
      },
    },
  });
  if (!t) return null;
  const hiders = [...new Set(t.posts.flatMap((p) => (p.hiddenById ? [p.hiddenById] : [])))];
  const names = new Map(
    (
      await db.user.findMany({
        where: { organisationId, id: { in: hiders } },
        select: { id: true, ...NAME_FIELDS },
      })
    ).map((u) => [u.id, fullName(u)]),
  );
  return {
    id: t.id,
    title: t.title,
    posts: t.posts.map((p) => ({
      id: p.id,
      body: p.body,
      authorName: fullName(p.author),
      createdAt: p.createdAt,
      hidden: p.hidden,
      hiddenByName: p.hiddenById ? (names.get(p.hiddenById) ?? null) : null,
    })),
  };
}

export async function isModerator(organisationId: number, userId: number): Promise<boolean> {
  return (await db.forumModerator.count({ where: { organisationId, userId } })) > 0;
}

export type ModeratorCandidate = { userId: number; name: string; isModerator: boolean };

/** Active staff of the organisation with whether each is a forum moderator. */
export async function moderatorCandidates(organisationId: number): Promise<ModeratorCandidate[]> {
  const rows = await db.user.findMany({
    where: {
      organisationId,
      OR: [
        { isActive: true, roles: { some: { role: { notIn: ["STUDENT", "PARENT"] } } } },
        { forumModerator: { isNot: null } },
      ],
    },
    select: {
      id: true,
      ...NAME_FIELDS,
      forumModerator: { select: { userId: true } },
    },
  });
  return rows
    .map((u) => ({ userId: u.id, name: fullName(u), isModerator: u.forumModerator !== null }))
    .sort((a, b) => Number(b.isModerator) - Number(a.isModerator) || compareRu(a.name, b.name));
}

/** The post's topic, when the post exists in the organisation. */
export async function topicOfPost(organisationId: number, postId: number): Promise<number | null> {
  const p = await db.forumPost.findUnique({
    where: { organisationId_id: { organisationId, id: postId } },
    select: { topicId: true },
  });
  return p?.topicId ?? null;
}
