import type { PublicSharedGrid } from "@/lib/shares/share-grid";
import type { PublicSharedImage } from "@/lib/shares/share-service";

/**
 * A shared sweep on its grid (server-rendered, no JavaScript): X values along the top and the
 * bottom, Y values down both sides, one block per Z value; each cell links to its large view.
 */
export function SharedGrid({ token, grid, images }: { token: string; grid: PublicSharedGrid; images: PublicSharedImage[] }) {
  const [nx, ny, nz] = grid.shape;
  const [xAxis, yAxis, zAxis] = grid.axes;
  const cellAt = new Map(grid.cells.map((c) => [`${c.x},${c.y},${c.z}`, c.n]));
  const xLabels = (
    <tr>
      <th scope="col" className="sr-only">
        {yAxis?.label ?? ""}
      </th>
      {Array.from({ length: nx }, (_, x) => (
        <th key={x} scope="col" className="px-1 py-1 text-center text-xs font-medium text-neutral-700">
          {xAxis?.values[x]}
        </th>
      ))}
      <th aria-hidden="true" />
    </tr>
  );
  return (
    <div className="flex flex-col gap-8" data-testid="shared-grid">
      <p className="text-sm text-neutral-600">{grid.axes.map((a, i) => `${["Across", "Down", "Blocks"][i]}: ${a.label}`).join(" · ")}</p>
      {Array.from({ length: nz }, (_, z) => (
        <section key={z} aria-label={zAxis ? `${zAxis.label}: ${zAxis.values[z]}` : undefined} className="overflow-x-auto">
          {zAxis && <h2 className="mb-2 text-base font-semibold">{`${zAxis.label}: ${zAxis.values[z]}`}</h2>}
          <table className="border-separate border-spacing-1">
            <caption className="sr-only">{grid.axes.map((a) => a.label).join(" by ")}</caption>
            <thead>{xLabels}</thead>
            <tbody>
              {Array.from({ length: ny }, (_, y) => (
                <tr key={y}>
                  <th scope="row" className="max-w-40 pr-2 text-right text-xs font-medium text-neutral-700">
                    {yAxis?.values[y]}
                  </th>
                  {Array.from({ length: nx }, (_, x) => {
                    const n = cellAt.get(`${x},${y},${z}`) ?? null;
                    const image = n ? images[n - 1] : undefined;
                    const label = grid.axes.map((a, i) => `${a.label} ${a.values[[x, y, z][i]]}`).join(", ");
                    return (
                      <td key={x} className="h-40 w-40 min-w-32 rounded-md bg-neutral-100 p-0 align-middle" data-testid="shared-grid-cell">
                        {image ? (
                          <a href={`/s/${token}/${n}`} className="block focus-visible:outline-2 focus-visible:outline-blue-600" aria-label={label}>
                            {/* eslint-disable-next-line @next/next/no-img-element -- share-scoped URLs, no optimiser in front of them */}
                            <img src={`/s/${token}/t/${n}`} alt={image.prompt ?? label} width={image.width} height={image.height} className="h-40 w-40 rounded-md object-cover" />
                          </a>
                        ) : (
                          <span className="block px-2 text-center text-xs text-neutral-500">No image</span>
                        )}
                      </td>
                    );
                  })}
                  <th scope="row" aria-hidden="true" className="max-w-40 pl-2 text-left text-xs font-medium text-neutral-700">
                    {yAxis?.values[y]}
                  </th>
                </tr>
              ))}
            </tbody>
            <tfoot aria-hidden="true">{xLabels}</tfoot>
          </table>
        </section>
      ))}
    </div>
  );
}
