// «Доска объявлений» (MSG-3): everyone reads; staff with board.post publish.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadBoardClasses, loadBoardPage } from "@/lib/messages/loaders";
import { BoardList } from "@/components/messages/board-list";
import { AnnouncementForm } from "@/components/messages/announcement-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Объявления" };

export default async function BoardPage() {
  const { user } = await requireAccess("board.view");
  const [items, held] = await Promise.all([loadBoardPage(user), heldPermissions(user.organisationId, user.id)]);
  const canPost = held.has("board.post");
  const classes = canPost ? await loadBoardClasses(user) : [];
  const canRemoveAny = (["ADMIN", "DIRECTOR", "DEPUTY"] as const).some((r) => user.roles.includes(r));
  return (
    <div className="space-y-4">
      <PageHeader title="Доска объявлений" />
      {canPost && <AnnouncementForm classes={classes} kind={user.orgKind} />}
      <BoardList
        items={items}
        now={new Date()}
        timeZone={user.timeZone}
        canRemoveAny={canRemoveAny && canPost}
        kind={user.orgKind}
      />
    </div>
  );
}
