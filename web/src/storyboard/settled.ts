/**
 * Waits for the stage to be ready for a camera move: a view switched to from another is only sized on a
 * later frame, and a view with other filters is drawn only once its network has loaded (the stage is
 * `aria-busy` meanwhile). Moving the camera before then would aim at a frame of no size.
 */
export function whenSettled(stage: HTMLElement, then: () => void): void {
  const twoFrames = (run: () => void) => requestAnimationFrame(() => requestAnimationFrame(run));
  twoFrames(() => {
    if (!stage.hasAttribute('aria-busy')) {
      then();
      return;
    }
    const watch = new MutationObserver(() => {
      if (stage.hasAttribute('aria-busy')) return;
      watch.disconnect();
      twoFrames(then);
    });
    watch.observe(stage, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}
