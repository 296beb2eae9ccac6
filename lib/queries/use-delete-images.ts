"use client";
/** Delete images after a confirmation that says what else it touches (shares), then refresh. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";

const post = <T,>(body: unknown) => request<T>("/api/images/delete", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export function useDeleteImages() {
  const client = useQueryClient();
  return useMutation({
    /** Resolves to false when the person said no. */
    mutationFn: async (ids: readonly string[]): Promise<boolean> => {
      const { shares } = await post<{ images: number; shares: number }>({ imageIds: ids, dryRun: true });
      const what = ids.length === 1 ? "this image" : `these ${ids.length} images`;
      const inShares = shares > 0 ? ` ${ids.length === 1 ? "It is" : "They are"} in ${shares} shared galler${shares === 1 ? "y" : "ies"} and will disappear from ${shares === 1 ? "it" : "them"}.` : "";
      if (!window.confirm(`Delete ${what}?${inShares} This cannot be undone.`)) return false;
      await post({ imageIds: ids });
      return true;
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.gallery.all });
      void client.invalidateQueries({ queryKey: queryKeys.spend });
      void client.invalidateQueries({ queryKey: queryKeys.shares });
    },
  });
}
