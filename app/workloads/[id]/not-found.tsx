import { NotFoundMessage } from "@/components/shell/not-found-message";

/** A workload profile or scenario id that does not exist (or was deleted). */
export default function WorkloadNotFound() {
  return (
    <NotFoundMessage
      title="No such workload profile or scenario"
      detail="It may have been deleted, or the link is mistyped. The workloads list has every profile and its scenarios."
    />
  );
}
