/**
 * Resolves in a new task at background priority: `scheduler.postTask` where
 * there is one (the page's rendering and the reader's input go first), else
 * `setTimeout` (never an animation frame: a page in the background gets
 * none, and the work would hang). Used for work a first render need not wait
 * for: the rest of a dataset's check, formatters made before the data comes.
 */
export function nextBackgroundTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (callback: () => void, options?: { priority?: string }) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}
