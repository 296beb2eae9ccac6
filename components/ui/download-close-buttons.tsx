/** The large views' closing pair: download the full image, close the view. */
export function DownloadCloseButtons({ url, downloadName, onClose }: { url: string; downloadName: string; onClose: () => void }) {
  return (
    <>
      <a href={url} download={downloadName} className="rounded-md bg-neutral-900 px-3 py-1.5 font-medium text-white hover:bg-neutral-700">
        Download
      </a>
      <button type="button" onClick={onClose} className="rounded-md border border-neutral-300 px-3 py-1.5 font-medium hover:bg-neutral-100">
        Close
      </button>
    </>
  );
}
