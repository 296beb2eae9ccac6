"use client";
/**
 * The mask editor: a full-window dialog over the form, painting on the source image at its
 * natural size. State lives in stores (the document per image in useMaskDocs, tools and looks in
 * useMaskEditor); input goes through the headless GestureController; Konva only draws. The form
 * behind the dialog exports the PNG after every change (usePaintedMaskSync), so closing the
 * editor loses nothing and there is no "save" step.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EditorPanel } from "@/components/mask-editor/editor-panel";
import { EditorToolbar } from "@/components/mask-editor/editor-toolbar";
import { BufferLayer } from "@/components/mask-editor/buffer-shapes";
import { HelpOverlay } from "@/components/mask-editor/help-overlay";
import { MaskStage } from "@/components/mask-editor/mask-stage";
import { exposeTestApi, overlayMismatches } from "@/components/mask-editor/test-api";
import { useEditorActions } from "@/components/mask-editor/use-editor-actions";
import { useEditorKeys } from "@/components/mask-editor/use-editor-keys";
import { useEditorView } from "@/components/mask-editor/use-editor-view";
import { useHtmlImage } from "@/components/mask-editor/use-html-image";
import { useMaskRaster } from "@/components/mask-editor/use-mask-raster";
import { useSentMaskCanvas } from "@/components/mask-editor/use-sent-mask-canvas";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { GestureController } from "@/lib/canvas/editor/gesture-controller";
import { usesBrush } from "@/lib/canvas/editor/tool-ids";
import { preflightMask } from "@/lib/canvas/preflight";
import type { Stroke } from "@/lib/canvas/types";
import type { ImageValue } from "@/lib/browser-images/image-value";
import { isPaintedMask } from "@/lib/mask-editor/export-mask";
import { imageKeyOf } from "@/lib/mask-editor/image-key";
import { useMaskDocs } from "@/lib/mask-editor/mask-docs-store";
import { useMaskEditor } from "@/lib/mask-editor/mask-editor-store";
import { useChosenMaskPolarity } from "@/lib/playground-form/use-chosen-model";
import { maskNeedsInversion, type TaskType } from "@/lib/models";

export interface MaskEditorProps {
  image: ImageValue;
  task: TaskType;
  /** The form's current mask value (the exported PNG, or an uploaded file). */
  sent: ImageValue | null;
  onClose(): void;
}

const NO_STROKES: readonly Stroke[] = [];

export function MaskEditor({ image, task, sent, onClose }: MaskEditorProps) {
  const { ref: dialogRef, close: closeDialog } = useModalDialog();
  const key = imageKeyOf(image);
  const size = useMemo(() => ({ width: image.width, height: image.height }), [image.width, image.height]);
  const doc = useMaskDocs((s) => s.docs[key]);
  const strokes = doc?.done ?? NO_STROKES;
  const ui = useMaskEditor();
  const html = useHtmlImage(image.dataUrl);

  const [stageBox, setStageBox] = useState<HTMLDivElement | null>(null);
  const stageInput = useRef<HTMLDivElement>(null);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const { view, viewport, getView, setView, setZoom, stepZoom } = useEditorView(size, stageBox);
  const actions = useEditorActions(key, size, { setZoom, stepZoom });

  const [buffer] = useState(() => new BufferLayer());
  // One controller for the editor's life (the parent remounts the editor for another image).
  const [controller] = useState(
    () =>
      new GestureController({
        getView,
        setView,
        preview: (stroke) => buffer.draw(stroke, useMaskEditor.getState().tint, getView().zoom),
        commit: (stroke) => useMaskDocs.getState().commit(key, size, stroke),
      }),
  );

  useEffect(() => controller.setTool(ui.tool), [controller, ui.tool]);
  useEffect(() => controller.setRadius(ui.radius), [controller, ui.radius]);
  useEffect(() => controller.setShapeMode(ui.shapeMode), [controller, ui.shapeMode]);
  const onSpace = useCallback((held: boolean) => {
    controller.setSpaceHeld(held);
    setSpaceHeld(held);
  }, [controller]);
  useEditorKeys(controller, actions, onSpace);

  const raster = useMaskRaster(size.width, size.height, strokes, ui.tint);
  const sentCanvas = useSentMaskCanvas(ui.maskView ? raster : null, task);
  const polarity = useChosenMaskPolarity();
  const preflight = useMemo(() => preflightMask(raster.bitmap, size), [raster, size]);
  const exportPending = doc !== undefined && !(isPaintedMask(sent) && sent.painted.key === key && sent.painted.revision === doc.revision) && !preflight.problems.some((p) => p.code === "empty");

  useEffect(
    () =>
      exposeTestApi({
        view: getView,
        imageSize: () => size,
        strokes: () => useMaskDocs.getState().docs[key]?.done ?? [],
        tool: () => useMaskEditor.getState().tool,
        stageBox: () => {
          const r = stageInput.current?.getBoundingClientRect();
          return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
        },
        overlayMismatches: () => overlayMismatches(raster.bitmap, raster.tint),
      }),
    [key, size, getView, raster],
  );

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="mask-editor-title"
      onClose={onClose}
      className="fixed inset-0 m-0 h-dvh max-h-none w-dvw max-w-none bg-white p-0 backdrop:bg-black/50"
      data-testid="mask-editor"
    >
      <div className="flex h-full flex-col">
        <header className="flex items-center justify-between gap-2 border-b border-neutral-200 px-3 py-2">
          <h2 id="mask-editor-title" className="truncate text-base font-semibold">
            Paint the mask <span className="font-normal text-neutral-600">· {image.width}×{image.height} · red = the area to change</span>
          </h2>
          <button type="button" onClick={closeDialog} className="rounded-md bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-neutral-700">
            Done
          </button>
        </header>
        <EditorToolbar actions={actions} zoom={view?.zoom ?? 1} />
        <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
          <div ref={setStageBox} className="relative min-h-[16rem] flex-1 overflow-hidden bg-neutral-200">
            {html && view && viewport ? (
              <MaskStage
                image={html}
                imageSize={size}
                raster={raster}
                sentMask={sentCanvas}
                view={view}
                viewport={viewport}
                controller={controller}
                opacity={ui.opacity}
                overlayHidden={ui.overlayHidden}
                cursorRadius={usesBrush(ui.tool) && !spaceHeld ? ui.radius : null}
                cursor={ui.tool === "hand" || spaceHeld ? "grab" : "crosshair"}
                bufferRef={buffer.attach}
                containerRef={stageInput}
                label={`Mask canvas, ${image.width} by ${image.height} pixels. Paint with the pointer; press ? for shortcuts.`}
              />
            ) : (
              <p className="p-4 text-sm text-neutral-600">Loading the image…</p>
            )}
            {ui.helpOpen && <HelpOverlay onClose={() => ui.setHelpOpen(false)} />}
          </div>
          <div className="max-h-[40vh] border-t border-neutral-200 lg:max-h-none lg:w-72 lg:border-l lg:border-t-0">
            <EditorPanel preflight={preflight} sent={sent} exportPending={exportPending} inverted={maskNeedsInversion(task, polarity)} />
          </div>
        </div>
      </div>
    </dialog>
  );
}
