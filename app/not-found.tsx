import { NotFoundMessage } from "@/components/shell/not-found-message";

export default function NotFound() {
  return <NotFoundMessage title="Not found" detail="There is nothing at this address. It may have been deleted, or the link is mistyped." />;
}
